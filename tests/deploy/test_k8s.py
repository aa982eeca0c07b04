"""Kubernetes manifests: schema validation (kubernetes-validate, vendored KEDA schema) and the
wiring between them (labels, ports, probes, settings, scope file, secret reference)."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest
import yaml

from georisk.scopes import load_scopes
from georisk.settings import CONTRACT_TOPICS, Settings
from tests.deploy.deploy_helpers import DEPLOY, run_tool

K8S = DEPLOY / "k8s"
MANIFESTS = sorted(K8S.glob("*.yaml"))
KEDA = K8S / "optional" / "keda-scaledobject.yaml"
KEDA_SCHEMA = Path(__file__).parent / "schemas" / "keda-scaledobject.schema.json"
KUBERNETES_VALIDATE = str(Path(sys.executable).with_name("kubernetes-validate"))


def _documents() -> dict[tuple[str, str], dict[str, Any]]:
    docs: dict[tuple[str, str], dict[str, Any]] = {}
    for path in MANIFESTS:
        for doc in yaml.safe_load_all(path.read_text(encoding="utf-8")):
            key = (doc["kind"], doc["metadata"]["name"])
            assert key not in docs, f"duplicate {key}"
            docs[key] = doc
    return docs


@pytest.fixture(scope="module")
def docs() -> dict[tuple[str, str], dict[str, Any]]:
    return _documents()


@pytest.fixture(scope="module")
def pod(docs: dict[tuple[str, str], dict[str, Any]]) -> dict[str, Any]:
    spec: dict[str, Any] = docs[("Deployment", "georisk")]["spec"]["template"]["spec"]
    return spec


@pytest.fixture(scope="module")
def env(docs: dict[tuple[str, str], dict[str, Any]]) -> dict[str, str]:
    data: dict[str, str] = docs[("ConfigMap", "georisk-env")]["data"]
    return data


def _kubernetes_validate(*paths: Path, version: str | None = None) -> tuple[int, str]:
    args = [KUBERNETES_VALIDATE, "--strict", "--quiet"]
    if version:
        args += ["--kubernetes-version", version]
    result = run_tool(*args, *map(str, paths))
    return result.returncode, result.stdout + result.stderr


@pytest.mark.parametrize("version", [None, "1.32.0"])
def test_manifests_validate_strictly(version: str | None) -> None:
    assert {p.name for p in MANIFESTS} >= {
        "configmap.yaml",
        "deployment.yaml",
        "service.yaml",
        "pdb.yaml",
    }
    code, output = _kubernetes_validate(*MANIFESTS, version=version)
    assert code == 0, output


def test_kubernetes_validate_rejects_a_string_port(tmp_path: Path) -> None:
    broken = tmp_path / "deployment.yaml"
    text = (K8S / "deployment.yaml").read_text(encoding="utf-8")
    broken.write_text(text.replace("containerPort: 6066", 'containerPort: "6066"'), "utf-8")
    code, output = _kubernetes_validate(broken)
    assert code == 1, output
    assert "containerPort" in output


def test_keda_scaled_object_matches_the_vendored_schema() -> None:
    schema = json.loads(KEDA_SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    scaled = yaml.safe_load(KEDA.read_text(encoding="utf-8"))
    validator.validate(scaled)
    # The schema is strict enough to catch the usual mistake: numbers where KEDA wants strings.
    scaled["spec"]["triggers"][0]["metadata"]["lagThreshold"] = 500
    assert not validator.is_valid(scaled)


def test_keda_scales_the_worker_on_its_own_consumer_group(
    docs: dict[tuple[str, str], dict[str, Any]], env: dict[str, str]
) -> None:
    spec = yaml.safe_load(KEDA.read_text(encoding="utf-8"))["spec"]
    assert (spec["scaleTargetRef"]["kind"], spec["scaleTargetRef"]["name"]) in docs
    assert 1 <= spec["minReplicaCount"] <= spec["maxReplicaCount"] <= int(env["GEORISK_PARTITIONS"])
    topics = set()
    for trigger in spec["triggers"]:
        meta = trigger["metadata"]
        assert trigger["type"] == "kafka"
        assert meta["consumerGroup"] == env["GEORISK_APP_ID"]
        assert meta["bootstrapServers"] == env["GEORISK_BOOTSTRAP"]
        assert int(meta["lagThreshold"]) > int(meta["activationLagThreshold"]) > 0
        topics.add(meta["topic"])
    assert topics == {CONTRACT_TOPICS["articles"], CONTRACT_TOPICS["events"]}


def test_worker_probes(pod: dict[str, Any], env: dict[str, str]) -> None:
    (container,) = pod["containers"]
    (port,) = container["ports"]
    assert port["containerPort"] == int(env["GEORISK_HTTP_PORT"])
    probes = {name: container[name] for name in ("startupProbe", "livenessProbe", "readinessProbe")}
    assert probes["startupProbe"]["httpGet"]["path"] == "/healthz"
    assert probes["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert probes["readinessProbe"]["httpGet"]["path"] == "/readyz"
    for probe in probes.values():
        assert probe["httpGet"]["port"] in {port["name"], port["containerPort"]}
    startup = probes["startupProbe"]
    # Joining the group and recovering scoring state can take minutes on a busy cluster.
    assert startup["periodSeconds"] * startup["failureThreshold"] >= 180


def test_worker_runs_unprivileged_within_limits(pod: dict[str, Any], env: dict[str, str]) -> None:
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == 10001  # the user deploy/Dockerfile creates
    assert pod["automountServiceAccountToken"] is False
    # Long enough to commit and leave the group: more than a session timeout.
    assert pod["terminationGracePeriodSeconds"] > float(env["GEORISK_SESSION_TIMEOUT_S"])
    (container,) = pod["containers"]
    security = container["securityContext"]
    assert security["allowPrivilegeEscalation"] is False
    assert security["readOnlyRootFilesystem"] is True
    assert security["capabilities"]["drop"] == ["ALL"]
    for kind in ("requests", "limits"):
        assert set(container["resources"][kind]) == {"cpu", "memory"}
    # With a read-only root, faust's working directory must be a writable volume.
    mounts = {mount["mountPath"] for mount in container["volumeMounts"]}
    assert {"/var/lib/georisk", "/tmp"} <= mounts


def test_webhook_secret_is_a_reference_only(
    docs: dict[tuple[str, str], dict[str, Any]], pod: dict[str, Any], env: dict[str, str]
) -> None:
    assert not [key for key in docs if key[0] == "Secret"], "never commit a Secret"
    assert "GEORISK_WEBHOOK_SECRET" not in env
    (container,) = pod["containers"]
    (secret,) = [var for var in container["env"] if var["name"] == "GEORISK_WEBHOOK_SECRET"]
    assert set(secret) == {"name", "valueFrom"}
    assert secret["valueFrom"]["secretKeyRef"]["name"] == "georisk-webhook"


def test_config_map_is_valid_settings(env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    fields = {f"GEORISK_{name.upper()}" for name in Settings.model_fields}
    assert set(env) <= fields, f"unknown settings {set(env) - fields}"
    for key in fields:
        monkeypatch.delenv(key, raising=False)
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    settings = Settings()
    assert settings.http_host == "0.0.0.0"
    assert settings.session_timeout_s == 10.0
    assert settings.heartbeat_interval_s == 3.0
    assert settings.webhook_urls == []


def test_scope_file_loads_and_is_mounted_where_settings_point(
    docs: dict[tuple[str, str], dict[str, Any]],
    pod: dict[str, Any],
    env: dict[str, str],
    tmp_path: Path,
) -> None:
    scopes_file = Path(env["GEORISK_SCOPES_FILE"])
    (container,) = pod["containers"]
    (mount,) = [m for m in container["volumeMounts"] if Path(m["mountPath"]) == scopes_file.parent]
    (volume,) = [v for v in pod["volumes"] if v["name"] == mount["name"]]
    config_map = docs[("ConfigMap", volume["configMap"]["name"])]
    local = tmp_path / scopes_file.name
    local.write_text(config_map["data"][scopes_file.name], encoding="utf-8")
    names = [scope.name for scope in load_scopes(local)]
    assert names == ["gb-jp", "au-gb"]


def test_service_and_pdb_select_the_worker_pods(
    docs: dict[tuple[str, str], dict[str, Any]], pod: dict[str, Any]
) -> None:
    deployment = docs[("Deployment", "georisk")]
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    selector = deployment["spec"]["selector"]["matchLabels"]
    assert selector.items() <= labels.items()
    service = docs[("Service", "georisk")]["spec"]
    assert service["selector"].items() <= labels.items()
    (port,) = service["ports"]
    assert port["targetPort"] == pod["containers"][0]["ports"][0]["name"]
    pdb = docs[("PodDisruptionBudget", "georisk")]["spec"]
    assert pdb["selector"]["matchLabels"].items() <= labels.items()
    assert pdb["maxUnavailable"] < deployment["spec"]["replicas"]
    assert ("ServiceAccount", pod["serviceAccountName"]) in docs
