"""Export controls as states: a floor on `minerals` from effective date to expiry."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from georisk.core.scoring import ScoringEngine
from georisk.core.scoring.controls import ControlBook
from georisk.core.scoring.decay import seconds
from georisk.core.scoring.params import DEFAULT_PARAMS
from georisk.models import ExportControl
from georisk.scopes import ControlState, default_scope
from tests.unit.test_scoring_helpers import doc


def day(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


def control(
    name: str, start: str, end: str | None, materials: list[str], measure: str = "licensing"
) -> ControlState:
    return ControlState(
        name=name,
        materials=materials,
        measure=measure,
        effective_from=day(start),
        expires_at=day(end) if end else None,
        source="test",
    )


SCOPE = default_scope().model_copy(
    update={
        "controls": [
            control("Oct 2025 measures", "2025-10-09", "2025-11-10", ["gallium", "rare earths"]),
            control("Suspension ends", "2026-11-10", None, ["gallium", "rare earths"]),
            control("Antimony ban", "2026-12-01", "2027-01-01", ["antimony"], "ban"),
            control("Untracked", "2025-01-01", None, ["sand"]),
            control("Lifted", "2025-01-01", None, ["gallium"], "lifted"),
        ]
    }
)


@pytest.mark.parametrize(
    ("when", "floor"),
    [
        ("2025-10-08", 0.0),
        ("2025-10-09", 50.0),
        ("2025-11-09", 50.0),
        ("2025-11-10", 0.0),  # suspended: the floor lifts on the expiry date
        ("2026-06-01", 0.0),
        ("2026-11-09", 0.0),
        ("2026-11-10", 50.0),  # and returns when the suspension ends
        ("2026-12-15", 60.0),
        ("2027-02-01", 50.0),
    ],
)
def test_floor_table(when: str, floor: float) -> None:
    book = ControlBook(SCOPE, DEFAULT_PARAMS)
    assert book.floor(seconds(day(when))) == floor
    engine = ScoringEngine(SCOPE)
    engine.ingest(doc("quiet", day(when), scope=SCOPE))
    minerals = [u for u in engine.scores() if u.dimension == "minerals"]
    assert all(u.score >= floor for u in minerals)
    if floor:  # a quiet news flow sits below the floor, so the floor is what holds the score
        assert all(u.score == floor for u in minerals)


def test_floor_is_capped() -> None:
    params = DEFAULT_PARAMS
    scope = SCOPE.model_copy(
        update={"controls": [control(f"c{i}", "2025-01-01", None, ["gallium"]) for i in range(6)]}
    )
    assert ControlBook(scope, params).floor(seconds(day("2025-06-01"))) == params.control_floor_cap


def announced(material: str, start: str, end: str | None, measure: str = "ban") -> ExportControl:
    return ExportControl(
        material=material,
        measure=measure,
        effective_from=day(start),
        expires_at=day(end) if end else None,
    )


def test_announced_controls_hold_the_floor_until_expiry() -> None:
    scope = SCOPE.model_copy(update={"controls": []})
    engine = ScoringEngine(scope)
    notice = announced("Germanium", "2026-03-01", "2026-05-01")
    engine.ingest(doc("notice", day("2026-02-20"), [("minerals", 3)], control=notice, scope=scope))
    engine.ingest(doc("repeat", day("2026-02-21"), control=notice, scope=scope))  # counted once
    floors = {}
    for i, when in enumerate(["2026-02-25", "2026-03-02", "2026-04-30", "2026-05-01"]):
        engine.ingest(doc(f"q{i}", day(when), scope=scope))
        floors[when] = min(u.score for u in engine.scores() if u.dimension == "minerals")
    assert floors["2026-03-02"] == 50.0
    assert floors["2026-04-30"] == 50.0
    assert floors["2026-05-01"] < 50.0


@pytest.mark.parametrize(
    ("notice", "counted"),
    [
        (announced("gallium", "2025-10-09", None, "licensing"), 1),  # repeats a configured one
        (announced("gallium", "2025-10-20", None, "ban"), 2),
        (announced("sand", "2025-10-20", None, "ban"), 1),  # untracked material
        (announced("gallium", "2025-10-20", None, "suspension"), 1),
        (announced("Rare Earth", "2025-10-20", None, "quota"), 2),
    ],
)
def test_announcements_against_configuration(notice: ExportControl, counted: int) -> None:
    book = ControlBook(SCOPE, DEFAULT_PARAMS)
    book.announce(notice)
    assert book.active(seconds(day("2025-10-25"))) == counted


def test_builtin_scope_counts_the_november_2026_returns() -> None:
    book = ControlBook(default_scope(), DEFAULT_PARAMS)
    before = book.active(seconds(day("2026-11-09")))
    assert book.active(seconds(day("2026-11-10"))) == before + 1
    assert book.active(seconds(day("2026-11-27"))) == before + 2
