"""The published contract: schemas/ matches the models, schemas are valid, fixtures stay valid.

The official AsyncAPI 3.0.0 JSON Schema ships only in npm packages (@asyncapi/specs), not in
any PyPI package, so the AsyncAPI document's structure and references are asserted here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click
import orjson
import pytest
import yaml
from click.testing import CliRunner
from jsonschema import Draft202012Validator
from pydantic import BaseModel, ValidationError

from georisk.cli.schemas import render, schemas
from georisk.contracts import ASYNCAPI_FILE, CONTRACTS, SCHEMA_BASE_URI, Contract, json_schemas
from georisk.settings import CONTRACT_TOPICS

ROOT = Path(__file__).resolve().parents[2]
SCHEMAS = ROOT / "schemas"
FIXTURES = ROOT / "tests" / "contracts" / "fixtures"
BY_NAME = {contract.name: contract for contract in CONTRACTS}
FIXTURE_FILES = sorted(FIXTURES.glob("*.json"))
REGENERATE = "schemas/ is out of date with the models: run `georisk schemas` and commit schemas/"


def contract_of(fixture: Path) -> Contract:
    return BY_NAME[fixture.name.split(".", 1)[0]]


def validator(contract: Contract) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / contract.file_name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def load_asyncapi() -> dict[str, Any]:
    document: dict[str, Any] = yaml.safe_load((SCHEMAS / ASYNCAPI_FILE).read_text("utf-8"))
    return document


def resolve(document: dict[str, Any], ref: str) -> Any:
    """Follow a local `#/a/b` reference; KeyError when it points nowhere."""
    assert ref.startswith("#/"), ref
    node: Any = document
    for part in ref[2:].split("/"):
        node = node[part.replace("~1", "/").replace("~0", "~")]
    return node


# --- drift -------------------------------------------------------------------------------


def test_committed_schemas_match_the_models(tmp_path: Path) -> None:
    result = CliRunner().invoke(schemas, ["--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    generated = {path.name: path.read_bytes() for path in (tmp_path / "out").iterdir()}
    assert set(generated) == set(render())
    for name, content in sorted(generated.items()):
        committed = SCHEMAS / name
        assert committed.is_file(), f"missing {committed}; {REGENERATE}"
        assert committed.read_bytes() == content, f"{name} differs; {REGENERATE}"
    # A renamed or removed model must not leave a stale schema behind.
    stale = {p.name for p in SCHEMAS.glob("*.v*.json")} - set(generated)
    assert not stale, f"stale schema files {sorted(stale)}: delete them"


def test_generation_is_deterministic_and_canonical() -> None:
    first, second = render(), render()
    assert first == second
    for name, content in first.items():
        assert content.endswith(b"\n"), name
        assert not content.endswith(b"\n\n"), name
        if name.endswith(".json"):
            value = orjson.loads(content)
            assert (
                content
                == orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"
            ), name
    # Shared subtrees must not turn into YAML anchors/aliases.
    assert b"&id" not in first[ASYNCAPI_FILE]
    assert b"*id" not in first[ASYNCAPI_FILE]


def test_cli_default_out_is_schemas_in_current_directory() -> None:
    runner = CliRunner()
    with runner.isolated_filesystem():
        result = runner.invoke(schemas, [])
        assert result.exit_code == 0, result.output
        written = sorted(p.name for p in Path("schemas").iterdir())
    assert written == sorted(render())
    assert "schemas/article.v1.json" in result.output


def test_schemas_is_a_georisk_verb() -> None:
    # Imported here: a sibling verb's import problem should not hide the drift check above.
    from georisk.cli.main import cli

    assert cli.get_command(click.Context(cli), "schemas") is schemas


# --- JSON Schemas ------------------------------------------------------------------------


@pytest.mark.parametrize("contract", CONTRACTS, ids=lambda c: c.name)
def test_schema_is_valid_draft_2020_12(contract: Contract) -> None:
    schema = json_schemas()[contract.file_name]
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"{SCHEMA_BASE_URI}{contract.name}.v1.json"
    assert schema["title"] == contract.model.__name__
    assert "schema_version" in schema["properties"]


def test_one_schema_per_model_and_topic() -> None:
    assert [c.file_name for c in CONTRACTS] == [
        "article.v1.json",
        "event.v1.json",
        "signal.v1.json",
        "score_update.v1.json",
        "alert.v1.json",
        "deadletter.v1.json",
    ]
    assert sorted(c.topic for c in CONTRACTS) == sorted(CONTRACT_TOPICS)


def test_inbound_schemas_allow_unknown_fields_outbound_forbid_them() -> None:
    schemas = json_schemas()
    for contract in CONTRACTS:
        closed = schemas[contract.file_name].get("additionalProperties") is False
        assert closed == (contract.action == "send"), contract.name


def test_format_checker_enforces_date_time() -> None:
    # Without rfc3339-validator installed, jsonschema silently skips `format: date-time`.
    assert "date-time" in Draft202012Validator.FORMAT_CHECKER.checkers


# --- golden fixtures ---------------------------------------------------------------------


def test_every_model_has_a_fixture() -> None:
    covered = {contract_of(path).name for path in FIXTURE_FILES}
    assert covered == set(BY_NAME)


@pytest.mark.parametrize("fixture", FIXTURE_FILES, ids=lambda p: p.stem)
def test_fixture_validates_and_round_trips(fixture: Path) -> None:
    contract = contract_of(fixture)
    raw = fixture.read_bytes()
    check = validator(contract)
    errors = [e.message for e in check.iter_errors(orjson.loads(raw))]
    assert errors == [], f"{fixture.name}: {errors}"

    message = contract.model.model_validate_json(raw)
    dumped = message.model_dump(mode="json")
    # What georisk would write back must fit the schema and parse to the same message.
    assert [e.message for e in check.iter_errors(dumped)] == []
    assert contract.model.model_validate_json(orjson.dumps(dumped)) == message


def test_inbound_unknown_fields_are_ignored() -> None:
    raw = (FIXTURES / "article.full.json").read_bytes()
    assert "ingest_pipeline" in orjson.loads(raw)
    article = BY_NAME["article"].model.model_validate_json(raw)
    assert "ingest_pipeline" not in article.model_dump()


# --- bad examples ------------------------------------------------------------------------

_DROP = object()

BAD: list[tuple[str, dict[str, Any]]] = [
    ("article.minimal.json", {"id": 5, "text": 7}),
    ("article.minimal.json", {"text": _DROP}),
    ("article.minimal.json", {"text": ""}),
    ("article.minimal.json", {"published_at": "2025-03-04T09:30:00"}),  # no timezone
    ("article.minimal.json", {"published_at": "yesterday"}),
    ("article.minimal.json", {"countries": ["GBR"]}),
    ("article.minimal.json", {"published_at_from_record": "true"}),
    ("event.gdelt.json", {"occurred_at": _DROP}),
    ("event.gdelt.json", {"code": "ABC"}),
    ("event.gdelt.json", {"goldstein": 11.0}),
    ("event.gdelt.json", {"num_mentions": "42"}),
    ("event.gdelt.json", {"actor1_country": "China"}),
    ("event.incident.json", {"incident": {"category": 7}}),
    ("event.control.json", {"control": {"material": "gallium", "measure": "embargo"}}),
    ("signal.minerals.json", {"level": 4}),
    ("signal.minerals.json", {"level": True}),
    ("signal.minerals.json", {"confidence": 1.5}),
    ("signal.minerals.json", {"dimension": "composite"}),
    ("signal.minerals.json", {"unexpected": 1}),  # outbound models are closed
    ("score_update.minerals.json", {"score": 101.0}),
    ("score_update.minerals.json", {"dimension": "economy"}),
    ("score_update.minerals.json", {"as_of": "2024-12-03"}),
    ("alert.band_change.json", {"band_to": "severe"}),
    ("alert.band_change.json", {"evidence": [{"doc_id": "x", "level": 1}]}),
    ("deadletter.not_json.json", {"raw_encoding": "hex"}),
    ("deadletter.not_json.json", {"offset": "1047"}),
]


def _mutate(base: dict[str, Any], changes: dict[str, Any]) -> dict[str, Any]:
    out = dict(base)
    for field, value in changes.items():
        if value is _DROP:
            out.pop(field, None)
        else:
            out[field] = value
    return out


@pytest.mark.parametrize(("fixture", "changes"), BAD, ids=[f"{f}:{sorted(c)}" for f, c in BAD])
def test_bad_example_fails_schema_and_model(fixture: str, changes: dict[str, Any]) -> None:
    contract = contract_of(FIXTURES / fixture)
    bad = _mutate(orjson.loads((FIXTURES / fixture).read_bytes()), changes)
    assert not validator(contract).is_valid(bad), f"schema accepted {changes}"
    model: type[BaseModel] = contract.model
    with pytest.raises(ValidationError):
        model.model_validate_json(orjson.dumps(bad))


def test_the_design_example_is_not_an_article() -> None:
    contract = BY_NAME["article"]
    assert not validator(contract).is_valid({"id": 5, "text": 7})
    with pytest.raises(ValidationError):
        contract.model.model_validate_json(b'{"id": 5, "text": 7}')


# --- AsyncAPI ----------------------------------------------------------------------------


def test_asyncapi_header_and_servers() -> None:
    document = load_asyncapi()
    assert document["asyncapi"] == "3.0.0"
    assert document["info"]["title"] == "georisk"
    assert document["info"]["version"] == "1.0.0"
    assert document["defaultContentType"] == "application/json"
    servers = document["servers"]
    assert servers["local"] == {
        "host": "127.0.0.1:19092",
        "protocol": "kafka",
        "description": servers["local"]["description"],
    }
    assert servers["production"]["protocol"] == "kafka"


def test_asyncapi_has_a_channel_per_topic() -> None:
    channels = load_asyncapi()["channels"]
    addresses = sorted(channel["address"] for channel in channels.values())
    assert addresses == sorted(CONTRACT_TOPICS.values())
    for channel in channels.values():
        kafka = channel["bindings"]["kafka"]
        assert kafka["topic"] == channel["address"]
        assert kafka["bindingVersion"] == "0.5.0"
        is_input = channel["address"] in (CONTRACT_TOPICS["articles"], CONTRACT_TOPICS["events"])
        assert kafka.get("partitions") == (4 if is_input else None), channel["address"]


def test_asyncapi_operations_reference_existing_channels_and_messages() -> None:
    document = load_asyncapi()
    expected_action = {CONTRACT_TOPICS[c.topic]: c.action for c in CONTRACTS}
    operated: set[str] = set()
    for operation_id, operation in document["operations"].items():
        channel = resolve(document, operation["channel"]["$ref"])
        assert operation["action"] == expected_action[channel["address"]], operation_id
        assert operation["messages"], operation_id
        for ref in operation["messages"]:
            # An operation may only name messages of its own channel.
            assert ref["$ref"].startswith(operation["channel"]["$ref"] + "/messages/"), ref
            assert "payload" in resolve(document, resolve(document, ref["$ref"])["$ref"])
        operated.add(channel["address"])
    assert operated == set(CONTRACT_TOPICS.values()), "every channel needs an operation"


def test_asyncapi_messages_point_at_schema_files_and_describe_keys() -> None:
    document = load_asyncapi()
    messages = document["components"]["messages"]
    assert set(messages) == {c.model.__name__ for c in CONTRACTS}
    for channel in document["channels"].values():
        for ref in channel["messages"].values():
            message = resolve(document, ref["$ref"])
            payload_ref = message["payload"]["$ref"]
            # A bare file $ref: the AsyncAPI parser skips 2020-12 schemaFormat payloads.
            assert set(message["payload"]) == {"$ref"}
            assert "schemaFormat" not in message
            target = SCHEMAS / payload_ref
            assert target.is_file(), payload_ref
            schema = json.loads(target.read_text(encoding="utf-8"))
            assert schema["title"] == message["name"]
            assert schema["$id"] == SCHEMA_BASE_URI + target.name
            key = message["bindings"]["kafka"]["key"]
            assert key["type"] == "string", message["name"]
            assert key["description"], message["name"]


def test_asyncapi_score_and_alert_keys_are_scope_slash_dimension() -> None:
    messages = load_asyncapi()["components"]["messages"]
    for name in ("ScoreUpdate", "Alert"):
        key = Draft202012Validator(messages[name]["bindings"]["kafka"]["key"])
        assert key.is_valid("gb-jp/minerals")
        assert key.is_valid("gb-jp/composite")
        assert not key.is_valid("gb-jp")
        assert not key.is_valid("gb-jp/economy")
