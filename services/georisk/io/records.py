"""Kafka records as plain data, so stage logic is tested without a broker."""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson

from georisk.core.decode import Rejection
from georisk.models import DeadLetter


@dataclass(frozen=True, slots=True)
class InRecord:
    topic: str
    partition: int
    offset: int
    key: bytes | None
    value: bytes
    timestamp_ms: int

    @property
    def received(self) -> datetime:
        return datetime.fromtimestamp(self.timestamp_ms / 1000, UTC)


@dataclass(frozen=True, slots=True)
class OutRecord:
    topic: str
    key: bytes
    value: bytes
    timestamp_ms: int | None = None


def dumps(model: object) -> bytes:
    """The one JSON encoder for everything georisk publishes."""
    if hasattr(model, "model_dump"):
        return orjson.dumps(model.model_dump(mode="json"))
    return orjson.dumps(model)


def dead_letter(record: InRecord, rejection: Rejection, topic: str, now: datetime) -> OutRecord:
    """The original bytes (text when they are UTF-8, else base64) with the reason."""
    try:
        raw, encoding = record.value.decode("utf-8"), "text"
    except UnicodeDecodeError:
        raw, encoding = base64.b64encode(record.value).decode("ascii"), "base64"
    key = record.key.decode("utf-8", "replace") if record.key is not None else None
    letter = DeadLetter(
        topic=record.topic,
        partition=record.partition,
        offset=record.offset,
        key=key,
        error=rejection.reason,
        detail=rejection.detail,
        raw=raw,
        raw_encoding=encoding,  # type: ignore[arg-type]
        received_at=now,
    )
    return OutRecord(topic, record.key or b"", dumps(letter), record.timestamp_ms)
