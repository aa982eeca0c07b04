"""GDELT row parser: the three layouts, field mapping, and rejection of malformed lines."""

from __future__ import annotations

import pickle
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from georisk.core.events.cameo import country_to_iso2
from georisk.core.events.gdelt import (
    LAYOUTS,
    V1_BACKFILE,
    V1_DAILY,
    V2_EXPORT,
    GdeltFormatError,
    GdeltLayout,
    iter_gdelt_events,
    layout_of,
    parse_gdelt_line,
    read_gdelt_events,
    split_row,
)
from georisk.models import Event

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "gdelt"
SHARED_SAMPLE = REPO / ".." / "shared" / "data" / "gdelt_events_sample.tsv"


def make_row(
    columns: int,
    *,
    event_id: str = "42",
    sqldate: str = "20250310",
    actor1: str = "",
    actor2: str = "",
    code: str = "",
    quad: str = "",
    goldstein: str = "",
    mentions: str = "",
    sources: str = "",
    tone: str = "",
    dateadded: str = "",
    url: str = "",
) -> str:
    """A synthetic row in the layout with `columns` columns (57, 58 or 61)."""
    fields = [""] * columns
    fields[0], fields[1], fields[7], fields[17] = event_id, sqldate, actor1, actor2
    fields[26:35] = [code, code[:3], code[:2], quad, goldstein, mentions, sources, mentions, tone]
    if columns == 61:
        fields[59], fields[60] = dateadded, url
    else:
        fields[56] = dateadded
        if columns == 58:
            fields[57] = url
    return "\t".join(fields)


def read_fixture(name: str) -> list[str]:
    return (FIXTURES / name).read_text().splitlines()


# --- layouts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "layout", "count"),
    [
        ("v1_daily.tsv", V1_DAILY, 4),
        ("v1_backfile.tsv", V1_BACKFILE, 3),
        ("v2_export.tsv", V2_EXPORT, 3),
    ],
)
def test_fixture_layouts_parse_completely(fixture: str, layout: GdeltLayout, count: int) -> None:
    lines = read_fixture(fixture)
    assert {layout_of(split_row(line), n) for n, line in enumerate(lines, 1)} == {layout}
    events = list(read_gdelt_events(lines))
    assert len(events) == count
    assert all(event.source == "gdelt" and event.id.startswith("gdelt-") for event in events)


@pytest.mark.parametrize(
    ("fixture", "index", "expected"),
    [
        (
            "v1_daily.tsv",
            0,
            {
                "id": "gdelt-900000001",
                "occurred_at": datetime(2025, 3, 10, tzinfo=UTC),
                "actor1_country": "CN",
                "actor2_country": "TW",
                "code": "195",
                "quad_class": 4,
                "goldstein": -10.0,
                "num_mentions": 24,
                "num_sources": 6,
                "tone": -7.25,
                "url": "https://news.example.org/strait/1",
            },
        ),
        (
            "v1_daily.tsv",
            3,
            {
                "actor1_country": None,  # EUR is a CAMEO region, not a country
                "actor2_country": None,
                "goldstein": None,
                "num_mentions": None,
                "num_sources": None,
                "tone": None,
                "url": None,
            },
        ),
        (
            "v1_backfile.tsv",
            0,
            {
                "id": "gdelt-100001",
                "occurred_at": datetime(1999, 4, 12, tzinfo=UTC),
                "actor1_country": "CN",
                "actor2_country": "JP",
                "code": "1123",
                "quad_class": 3,
                "goldstein": -4.4,
                "url": None,
            },
        ),
        ("v1_backfile.tsv", 1, {"actor1_country": "RO", "actor2_country": None}),
        (
            "v2_export.tsv",
            0,
            {
                "id": "gdelt-1200000001",
                "occurred_at": datetime(2025, 3, 12, 14, 30, tzinfo=UTC),
                "actor1_country": "CN",
                "actor2_country": "PH",
                "code": "191",
                "goldstein": -9.5,
                "num_sources": 12,
                "url": "https://news.example.org/shoal/1",
            },
        ),
    ],
)
def test_fields_map_onto_the_event(fixture: str, index: int, expected: dict[str, object]) -> None:
    event = list(read_gdelt_events(read_fixture(fixture)))[index]
    assert {key: getattr(event, key) for key in expected} == expected


def test_v1_event_time_is_sqldate_and_v2_is_dateadded() -> None:
    v1 = parse_gdelt_line(make_row(58, sqldate="20240105", dateadded="20240301"), 1)
    v2 = parse_gdelt_line(make_row(61, sqldate="20240105", dateadded="20240301091500"), 1)
    assert v1.occurred_at == datetime(2024, 1, 5, tzinfo=UTC)
    assert v2.occurred_at == datetime(2024, 3, 1, 9, 15, tzinfo=UTC)


@pytest.mark.parametrize(
    ("cameo", "iso2"),
    [
        ("CHN", "CN"),
        ("JPN", "JP"),
        ("GBR", "GB"),
        ("TWN", "TW"),
        ("PHL", "PH"),
        ("ROM", "RO"),
        ("EUR", None),
        ("AFR", None),
        ("WST", None),
        ("", None),
    ],
)
def test_cameo_country_codes_map_to_iso2(cameo: str, iso2: str | None) -> None:
    assert country_to_iso2(cameo) == iso2


def test_line_endings_blank_lines_and_bom_are_tolerated() -> None:
    row = make_row(57, code="111", quad="3", goldstein="-2", dateadded="20130203")
    results = list(iter_gdelt_events(["\ufeff" + row + "\r\n", "\n", "   \n", row + "\n"]))
    assert [type(item) for item in results] == [Event, Event]


