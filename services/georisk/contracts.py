"""The published wire contract: JSON Schemas of the message models and the AsyncAPI 3.0 document.

Pure: everything is built as plain dicts from `georisk.models` and `georisk.settings`; writing
them to `schemas/` is the `georisk schemas` command's job. The committed files are checked for
drift against these builders in `tests/unit/test_contracts.py`.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any, Literal

from pydantic import BaseModel
from pydantic.json_schema import GenerateJsonSchema, JsonSchemaMode, JsonSchemaValue
from pydantic_core import CoreSchema

from georisk.models import (
    SCHEMA_MAJOR,
    SCHEMA_VERSION,
    SCORE_DIMENSIONS,
    Alert,
    Article,
    DeadLetter,
    Event,
    ScoreUpdate,
    Signal,
)
from georisk.settings import CONTRACT_TOPICS, Settings

SCHEMA_BASE_URI = "https://georisk.example/schemas/"
ASYNCAPI_FILE = "asyncapi.yaml"
# Kafka bindings version understood by AsyncAPI 3.0 tooling.
KAFKA_BINDING_VERSION = "0.5.0"
# Read from the field default rather than instantiating Settings: the contract must not
# depend on the environment of whoever regenerates it.
INPUT_PARTITIONS: int = Settings.model_fields["partitions"].default

Action = Literal["receive", "send"]

_SCOPE_DIMENSION_KEY: dict[str, Any] = {
    "type": "string",
    "description": "`scope/dimension`, e.g. `gb-jp/minerals`: one partition per score series.",
    "pattern": "^[^/]+/(" + "|".join(SCORE_DIMENSIONS) + ")$",
}


@dataclass(frozen=True)
class Contract:
    """One topic of the contract: its model, schema file, Kafka key and direction."""

    topic: str  # key of CONTRACT_TOPICS
    model: type[BaseModel]
    name: str  # schema file stem, `<name>.v<major>.json`
    action: Action  # what georisk does on the topic
    key: dict[str, Any]  # JSON Schema of the Kafka record key
    summary: str

    @property
    def address(self) -> str:
        return CONTRACT_TOPICS[self.topic]

    @property
    def mode(self) -> JsonSchemaMode:
        # Inbound messages are described as georisk accepts them, outbound as it writes them.
        return "validation" if self.action == "receive" else "serialization"

    @property
    def file_name(self) -> str:
        return f"{self.name}.v{SCHEMA_MAJOR}.json"

    @property
    def schema_id(self) -> str:
        return SCHEMA_BASE_URI + self.file_name


CONTRACTS: tuple[Contract, ...] = (
    Contract(
        topic="articles",
        model=Article,
        name="article",
        action="receive",
        key={"type": "string", "minLength": 1, "description": "The article id (`Article.id`)."},
        summary="News articles, press releases and blog posts to score.",
    ),
    Contract(
        topic="events",
        model=Event,
        name="event",
        action="receive",
        key={"type": "string", "minLength": 1, "description": "The event id (`Event.id`)."},
        summary="Structured events: GDELT/CAMEO rows, cyber incidents, export-control notices.",
    ),
    Contract(
        topic="signals",
        model=Signal,
        name="signal",
        action="send",
        key={"type": "string", "description": "The scope (`Signal.scope`), e.g. `gb-jp`."},
        summary="One document's evidence on one dimension for one scope (internal, replayable).",
    ),
    Contract(
        topic="scores",
        model=ScoreUpdate,
        name="score_update",
        action="send",
        key=_SCOPE_DIMENSION_KEY,
        summary="Rolling scores per (scope, dimension, horizon); latest per key wins.",
    ),
    Contract(
        topic="alerts",
        model=Alert,
        name="alert",
        action="send",
        key=_SCOPE_DIMENSION_KEY,
        summary="Band changes and novelties per (scope, dimension).",
    ),
    Contract(
        topic="deadletter",
        model=DeadLetter,
        name="deadletter",
        action="send",
        key={
            "type": "string",
            "description": "The original record's key, unchanged (absent if it had none).",
        },
        summary="Input that could not be processed, with its original bytes and the reason.",
    ),
)


class _Draft202012(GenerateJsonSchema):
    """Pydantic emits draft 2020-12 but leaves out `$schema`; name the dialect explicitly."""

    def generate(self, schema: CoreSchema, mode: JsonSchemaMode = "validation") -> JsonSchemaValue:
        generated = super().generate(schema, mode=mode)
        generated["$schema"] = self.schema_dialect
        return generated


def json_schema(contract: Contract) -> dict[str, Any]:
    """The JSON Schema of one contract's model, with `$schema` and a stable `$id`."""
    schema = contract.model.model_json_schema(mode=contract.mode, schema_generator=_Draft202012)
    schema["$id"] = contract.schema_id
    return schema


