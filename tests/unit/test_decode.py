"""Every kind of bad input gets a machine-readable reason; valid input is never rejected."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from georisk.core.decode import REASONS, Limits, Rejection, decode_article, decode_event
from georisk.models import Article, Event

RECEIVED = datetime(2025, 3, 1, 12, tzinfo=UTC)
LIMITS = Limits(max_bytes=4096, max_future_skew=timedelta(hours=24))


def article(**fields: object) -> bytes:
    body: dict[str, object] = {
        "id": "a1",
        "text": "Some text.",
        "published_at": "2025-03-01T10:00:00Z",
    }
    body.update(fields)
    return orjson.dumps({k: v for k, v in body.items() if v is not ...})


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"\xff\xfe\xfa", "not_utf8"),
        (b'{"id": "a1", "text": "caf\xe9"}', "not_utf8"),
        (b"this is not json", "not_json"),
        (b'{"id": "a1", "text": NaN}', "not_json"),
        (b"[1, 2, 3]", "not_object"),
        (b'"just a string"', "not_object"),
        (article(id=5, text=7), "invalid_field"),
        (article(id=...), "missing_field"),
        (article(text=...), "missing_field"),
        (article(text=""), "empty_text"),
        (article(text="   \n\t "), "empty_text"),
        (article(text="x" * 5000), "oversize"),
        (article(published_at="2031-01-01T00:00:00Z"), "future_timestamp"),
        (article(published_at="1899-05-01T00:00:00Z"), "ancient_timestamp"),
        (article(published_at="2025-03-01T10:00:00"), "invalid_field"),
        (article(published_at=1740000000), "invalid_field"),
        (article(schema_version="2.0"), "unsupported_schema_version"),
        (article(schema_version=2), "invalid_field"),
        (article(countries=["GBR"]), "invalid_field"),
    ],
)
def test_bad_article_is_rejected_with_reason(raw: bytes, reason: str) -> None:
    result = decode_article(raw, RECEIVED, LIMITS)
    assert isinstance(result, Rejection)
    assert result.reason == reason
    assert result.reason in REASONS
    assert result.detail


def test_valid_article_keeps_its_fields_and_ignores_unknown_ones() -> None:
    raw = article(
        title="T", unknown={"nested": [1, 2]}, countries=["gb", "JP"], schema_version="1.4"
    )
    result = decode_article(raw, RECEIVED, LIMITS)
    assert isinstance(result, Article)
    assert result.title == "T"
    assert result.countries == ["GB", "JP"]
    assert result.published_at == datetime(2025, 3, 1, 10, tzinfo=UTC)
    assert not result.published_at_from_record


def test_article_without_published_at_takes_the_record_timestamp_marked() -> None:
    result = decode_article(article(published_at=...), RECEIVED, LIMITS)
    assert isinstance(result, Article)
    assert result.published_at == RECEIVED
    assert result.published_at_from_record


def test_small_future_skew_is_accepted() -> None:
    result = decode_article(article(published_at="2025-03-02T06:00:00Z"), RECEIVED, LIMITS)
    assert isinstance(result, Article)


@pytest.mark.parametrize(
    ("fields", "reason"),
    [
        ({"source": "gdelt"}, "missing_field"),
        (
            {"source": "gdelt", "occurred_at": "2025-01-01T00:00:00Z", "goldstein": 11.0},
            "invalid_field",
        ),
        (
            {"source": "gdelt", "occurred_at": "2025-01-01T00:00:00Z", "code": "abc"},
            "invalid_field",
        ),
        (
            {
                "source": "incident",
                "occurred_at": "2025-01-01T00:00:00Z",
                "incident": {"category": 9},
            },
            "invalid_field",
        ),
        ({"source": "gdelt", "occurred_at": "2040-01-01T00:00:00Z"}, "future_timestamp"),
    ],
)
def test_bad_event_is_rejected(fields: dict[str, object], reason: str) -> None:
    result = decode_event(orjson.dumps({"id": "e1", **fields}), RECEIVED, LIMITS)
    assert isinstance(result, Rejection)
    assert result.reason == reason


def test_valid_control_event() -> None:
    raw = orjson.dumps(
        {
            "id": "e2",
            "source": "control",
            "occurred_at": "2024-12-03T00:00:00Z",
            "control": {
                "material": "Gallium",
                "measure": "ban",
                "effective_from": "2024-12-03T00:00:00Z",
                "issuer": "CN",
                "targets": ["US"],
            },
        }
    )
    result = decode_event(raw, RECEIVED, LIMITS)
    assert isinstance(result, Event)
    assert result.control is not None
    assert result.control.material == "gallium"


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=600))
def test_arbitrary_bytes_never_raise(raw: bytes) -> None:
    result = decode_article(raw, RECEIVED, LIMITS)
    assert isinstance(result, Article | Rejection)


json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False)
    | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["id", "text", "published_at", "countries", "title", "x"]),
        json_values,
        max_size=6,
    )
)
def test_arbitrary_json_objects_never_raise(body: dict[str, object]) -> None:
    result = decode_article(orjson.dumps(body), RECEIVED, LIMITS)
    assert isinstance(result, Article | Rejection)