# --- malformed lines -------------------------------------------------------------------------

MALFORMED_EXPECTED = {
    2: "found 4",
    3: "SQLDATE is not a valid date: '20251340'",
    4: "GoldsteinScale is not a number: 'high'",
    6: "GoldsteinScale 12.5 is out of range",
    7: "GLOBALEVENTID is not a number",
    8: "QuadClass 7 is out of range",
    9: "DATEADDED is not a YYYYMMDDHHMMSS date",
    10: "EventCode is not a CAMEO code",
    11: "found 59",
}


def test_malformed_lines_are_yielded_in_place_with_line_and_reason() -> None:
    results = list(iter_gdelt_events(read_fixture("malformed.tsv")))
    assert len(results) == 11
    errors = {item.line: item.reason for item in results if isinstance(item, GdeltFormatError)}
    assert errors.keys() == MALFORMED_EXPECTED.keys()
    for line, fragment in MALFORMED_EXPECTED.items():
        assert fragment in errors[line]
    good = [item.id for item in results if isinstance(item, Event)]
    assert good == ["gdelt-900000001", "gdelt-1200000001"]


def test_strict_reader_raises_the_first_error() -> None:
    with pytest.raises(GdeltFormatError) as caught:
        list(read_gdelt_events(read_fixture("malformed.tsv")))
    assert caught.value.line == 2
    assert str(caught.value).startswith("line 2: expected 57 (1.0 backfile), 58 (1.0 daily)")


@pytest.mark.parametrize(
    ("field", "value", "fragment"),
    [
        ("goldstein", "-10.5", "GoldsteinScale -10.5 is out of range"),
        ("goldstein", "nan", "GoldsteinScale is not finite"),
        ("tone", "inf", "AvgTone is not finite"),
        ("tone", "calm", "AvgTone is not a number"),
        ("mentions", "-1", "NumMentions -1 is out of range"),
        ("sources", "2.5", "NumSources is not an integer"),
        ("sqldate", "2025031", "SQLDATE is not a YYYYMMDD date"),
        ("sqldate", "", "SQLDATE is not a YYYYMMDD date"),
        ("code", "12345", "EventCode is not a CAMEO code"),
    ],
)
def test_bad_fields_are_rejected(field: str, value: str, fragment: str) -> None:
    line = make_row(58, **{field: value})
    with pytest.raises(GdeltFormatError) as caught:
        parse_gdelt_line(line, 7)
    assert caught.value.line == 7
    assert fragment in caught.value.reason


def test_error_survives_pickling() -> None:
    error = pickle.loads(pickle.dumps(GdeltFormatError(3, "bad")))
    assert (error.line, error.reason, str(error)) == (3, "bad", "line 3: bad")


@given(
    columns=st.integers(min_value=1, max_value=80).filter(lambda n: n not in LAYOUTS),
    line_no=st.integers(min_value=1, max_value=10**6),
)
def test_any_other_column_count_is_rejected(columns: int, line_no: int) -> None:
    line = "\t".join(["1"] * columns)
    with pytest.raises(GdeltFormatError) as caught:
        parse_gdelt_line(line, line_no)
    assert caught.value.line == line_no
    assert caught.value.reason.endswith(f"found {columns}")


@given(
    columns=st.sampled_from(sorted(LAYOUTS)),
    event_id=st.integers(min_value=0, max_value=10**12),
    day=st.dates(min_value=date(1979, 1, 1), max_value=date(2099, 12, 31)),
    goldstein=st.none() | st.floats(min_value=-10, max_value=10, allow_nan=False),
    sources=st.none() | st.integers(min_value=0, max_value=10**6),
    actor=st.sampled_from(["CHN", "JPN", "GBR", "USA", "EUR", ""]),
)
def test_valid_rows_round_trip(
    columns: int,
    event_id: int,
    day: date,
    goldstein: float | None,
    sources: int | None,
    actor: str,
) -> None:
    stamp = day.strftime("%Y%m%d")
    row = make_row(
        columns,
        event_id=str(event_id),
        sqldate=stamp,
        actor1=actor,
        code="0834",
        goldstein="" if goldstein is None else repr(goldstein),
        sources="" if sources is None else str(sources),
        dateadded=stamp + "235959" if columns == 61 else stamp,
    )
    event = parse_gdelt_line(row, 1)
    assert event.id == f"gdelt-{event_id}"
    assert event.occurred_at.date() == day
    assert event.goldstein == goldstein
    assert event.num_sources == sources
    assert event.actor1_country == country_to_iso2(actor)
    assert event.code == "0834"


# --- the shared GDELT sample (real rows; absent in a fresh clone) ----------------------------


@pytest.mark.skipif(not SHARED_SAMPLE.exists(), reason="shared GDELT sample not present")
def test_shared_sample_parses_in_both_v1_layouts() -> None:
    lines = SHARED_SAMPLE.read_text().splitlines()
    layouts = Counter(layout_of(split_row(line), n).name for n, line in enumerate(lines, 1))
    events = list(read_gdelt_events(lines))
    assert len(events) == 710
    assert layouts == {V1_DAILY.name: 509, V1_BACKFILE.name: 201}
    assert sum(1 for e in events if "CN" in (e.actor1_country, e.actor2_country)) == 18
    assert all(e.url for e in events[:509])
    assert not any(e.url for e in events[509:])
