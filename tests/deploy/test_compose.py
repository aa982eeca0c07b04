"""deploy/compose.yaml and deploy/Dockerfile, checked without a Docker engine."""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from georisk.settings import CONTRACT_TOPICS, Settings
from tests.deploy.deploy_helpers import DEPLOY, run_tool

COMPOSE = DEPLOY / "compose.yaml"
DOCKERFILE = DEPLOY / "Dockerfile"
CHECK_JSONSCHEMA = str(Path(sys.executable).with_name("check-jsonschema"))


@pytest.fixture(scope="module")
def compose() -> dict[str, Any]:
    data: dict[str, Any] = yaml.safe_load(COMPOSE.read_text(encoding="utf-8"))
    return data


def _validate(path: Path) -> tuple[int, str]:
    result = run_tool(CHECK_JSONSCHEMA, "--builtin-schema", "vendor.compose-spec", str(path))
    return result.returncode, result.stdout + result.stderr


def test_compose_matches_the_compose_spec() -> None:
    code, output = _validate(COMPOSE)
    assert code == 0, output


def test_compose_spec_check_rejects_a_bad_condition(tmp_path: Path) -> None:
    broken = COMPOSE.read_text(encoding="utf-8").replace(
        "condition: service_healthy", "condition: service_ready", 1
    )
    path = tmp_path / "compose.yaml"
    path.write_text(broken, encoding="utf-8")
    code, output = _validate(path)
    assert code == 1, output
    assert "service_ready" in output


def test_images_are_pinned(compose: dict[str, Any]) -> None:
    services = compose["services"]
    assert re.fullmatch(r"apache/kafka:4\.\d+\.\d+", services["broker"]["image"])
    for name, service in services.items():
        image = service["image"]
        assert re.fullmatch(r"[\w./-]+:[\w.-]+", image), f"{name}: unpinned image {image}"
        assert not image.endswith(":latest"), name


def test_services_have_healthchecks_and_wait_for_healthy_dependencies(
    compose: dict[str, Any],
) -> None:
    services = compose["services"]
    assert set(services) == {
        "broker",
        "topic-init",
        "georisk",
        "prometheus",
        "alertmanager",
        "grafana",
    }
    for name, service in services.items():
        check = service["healthcheck"]
        if name == "topic-init":
            assert check == {"disable": True}  # one-shot; dependants wait for its exit
            continue
        assert check["test"][0] in {"CMD", "CMD-SHELL"}, name
        for dependency, spec in service.get("depends_on", {}).items():
            one_shot = dependency == "topic-init"
            expected = "service_completed_successfully" if one_shot else "service_healthy"
            assert spec["condition"] == expected, f"{name} -> {dependency}"
    assert services["georisk"]["depends_on"].keys() == {"broker", "topic-init"}
    assert services["grafana"]["depends_on"].keys() == {"prometheus"}
    assert "/healthz" in " ".join(services["georisk"]["healthcheck"]["test"])


def test_topic_init_creates_the_contract_topics(compose: dict[str, Any]) -> None:
    init = compose["services"]["topic-init"]
    script = init["command"][0]
    assert "--if-not-exists" in script
    created = dict(re.findall(r"^create (\S+) (\S+)", script, flags=re.MULTILINE))
    assert set(CONTRACT_TOPICS.values()) <= created.keys()
    worker_env = compose["services"]["georisk"]["environment"]
    assert init["environment"]["INPUT_PARTITIONS"] == worker_env["GEORISK_PARTITIONS"] == "4"
    for kind in ("articles", "events"):
        assert created[CONTRACT_TOPICS[kind]] == '"$$INPUT_PARTITIONS"'
    # The worker's internal topic (app id prefix) must stay single-partition.
    assert init["environment"]["APP_ID"] == worker_env["GEORISK_APP_ID"]
    assert created['"$$APP_ID-scored-documents"'] == "1"


def test_worker_environment_is_valid_settings(
    compose: dict[str, Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    env = compose["services"]["georisk"]["environment"]
    fields = {f"GEORISK_{name.upper()}" for name in Settings.model_fields}
    assert set(env) <= fields, f"unknown settings {set(env) - fields}"
    for key in fields:
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        # ${VAR:-} interpolations are empty unless the operator sets them.
        monkeypatch.setenv(key, "" if value.startswith("${") else value)
    settings = Settings()
    assert settings.http_host == "0.0.0.0"
    assert settings.bootstrap_servers == ["broker:19092"]
    assert settings.session_timeout_s == 10.0
    assert settings.heartbeat_interval_s == 3.0
    assert settings.webhook_secret.get_secret_value() == ""


def test_scrape_and_datasource_targets_exist(compose: dict[str, Any]) -> None:
    services = compose["services"]
    prometheus = yaml.safe_load((DEPLOY / "prometheus" / "prometheus.yml").read_text("utf-8"))
    (job,) = [j for j in prometheus["scrape_configs"] if j["job_name"] == "georisk"]
    assert job["dns_sd_configs"][0]["names"] == ["georisk"]
    assert "georisk" in services
    (am,) = prometheus["alerting"]["alertmanagers"][0]["static_configs"]
    assert am["targets"] == ["alertmanager:9093"]
    datasource = yaml.safe_load(
        (DEPLOY / "grafana/provisioning/datasources/prometheus.yaml").read_text("utf-8")
    )
    assert datasource["datasources"][0]["url"] == "http://prometheus:9090"


def test_mounted_paths_exist(compose: dict[str, Any]) -> None:
    for name, service in compose["services"].items():
        for volume in service.get("volumes", []):
            source = volume.split(":", 1)[0]
            if source.startswith("./"):
                assert (DEPLOY / source).exists(), f"{name}: {source} missing"


def test_dockerfile_builds_from_the_lock_as_non_root() -> None:
    text = DOCKERFILE.read_text(encoding="utf-8")
    assert re.search(r"^FROM python:3\.11-slim\b", text, flags=re.MULTILINE)
    assert "uv sync --frozen --no-dev" in text
    users = re.findall(r"^USER (\S+)", text, flags=re.MULTILINE)
    assert users
    assert users[-1].split(":")[0] not in {"root", "0"}
    assert re.search(r"^HEALTHCHECK .*\n?.*/healthz", text, flags=re.MULTILINE)
    assert re.search(r'^ENTRYPOINT \["georisk"\]', text, flags=re.MULTILINE)
    # Only what the image needs is sent as build context.
    ignore = (DEPLOY / "Dockerfile.dockerignore").read_text(encoding="utf-8").splitlines()
    assert "*" in ignore
    copied = re.findall(r"^COPY (?!--from)(.+) \S+$", text, flags=re.MULTILINE)
    for line in copied:
        for path in line.split():
            assert f"!{path}" in ignore or f"!{path}/" in ignore, path
