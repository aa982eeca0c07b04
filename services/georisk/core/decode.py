"""Bytes off a topic → a validated document, or a `Rejection` with a machine-readable reason.

Pure and deterministic: the only time reference is the record's own broker timestamp, so a
message is judged the same way whenever it is (re)processed.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Final, Literal, TypeVar, get_args

import orjson
from pydantic import ValidationError

from georisk.models import SCHEMA_MAJOR, Article, Event, Inbound

Reason = Literal[
    "oversize",
    "not_utf8",
    "not_json",
    "not_object",
    "unsupported_schema_version",
    "missing_field",
    "empty_text",
    "invalid_field",
    "future_timestamp",
    "ancient_timestamp",
    "too_late",
    "processing_error",
    "webhook_undeliverable",
]
REASONS: Final[tuple[Reason, ...]] = get_args(Reason)
# Nothing in scope predates the GDELT backfile (1979); earlier dates are corrupt input.
EARLIEST: Final = datetime(1970, 1, 1, tzinfo=UTC)
_DETAIL_MAX = 300

M = TypeVar("M", bound=Inbound)


@dataclass(frozen=True, slots=True)
class Limits:
    max_bytes: int = 1_000_000
    max_future_skew: timedelta = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Rejection:
    """Why a message cannot be processed: `reason` is from `REASONS`, `detail` is for people."""

    reason: Reason
    detail: str


def _load_object(raw: bytes, limits: Limits) -> dict[str, object] | Rejection:
    if len(raw) > limits.max_bytes:
        return Rejection("oversize", f"{len(raw)} bytes exceeds the {limits.max_bytes}-byte limit")
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        try:
            raw.decode("utf-8")
        except UnicodeDecodeError as utf:
            return Rejection("not_utf8", f"invalid UTF-8 at byte {utf.start}")
        return Rejection("not_json", str(exc)[:_DETAIL_MAX])
    if not isinstance(data, dict):
        return Rejection("not_object", f"expected a JSON object, got {type(data).__name__}")
    return data


def _check_version(data: dict[str, object]) -> Rejection | None:
    version = data.get("schema_version", "1.0")
    if not isinstance(version, str):
        return Rejection("invalid_field", "schema_version: must be a string like '1.0'")
    major = version.split(".", 1)[0]
    if major != str(SCHEMA_MAJOR):
        return Rejection(
            "unsupported_schema_version",
            f"schema_version {version[:20]!r}: only major version {SCHEMA_MAJOR} is understood",
        )
    return None


def _classify(exc: ValidationError) -> Rejection:
    errors = exc.errors(include_url=False, include_input=False)
    first = errors[0]
    where = ".".join(str(part) for part in first["loc"]) or "message"
    detail = f"{where}: {first['msg']}"[:_DETAIL_MAX]
    if first["type"] == "missing":
        return Rejection("missing_field", detail)
    if first["type"] == "string_too_short" and first["loc"][-1:] == ("text",):
        return Rejection("empty_text", detail)
    return Rejection("invalid_field", detail)


def _validate(model: type[M], data: dict[str, object]) -> M | Rejection:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        return _classify(exc)


def _check_time(moment: datetime, received: datetime, limits: Limits) -> Rejection | None:
    if moment > received + limits.max_future_skew:
        ahead = moment - received
        return Rejection("future_timestamp", f"{moment.isoformat()} is {ahead} ahead of arrival")
    if moment < EARLIEST:
        return Rejection("ancient_timestamp", f"{moment.isoformat()} is before {EARLIEST.date()}")
    return None


def _decode(model: type[M], raw: bytes, limits: Limits) -> M | Rejection:
    """Size, UTF-8, JSON object, major version, then the strict model — the first failure wins."""
    data = _load_object(raw, limits)
    if isinstance(data, Rejection):
        return data
    return _check_version(data) or _validate(model, data)


def decode_article(raw: bytes, received: datetime, limits: Limits) -> Article | Rejection:
    """Validate an article; without `published_at` it takes the record timestamp, marked as such."""
    article = _decode(Article, raw, limits)
    if isinstance(article, Rejection):
        return article
    if article.published_at is None:
        return article.model_copy(
            update={"published_at": received, "published_at_from_record": True}
        )
    return _check_time(article.published_at, received, limits) or article


def decode_event(raw: bytes, received: datetime, limits: Limits) -> Event | Rejection:
    event = _decode(Event, raw, limits)
    if isinstance(event, Rejection):
        return event
    return _check_time(event.occurred_at, received, limits) or event
