"""The generated Grafana dashboard: drift, PromQL validity, metric names, ids, provisioning."""

from __future__ import annotations

import importlib.util
import json
import re
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import promql_parser
import pytest
import yaml

from tests.deploy.deploy_helpers import (
    DEPLOY,
    expand_grafana_macros,
    metric_names_in,
    registered_metric_names,
)

GRAFANA = DEPLOY / "grafana"
DASHBOARD = GRAFANA / "dashboards" / "georisk.json"


def _load_generator() -> ModuleType:
    # deploy/ is not a package: load the generator from its path, as `python generate.py` does.
    spec = importlib.util.spec_from_file_location("grafana_generate", GRAFANA / "generate.py")
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def generator() -> ModuleType:
    return _load_generator()


@pytest.fixture(scope="module")
def dashboard() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(DASHBOARD.read_text(encoding="utf-8"))
    return data


def _panels(dashboard: dict[str, Any]) -> Iterator[dict[str, Any]]:
    for panel in dashboard["panels"]:
        yield panel
        yield from panel.get("panels", [])


def _targets(dashboard: dict[str, Any]) -> Iterator[tuple[dict[str, Any], dict[str, Any]]]:
    for panel in _panels(dashboard):
        for target in panel.get("targets", []):
            yield panel, target


def _exprs(dashboard: dict[str, Any]) -> list[str]:
    return [target["expr"] for _, target in _targets(dashboard)]


def _variable_selectors(dashboard: dict[str, Any]) -> list[str]:
    """The series selector inside each `label_values(<selector>, <label>)` variable query."""
    selectors = []
    for variable in dashboard["templating"]["list"]:
        if variable["type"] != "query":
            continue
        match = re.fullmatch(r"label_values\((.+),\s*\w+\)", variable["query"])
        assert match, f"variable {variable['name']}: unexpected query {variable['query']!r}"
        selectors.append(match.group(1))
    return selectors


def test_committed_dashboard_matches_the_generator(generator: ModuleType) -> None:
    assert DASHBOARD.read_text(encoding="utf-8") == generator.render(), (
        "deploy/grafana/dashboards/georisk.json is stale: run "
        ".venv/bin/python deploy/grafana/generate.py"
    )