def json_schemas() -> dict[str, dict[str, Any]]:
    """Every model's JSON Schema by file name (`article.v1.json`, ...)."""
    return {contract.file_name: json_schema(contract) for contract in CONTRACTS}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(part.capitalize() for part in rest)


def asyncapi_document() -> dict[str, Any]:
    """The AsyncAPI 3.0.0 document of every contract topic.

    Payloads are bare relative `$ref`s to the schema files: the AsyncAPI parser silently skips
    payloads declared with a 2020-12 `schemaFormat`, while a bare file `$ref` is resolved.
    """
    channels: dict[str, Any] = {}
    operations: dict[str, Any] = {}
    messages: dict[str, Any] = {}
    for contract in CONTRACTS:
        channel_id = _camel(contract.topic)
        message_id = contract.model.__name__
        channel_binding: dict[str, Any] = {
            "topic": contract.address,
            "bindingVersion": KAFKA_BINDING_VERSION,
        }
        if contract.action == "receive":
            # `georisk broker` creates the input topics with GEORISK_PARTITIONS partitions so
            # several workers can share the load.
            channel_binding["partitions"] = INPUT_PARTITIONS
        channels[channel_id] = {
            "address": contract.address,
            "title": contract.address,
            "description": contract.summary,
            "messages": {message_id: {"$ref": f"#/components/messages/{message_id}"}},
            "bindings": {"kafka": channel_binding},
        }
        verb = "consume" if contract.action == "receive" else "publish"
        operations[verb + channel_id[0].upper() + channel_id[1:]] = {
            "action": contract.action,
            "channel": {"$ref": f"#/channels/{channel_id}"},
            "messages": [{"$ref": f"#/channels/{channel_id}/messages/{message_id}"}],
            "summary": contract.summary,
        }
        messages[message_id] = {
            "name": message_id,
            "title": message_id,
            "summary": (contract.model.__doc__ or message_id).strip().splitlines()[0],
            "contentType": "application/json",
            "payload": {"$ref": "./" + contract.file_name},
            "bindings": {
                # A copy: a subtree shared between messages would become a YAML alias.
                "kafka": {
                    "key": copy.deepcopy(contract.key),
                    "bindingVersion": KAFKA_BINDING_VERSION,
                },
            },
        }
    return {
        "asyncapi": "3.0.0",
        "info": {
            "title": "georisk",
            # The API version follows the message schema version, not the package version.
            "version": f"{SCHEMA_VERSION}.0",
            "description": (
                "Streaming geopolitical risk scores: articles and events in, signals, rolling "
                "scores, alerts and dead letters out. Values are JSON (UTF-8); keys are UTF-8 "
                "strings. Unknown fields on input are ignored; outputs have an exact shape."
            ),
        },
        "defaultContentType": "application/json",
        "servers": {
            "local": {
                "host": "127.0.0.1:19092",
                "protocol": "kafka",
                "description": "Embedded Tansu broker started by `georisk broker`.",
            },
            "production": {
                "host": "kafka.georisk.example:9092",
                "protocol": "kafka",
                "description": "Production Apache Kafka (KRaft); placeholder, see deploy/.",
            },
        },
        "channels": channels,
        "operations": operations,
        "components": {"messages": messages},
    }
