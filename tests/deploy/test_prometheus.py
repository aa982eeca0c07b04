"""Prometheus rules, their promtool unit tests, the scrape config and the Alertmanager config."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy.deploy_helpers import (
    DEPLOY,
    duration_s,
    metric_names_in,
    registered_metric_names,
    require_tool,
    run_tool,
)

PROM = DEPLOY / "prometheus"
RULES = PROM / "rules" / "georisk.yml"
RULE_TESTS = sorted((PROM / "tests").glob("*.yml"))
ALERTMANAGER = DEPLOY / "alertmanager" / "alertmanager.yml"
SEVERITIES = {"info", "warning", "critical"}


def _load(path: Path) -> Any:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def _rules() -> list[dict[str, Any]]:
    return [rule for group in _load(RULES)["groups"] for rule in group["rules"]]


def _alerts() -> list[dict[str, Any]]:
    return [rule for rule in _rules() if "alert" in rule]


# --- static checks (no external tool) -------------------------------------------------------


def test_rules_use_only_metrics_the_service_registers() -> None:
    recorded = {rule["record"] for rule in _rules() if "record" in rule}
    allowed = registered_metric_names() | recorded | {"up"}
    for rule in _rules():
        used = metric_names_in(rule["expr"])
        assert used, f"{rule.get('alert') or rule.get('record')} selects no metric"
        unknown = used - allowed
        assert not unknown, f"{rule.get('alert') or rule.get('record')} uses unknown {unknown}"


def test_alerts_have_routing_labels_hysteresis_and_text() -> None:
    alerts = _alerts()
    assert {a["alert"] for a in alerts} >= {
        "GeoRiskScoreElevated",
        "GeoRiskScoreHigh",
        "GeoRiskScoreCritical",
        "GeoRiskDeadLetterRate",
        "GeoRiskWorkerDown",
        "GeoRiskWorkerNotReady",
        "GeoRiskEventToScoreLatencyHigh",
        "GeoRiskWebhookDeliveryFailures",
    }
    for alert in alerts:
        name = alert["alert"]
        assert alert["labels"]["severity"] in SEVERITIES, name
        assert alert["labels"]["category"] in {"risk", "ops"}, name
        assert duration_s(alert["for"]) > 0, f"{name} fires on a single evaluation"
        assert alert["annotations"]["summary"], name
        assert alert["annotations"]["description"], name


def test_band_alerts_ignore_the_partnership_dimension() -> None:
    # Partnership measures cooperation that offsets risk: a high value is good news.
    for alert in _alerts():
        if alert["labels"]["category"] == "risk":
            assert 'dimension!="partnership"' in alert["expr"], alert["alert"]


def test_every_alert_is_unit_tested_firing_and_not_firing() -> None:
    firing: set[str] = set()
    silent: set[str] = set()
    for path in RULE_TESTS:
        suite = _load(path)
        assert suite["rule_files"] == ["../rules/georisk.yml"], path.name
        for case in suite["tests"]:
            for check in case.get("alert_rule_test", []):
                (firing if check.get("exp_alerts") else silent).add(check["alertname"])
    names = {alert["alert"] for alert in _alerts()}
    assert names - firing == set(), "alerts never tested firing"
    assert names - silent == set(), "alerts never tested not firing"


def test_alertmanager_routes_every_severity_and_inhibits_lower_bands() -> None:
    config = _load(ALERTMANAGER)
    routed = {
        matcher.split("=", 1)[1].strip('"')
        for route in config["route"]["routes"]
        for matcher in route["matchers"]
        if matcher.startswith("severity=")
    }
    assert routed == SEVERITIES
    receivers = {receiver["name"]: receiver for receiver in config["receivers"]}
    for route in [config["route"], *config["route"]["routes"]]:
        assert receivers[route["receiver"]]["webhook_configs"], route["receiver"]
    assert any(
        'severity="critical"' in rule["source_matchers"] and "scope" in rule["equal"]
        for rule in config["inhibit_rules"]
    )


def test_scrape_config_targets_the_worker_port() -> None:
    config = _load(PROM / "prometheus.yml")
    (job,) = [job for job in config["scrape_configs"] if job["job_name"] == "georisk"]
    assert job["metrics_path"] == "/metrics"
    assert job["dns_sd_configs"][0]["port"] == 6066
    # The alert rules select up{job="georisk"}.
    assert 'up{job="georisk"}' in RULES.read_text(encoding="utf-8")


# --- promtool / amtool ----------------------------------------------------------------------


def test_promtool_check_rules() -> None:
    promtool = require_tool("promtool")
    result = run_tool(promtool, "check", "rules", str(RULES))
    assert result.returncode == 0, result.stdout + result.stderr


def test_promtool_unit_tests() -> None:
    promtool = require_tool("promtool")
    assert RULE_TESTS, "no promtool unit tests found"
    result = run_tool(promtool, "test", "rules", *(p.name for p in RULE_TESTS), cwd=PROM / "tests")
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("SUCCESS") == len(RULE_TESTS), result.stdout


def test_promtool_unit_tests_catch_a_broken_rule(tmp_path: Path) -> None:
    """Without keep_firing_for the band alerts resolve at once, and the suite must notice."""
    promtool = require_tool("promtool")
    text = RULES.read_text(encoding="utf-8")
    assert "keep_firing_for: 30m" in text
    (tmp_path / "rules").mkdir()
    (tmp_path / "tests").mkdir()
    (tmp_path / "rules" / "georisk.yml").write_text(
        text.replace("keep_firing_for: 30m", "keep_firing_for: 1m"), encoding="utf-8"
    )
    risk = PROM / "tests" / "risk.yml"
    (tmp_path / "tests" / risk.name).write_text(risk.read_text(encoding="utf-8"), encoding="utf-8")
    result = run_tool(promtool, "test", "rules", risk.name, cwd=tmp_path / "tests")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "alertname: GeoRiskScoreHigh" in result.stderr


def test_promtool_check_config() -> None:
    promtool = require_tool("promtool")
    result = run_tool(promtool, "check", "config", "prometheus.yml", cwd=PROM)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 rule files found" in result.stdout


def test_amtool_check_config() -> None:
    amtool = require_tool("amtool")
    result = run_tool(amtool, "check-config", str(ALERTMANAGER))
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("labels", "receiver"),
    [
        (["severity=critical", "category=risk", "scope=gb-jp"], "georisk-critical"),
        (["severity=critical", "category=ops"], "georisk-critical"),
        (["severity=warning", "category=risk", "scope=gb-jp"], "georisk-warning"),
        (["severity=info", "category=risk", "scope=gb-jp"], "georisk-digest"),
        (["alertname=Unlabelled"], "georisk-warning"),
    ],
)
def test_amtool_routes(labels: list[str], receiver: str) -> None:
    amtool = require_tool("amtool")
    result = run_tool(
        amtool,
        "config",
        "routes",
        "test",
        f"--config.file={ALERTMANAGER}",
        f"--verify.receivers={receiver}",
        *labels,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == receiver