def test_generator_check_mode_detects_drift(
    generator: ModuleType, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stale = tmp_path / "georisk.json"
    stale.write_text("{}\n", encoding="utf-8")
    monkeypatch.setattr(generator, "OUTPUT", stale)
    assert generator.main(["--check"]) == 1
    assert generator.main([]) == 0
    assert generator.main(["--check"]) == 0


def test_json_is_sorted_and_indented(dashboard: dict[str, Any]) -> None:
    text = DASHBOARD.read_text(encoding="utf-8")
    assert text == json.dumps(dashboard, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_every_expr_parses(dashboard: dict[str, Any]) -> None:
    exprs = _exprs(dashboard)
    assert len(exprs) >= 15
    for expr in exprs + _variable_selectors(dashboard):
        promql_parser.parse(expand_grafana_macros(expr))


def test_parser_rejects_broken_promql() -> None:
    # Guards the check above against a parser that accepts anything.
    with pytest.raises(ValueError, match="unclosed left parenthesis"):
        promql_parser.parse("sum(rate(georisk_messages_total[5m])")


def test_every_metric_is_registered_by_the_service(dashboard: dict[str, Any]) -> None:
    registered = registered_metric_names()
    assert "georisk_messages_total" in registered
    assert "georisk_event_to_score_seconds_bucket" in registered
    allowed = registered | {"up"}
    used: set[str] = set()
    for expr in _exprs(dashboard) + _variable_selectors(dashboard):
        names = metric_names_in(expand_grafana_macros(expr))
        assert names, f"selects no metric: {expr}"
        assert names <= allowed, f"unknown metric {names - allowed} in {expr}"
        used |= names
    # The panels the dashboard promises are all there.
    for name in (
        "georisk_score",
        "georisk_adjusted_score",
        "georisk_partnership_offset",
        "georisk_band",
        "georisk_messages_total",
        "georisk_deadletters_total",
        "georisk_event_to_score_seconds_bucket",
        "georisk_alerts_total",
        "georisk_webhook_deliveries_total",
        "georisk_ready",
        "up",
    ):
        assert name in used, f"no panel shows {name}"


def test_panel_ids_and_ref_ids_are_unique_and_set(dashboard: dict[str, Any]) -> None:
    ids = [panel["id"] for panel in _panels(dashboard)]
    assert all(isinstance(panel_id, int) and panel_id > 0 for panel_id in ids)
    assert len(ids) == len(set(ids))
    for panel in _panels(dashboard):
        refs = [target["refId"] for target in panel.get("targets", [])]
        assert all(refs), f"panel {panel['title']!r} has an empty refId"
        assert len(refs) == len(set(refs)), f"panel {panel['title']!r} repeats a refId"
        if panel["type"] != "row":
            assert refs, f"panel {panel['title']!r} has no query"


def test_panels_do_not_overlap(dashboard: dict[str, Any]) -> None:
    cells: set[tuple[int, int]] = set()
    for panel in dashboard["panels"]:
        pos = panel["gridPos"]
        assert pos["x"] + pos["w"] <= 24, panel["title"]
        area = {
            (x, y)
            for x in range(pos["x"], pos["x"] + pos["w"])
            for y in range(pos["y"], pos["y"] + pos["h"])
        }
        assert not area & cells, f"panel {panel['title']!r} overlaps another"
        cells |= area


def test_datasource_uids_match_provisioning(dashboard: dict[str, Any]) -> None:
    provisioned = yaml.safe_load(
        (GRAFANA / "provisioning" / "datasources" / "prometheus.yaml").read_text(encoding="utf-8")
    )
    uids = {source["uid"]: source["type"] for source in provisioned["datasources"]}
    assert uids == {"prometheus": "prometheus"}
    refs = [panel["datasource"] for panel in _panels(dashboard) if "datasource" in panel]
    refs += [target["datasource"] for _, target in _targets(dashboard)]
    refs += [variable["datasource"] for variable in dashboard["templating"]["list"]]
    assert refs
    for ref in refs:
        assert uids.get(ref["uid"]) == ref["type"], ref


def test_dashboard_provider_points_at_the_mounted_dashboards() -> None:
    provider = yaml.safe_load(
        (GRAFANA / "provisioning" / "dashboards" / "georisk.yaml").read_text(encoding="utf-8")
    )
    (entry,) = provider["providers"]
    assert entry["type"] == "file"
    assert entry["options"]["path"] == "/var/lib/grafana/dashboards"
    compose = yaml.safe_load((DEPLOY / "compose.yaml").read_text(encoding="utf-8"))
    mounts = compose["services"]["grafana"]["volumes"]
    assert f"./grafana/dashboards:{entry['options']['path']}:ro" in mounts


def test_variables_scope_and_band_thresholds(dashboard: dict[str, Any]) -> None:
    names = {variable["name"] for variable in dashboard["templating"]["list"]}
    assert names == {"scope", "horizon"}
    score_exprs = [e for e in _exprs(dashboard) if "georisk_score" in e]
    assert score_exprs
    assert all('scope=~"$scope"' in e for e in score_exprs)
    steps = [
        [step["value"] for step in panel["fieldConfig"]["defaults"]["thresholds"]["steps"]]
        for panel in _panels(dashboard)
        if panel["title"].startswith(("Score by", "Adjusted score"))
    ]
    assert steps == [[None, 84.0, 97.7], [None, 84.0, 97.7]]


def test_dashboard_thresholds_match_the_alert_rules(generator: ModuleType) -> None:
    rules = yaml.safe_load((DEPLOY / "prometheus/rules/georisk.yml").read_text(encoding="utf-8"))
    alerts = {r["alert"]: r for g in rules["groups"] for r in g["rules"] if "alert" in r}
    latency = alerts["GeoRiskEventToScoreLatencyHigh"]["expr"]
    match = re.search(r"\)\s*>\s*([0-9.]+)\s*$", latency)
    assert match, latency
    assert float(match.group(1)) == generator.LATENCY_ALERT_S
    assert f"starts at {generator.ELEVATED:g}" in alerts["GeoRiskScoreElevated"]["annotations"][
        "description"
    ].replace("\n", " ")
    assert f"starts at {generator.HIGH:g}" in alerts["GeoRiskScoreHigh"]["annotations"][
        "description"
    ].replace("\n", " ")
