"""Event → Extraction: CAMEO/Goldstein for china_tension and partnership, NCSC categories for
cyber, export controls for minerals. One table per rule, including the cases that must stay 0."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from georisk.core.events.gdelt import read_gdelt_events
from georisk.core.events.mapping import extract_event
from georisk.core.events.readings import coverage_confidence
from georisk.models import DIMENSIONS, CyberIncident, Event, ExportControl
from georisk.scopes import ScopeConfig, default_scope

SCOPE = default_scope()
WHEN = datetime(2025, 3, 10, 12, tzinfo=UTC)


def gdelt(
    actor1: str | None,
    actor2: str | None,
    code: str | None,
    goldstein: float | None,
    *,
    quad: int | None = None,
    sources: int | None = 3,
    mentions: int | None = 6,
) -> Event:
    return Event(
        id="gdelt-1",
        source="gdelt",
        occurred_at=WHEN,
        actor1_country=actor1,
        actor2_country=actor2,
        code=code,
        quad_class=quad,
        goldstein=goldstein,
        num_sources=sources,
        num_mentions=mentions,
    )


def incident(category: int, attributed_to: str | None = None, **extra: Any) -> Event:
    payload = CyberIncident(category=category, attributed_to=attributed_to, **extra)
    return Event(id="inc-1", source="incident", occurred_at=WHEN, incident=payload)


def control(material: str, measure: str, **extra: Any) -> Event:
    payload = ExportControl.model_validate(
        {"material": material, "measure": measure, "effective_from": "2024-12-03T00:00:00Z"}
        | extra,
        strict=False,
    )
    return Event(id="ctl-1", source="control", occurred_at=WHEN, control=payload)


def levels(event: Event, scope: ScopeConfig = SCOPE) -> dict[str, int]:
    extraction = extract_event(event, scope)
    return {dimension: extraction.level(dimension) for dimension in DIMENSIONS}


# --- china_tension from CAMEO conflict --------------------------------------------------------

CHINA_CASES = [
    # (case, actor1, actor2, code, goldstein, level, kind)
    ("aerial weapons at Taiwan", "CN", "TW", "195", -10.0, 3, "act"),
    ("blockade of the Philippines", "CN", "PH", "191", -9.5, 3, "act"),
    ("fight, Goldstein missing", "CN", "JP", "190", None, 3, "act"),
    ("assault at Goldstein -9", "CN", "JP", "182", -9.0, 3, "act"),
    ("assault above -9", "CN", "JP", "180", -8.0, 2, "act"),
    ("threaten military force", "CN", "TW", "1384", -7.0, 2, "threat"),
    ("threaten", "CN", "GB", "130", -4.4, 2, "threat"),
    ("force posture / drills", "CN", "TW", "150", -7.2, 2, "threat"),
    ("sanctions on the US", "CN", "US", "163", -8.0, 2, "act"),
    ("detain Japanese nationals", "CN", "JP", "173", -5.0, 2, "act"),
    ("cyber attack", "CN", "GB", "176", -7.0, 2, "act"),
    ("criticize", "CN", "JP", "111", -2.0, 1, "act"),
    ("reject", "CN", "GB", "120", -4.0, 1, "act"),
    ("protest", "CN", "AU", "141", -6.5, 1, "act"),
    ("member's protest to the threat actor", "JP", "CN", "114", -2.0, 1, "act"),
    ("partner's sanctions on the threat actor", "US", "CN", "163", -8.0, 1, "act"),
]

CHINA_ZERO_CASES = [
    ("China cooperating with Japan", "CN", "JP", "057", 8.0),
    ("China praising the UK", "CN", "GB", "051", 3.4),
    ("US vs Russia conflict", "US", "RU", "190", -10.0),
    ("China vs Russia (not in scope)", "CN", "RU", "111", -2.0),
    ("domestic Chinese conflict", "CN", "CN", "190", -10.0),
    ("no target actor", "CN", None, "150", -7.2),
    ("conflict between two partners", "JP", "TW", "111", -2.0),
    ("regional actor only", None, "JP", "195", -10.0),
]


@pytest.mark.parametrize(
    ("case", "actor1", "actor2", "code", "goldstein", "level", "kind"), CHINA_CASES
)
def test_china_tension_from_conflict(
    case: str,
    actor1: str,
    actor2: str,
    code: str,
    goldstein: float | None,
    level: int,
    kind: str,
) -> None:
    reading = extract_event(gdelt(actor1, actor2, code, goldstein), SCOPE).readings["china_tension"]
    assert (reading.level, reading.kind) == (level, kind), case
    assert reading.evidence[0].startswith(f"CAMEO {code} (")


@pytest.mark.parametrize(("case", "actor1", "actor2", "code", "goldstein"), CHINA_ZERO_CASES)
def test_china_tension_stays_zero(
    case: str, actor1: str | None, actor2: str | None, code: str, goldstein: float
) -> None:
    assert levels(gdelt(actor1, actor2, code, goldstein))["china_tension"] == 0, case


def test_conflict_evidence_explains_the_decision() -> None:
    extraction = extract_event(gdelt("CN", "TW", "195", -10.0, sources=1, mentions=1), SCOPE)
    reading = extraction.readings["china_tension"]
    assert reading.evidence == (
        "CAMEO 195 (aerial weapons) CN→TW, Goldstein -10",
        "1 source, 1 mention",
    )
    assert extraction.countries == ("CN", "TW")


def test_response_direction_is_marked_as_background() -> None:
    reading = extract_event(gdelt("JP", "CN", "195", -10.0), SCOPE).readings["china_tension"]
    assert reading.level == 1
    assert "initiated by JP: read as background" in reading.evidence


@pytest.mark.parametrize(
    ("quad", "goldstein", "level"),
    [(4, -9.5, 3), (4, -6.0, 2), (3, -2.0, 1), (3, None, 1)],
)
def test_conflict_without_a_code_falls_back_on_quad_class(
    quad: int, goldstein: float | None, level: int
) -> None:
    reading = extract_event(gdelt("CN", "JP", None, goldstein, quad=quad), SCOPE).readings[
        "china_tension"
    ]
    assert reading.level == level
    assert reading.evidence[0].startswith("verbal conflict" if quad == 3 else "material conflict")


def test_scope_threat_actors_come_from_configuration() -> None:
    russia_scope = SCOPE.model_copy(update={"threat_actors": ["RU"]})
    event = gdelt("RU", "GB", "195", -10.0)
    assert levels(event, russia_scope)["china_tension"] == 3
    assert levels(event)["china_tension"] == 0


# --- partnership from cooperation between members ---------------------------------------------

PARTNERSHIP_CASES = [
    # (case, actor1, actor2, code, goldstein, quad, level)
    ("sign formal agreement", "GB", "JP", "057", 8.0, 1, 2),
    ("cooperate economically", "JP", "GB", "061", 6.4, 2, 2),
    ("cooperate militarily", "GB", "JP", "062", 7.4, 2, 2),
    ("weak material cooperation", "GB", "JP", "060", 5.0, 2, 1),
    ("intent to meet", "JP", "GB", "036", 4.0, 1, 1),
    ("visit", "GB", "JP", "042", 1.9, 1, 1),
    ("provide aid", "JP", "GB", "071", 7.4, 2, 1),
    ("cooperation without code or Goldstein", "GB", "JP", None, None, 1, 1),
]

PARTNERSHIP_ZERO_CASES = [
    ("neutral statement", "GB", "JP", "010", 0.0, 1),
    ("investigation", "GB", "JP", "091", -2.0, 2),
    ("member with a partner (non-member)", "GB", "US", "057", 8.0, 1),
    ("member with the threat actor", "JP", "CN", "057", 8.0, 1),
    ("same member on both sides", "GB", "GB", "057", 8.0, 1),
    ("member with unknown actor", "GB", None, "057", 8.0, 1),
    ("conflict between members", "GB", "JP", "111", -2.0, 3),
]


@pytest.mark.parametrize(
    ("case", "actor1", "actor2", "code", "goldstein", "quad", "level"), PARTNERSHIP_CASES
)
def test_partnership_from_member_cooperation(
    case: str,
    actor1: str,
    actor2: str,
    code: str | None,
    goldstein: float | None,
    quad: int,
    level: int,
) -> None:
    extraction = extract_event(gdelt(actor1, actor2, code, goldstein, quad=quad), SCOPE)
    reading = extraction.readings["partnership"]
    assert (reading.level, reading.kind) == (level, "cooperation"), case
    assert extraction.level("china_tension") == 0


@pytest.mark.parametrize(
    ("case", "actor1", "actor2", "code", "goldstein", "quad"), PARTNERSHIP_ZERO_CASES
)
def test_partnership_stays_zero(
    case: str, actor1: str, actor2: str | None, code: str, goldstein: float, quad: int
) -> None:
    assert levels(gdelt(actor1, actor2, code, goldstein, quad=quad))["partnership"] == 0, case


# --- confidence from coverage -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("sources", "mentions", "confidence"),
    [
        (1, 1, 0.3),
        (1, 100, 0.4),
        (2, 2, 0.5),
        (4, 4, 0.7),
        (4, 8, 0.75),
        (8, 8, 0.9),
        (500, 900, 0.95),
        (0, 0, 0.3),
        (None, 5, 0.4),
        (None, None, None),
    ],
)
def test_coverage_confidence_curve(
    sources: int | None, mentions: int | None, confidence: float | None
) -> None:
    assert coverage_confidence(sources, mentions) == confidence


def test_single_source_row_is_low_confidence() -> None:
    single = extract_event(gdelt("CN", "TW", "195", -10.0, sources=1, mentions=1), SCOPE)
    wide = extract_event(gdelt("CN", "TW", "195", -10.0, sources=16, mentions=40), SCOPE)
    assert single.readings["china_tension"].confidence == 0.3
    assert wide.readings["china_tension"].confidence == 0.95


@given(
    sources=st.integers(min_value=0, max_value=10**6),
    extra_sources=st.integers(min_value=0, max_value=10**6),
    mentions=st.integers(min_value=0, max_value=10**7),
)
def test_confidence_is_bounded_and_grows_with_sources(
    sources: int, extra_sources: int, mentions: int
) -> None:
    low = coverage_confidence(sources, mentions)
    high = coverage_confidence(sources + extra_sources, mentions + extra_sources)
    assert low is not None
    assert high is not None
    assert 0.3 <= low <= high <= 0.95


# --- cyber incidents --------------------------------------------------------------------------


@pytest.mark.parametrize(("category", "level"), [(1, 3), (2, 3), (3, 2), (4, 2), (5, 1), (6, 1)])
def test_ncsc_category_sets_cyber_level(category: int, level: int) -> None:
    extraction = extract_event(incident(category), SCOPE)
    reading = extraction.readings["cyber"]
    assert (reading.level, reading.kind) == (level, "act")
    assert reading.evidence[0] == f"NCSC category {category} incident"
    assert extraction.level("china_tension") == 0


@pytest.mark.parametrize(("attributed_to", "china_level"), [("CN", 1), ("RU", 0), (None, 0)])
def test_attribution_to_a_threat_actor_raises_china_tension(
    attributed_to: str | None, china_level: int
) -> None:
    event = incident(2, attributed_to, victim="Water utility", sector="water", actor="Volt Typhoon")
    extraction = extract_event(event, SCOPE)
    assert extraction.level("cyber") == 3
    assert extraction.level("china_tension") == china_level
    assert "victim: Water utility (water)" in extraction.readings["cyber"].evidence
    assert extraction.countries == ((attributed_to,) if attributed_to else ())


# --- export controls --------------------------------------------------------------------------

CONTROL_CASES = [
    # (material, measure, minerals level)
    ("gallium", "ban", 3),
    ("Germanium", "ban", 3),
    ("gallium arsenide wafers", "ban", 3),
    ("graphite", "licensing", 2),
    ("antimony", "quota", 2),
    ("holmium", "licensing", 2),  # a rare-earth element: matches the tracked "rare earths"
    ("rare-earth magnets", "licensing", 2),
    ("rare earth", "ban", 3),
    ("germanium", "suspension", 1),
    ("antimony", "lifted", 1),
    ("lithium", "other", 1),
]


@pytest.mark.parametrize(("material", "measure", "level"), CONTROL_CASES)
def test_export_control_on_tracked_material(material: str, measure: str, level: int) -> None:
    event = control(material, measure, issuer="CN", targets=["US"])
    extraction = extract_event(event, SCOPE)
    reading = extraction.readings["minerals"]
    assert (reading.level, reading.kind) == (level, "state")
    assert extraction.control == event.control
    assert extraction.countries == ("CN", "US")


@pytest.mark.parametrize("material", ["soybeans", "galliumx", "earth moving equipment"])
def test_export_control_on_untracked_material_is_ignored(material: str) -> None:
    extraction = extract_event(control(material, "ban", issuer="CN"), SCOPE)
    assert extraction.level("minerals") == 0
    assert extraction.control is None
    assert any("untracked material" in note for note in extraction.notes)


def test_rare_earth_elements_need_rare_earths_tracked() -> None:
    narrow = SCOPE.model_copy(update={"materials": ["neodymium"]})
    assert levels(control("holmium", "ban"), narrow)["minerals"] == 0
    assert levels(control("neodymium magnets", "ban"), narrow)["minerals"] == 3


def test_export_control_evidence() -> None:
    event = control(
        "gallium", "ban", issuer="CN", targets=["US"], expires_at="2025-11-09T00:00:00Z"
    )
    evidence = extract_event(event, SCOPE).readings["minerals"].evidence
    assert evidence == (
        "export ban on gallium effective 2024-12-03 until 2025-11-09",
        "tracked: gallium",
        "issued by CN",
        "targets US",
    )
    plain = extract_event(control("gallium", "ban"), SCOPE).readings["minerals"].evidence
    assert plain[0] == "export ban on gallium effective 2024-12-03"


# --- every extraction -------------------------------------------------------------------------


def test_event_without_payload_reads_zero_everywhere() -> None:
    event = Event(id="x", source="other", occurred_at=WHEN)
    extraction = extract_event(event, SCOPE)
    assert set(extraction.readings) == set(DIMENSIONS)
    assert all(reading.level == 0 for reading in extraction.readings.values())
    assert extraction.countries == ()


COUNTRIES = st.sampled_from([None, "CN", "JP", "GB", "US", "TW", "RU", "FR"])
CODES = st.none() | st.sampled_from(
    ["010", "036", "042", "057", "061", "071", "091", "111", "130", "150", "163", "173", "195"]
)


@given(
    actor1=COUNTRIES,
    actor2=COUNTRIES,
    code=CODES,
    goldstein=st.none() | st.floats(min_value=-10, max_value=10),
    sources=st.none() | st.integers(min_value=0, max_value=1000),
    category=st.none() | st.integers(min_value=1, max_value=6),
)
def test_every_extraction_is_complete_and_scoped(
    actor1: str | None,
    actor2: str | None,
    code: str | None,
    goldstein: float | None,
    sources: int | None,
    category: int | None,
) -> None:
    event = gdelt(actor1, actor2, code, goldstein, sources=sources).model_copy(
        update={"incident": CyberIncident(category=category) if category else None}
    )
    extraction = extract_event(event, SCOPE)
    assert set(extraction.readings) == set(DIMENSIONS)
    for reading in extraction.readings.values():
        assert 0 <= reading.level <= 3
        assert 0.0 <= reading.confidence <= 1.0
        assert (reading.level > 0) == bool(reading.evidence)
    assert list(extraction.countries) == sorted({c for c in (actor1, actor2) if c})
    if extraction.level("partnership"):
        assert {actor1, actor2} <= set(SCOPE.members)
        assert actor1 != actor2
    if extraction.level("china_tension"):
        assert "CN" in (actor1, actor2)
    expected_cyber = 0 if category is None else {1: 3, 2: 3, 3: 2, 4: 2, 5: 1, 6: 1}[category]
    assert extraction.level("cyber") == expected_cyber


# --- parser and mapping together ---------------------------------------------------------------

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "gdelt"


@pytest.mark.parametrize(
    ("fixture", "expected"),
    [
        (
            "v1_daily.tsv",
            [
                {"china_tension": 3},  # CN→TW aerial weapons
                {"partnership": 2},  # GB→JP signs an agreement
                {},  # US→RU criticism is out of scope
                {},  # region actor, no counterpart
            ],
        ),
        ("v1_backfile.tsv", [{"china_tension": 1}, {}, {"partnership": 2}]),
        ("v2_export.tsv", [{"china_tension": 3}, {"partnership": 1}, {"china_tension": 2}]),
    ],
)
def test_fixture_rows_map_to_expected_levels(fixture: str, expected: list[dict[str, int]]) -> None:
    events = read_gdelt_events((FIXTURES / fixture).read_text().splitlines())
    observed = [{dim: level for dim, level in levels(event).items() if level} for event in events]
    assert observed == expected
