"""Bands: percentile thresholds and the rule-based `critical` (≥ 2 independent sources)."""

from __future__ import annotations

import pytest

from georisk.core.documents import ScoredDocument
from georisk.core.scoring import DEFAULT_PARAMS, ScoringEngine
from georisk.core.scoring.bands import band_for
from georisk.models import Band
from tests.unit.test_scoring_helpers import SCOPE, at, doc, story


@pytest.mark.parametrize(
    ("score", "critical", "band"),
    [
        (0.0, False, "low"),
        (50.0, False, "low"),
        (83.99, False, "low"),
        (84.0, False, "elevated"),
        (97.69, False, "elevated"),
        (97.7, False, "high"),
        (100.0, False, "high"),
        (12.0, True, "critical"),
    ],
)
def test_band_thresholds(score: float, critical: bool, band: Band) -> None:
    assert band_for(score, critical, DEFAULT_PARAMS) == band


def background() -> list[ScoredDocument]:
    return [
        doc(f"b{i}", at(i), [("china_tension", 1)] if i % 6 == 0 else []) for i in range(24 * 10)
    ]


def bands(extra: list[ScoredDocument]) -> dict[tuple[str, str], str]:
    engine = ScoringEngine(SCOPE)
    for d in background() + extra:
        engine.ingest(d)
    return {(u.dimension, u.horizon): u.band for u in engine.scores()}


NOW = 24 * 10


def drill(
    doc_id: str, hours: float, source: str, *, seed: int, level: int = 3, kind: str = "act"
) -> ScoredDocument:
    return doc(
        doc_id, at(hours), [("china_tension", level)], source=source, text=story(seed), kind=kind
    )  # type: ignore[arg-type]


CASES = {
    "two outlets, two reports": (
        [drill("x", NOW, "reuters", seed=1), drill("y", NOW + 1, "nhk", seed=2)],
        True,
    ),
    "one report": ([drill("x", NOW, "reuters", seed=1)], False),
    "one story syndicated by two outlets": (
        [drill("x", NOW, "reuters", seed=1), drill("y", NOW + 1, "nhk", seed=1)],
        False,
    ),
    "two reports from one outlet": (
        [drill("x", NOW, "reuters", seed=1), drill("y", NOW + 1, "reuters", seed=2)],
        False,
    ),
    "two outlets too far apart": (
        [drill("x", NOW - 60, "reuters", seed=1), drill("y", NOW, "nhk", seed=2)],
        False,
    ),
    "threats, not acts": (
        [
            drill("x", NOW, "reuters", seed=1, kind="threat"),
            drill("y", NOW + 1, "nhk", seed=2, kind="threat"),
        ],
        False,
    ),
    "level 2 acts": (
        [drill("x", NOW, "reuters", seed=1, level=2), drill("y", NOW + 1, "nhk", seed=2, level=2)],
        False,
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_critical_rule(case: str) -> None:
    extra, expected = CASES[case]
    result = bands(extra)
    for horizon in ("fast", "slow"):
        assert (result[("china_tension", horizon)] == "critical") is expected
        assert (result[("composite", horizon)] == "critical") is expected
        assert result[("cyber", horizon)] != "critical"
        assert result[("partnership", horizon)] != "critical"


def test_critical_export_ban_state_on_minerals() -> None:
    extra = [
        doc("ban1", at(NOW), [("minerals", 3)], source="mofcom", kind="state"),
        doc("ban2", at(NOW + 2), [("minerals", 3)], source="reuters", kind="state", text=story(4)),
    ]
    result = bands(extra)
    assert result[("minerals", "fast")] == "critical"
    assert result[("minerals", "slow")] == "critical"


def test_a_burst_without_confirmation_reaches_high_not_critical() -> None:
    extra = [
        doc(f"t{i}", at(NOW + i / 10), [("china_tension", 2)], source=f"o{i}", text=story(100 + i))
        for i in range(10)
    ]
    result = bands(extra)
    assert result[("china_tension", "fast")] == "high"
