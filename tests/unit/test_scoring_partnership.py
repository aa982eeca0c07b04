"""Partnership: structural agreements are states (no decay), flow news decays; capped offset."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from georisk.core.scoring import DEFAULT_PARAMS, ScoringEngine
from georisk.core.scoring.partnership import composite_alpha, strength, structural_strength
from georisk.models import ScoreUpdate
from georisk.scopes import default_scope
from tests.unit.test_scoring_helpers import SCOPE, at, doc


def day(text: str) -> datetime:
    return datetime.fromisoformat(text).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("when", "expected"),
    [
        ("2020-06-01", 0.0),
        ("2022-01-01", 0.3),  # CEPA only
        ("2023-06-01", 1 - 0.7 * 0.5),  # + Hiroshima Accord
        ("2026-01-01", 1 - 0.7 * 0.5 * 0.7 * 0.7 * 0.6 * 0.7),
    ],
)
def test_structural_strength_is_a_noisy_or_of_agreements_in_force(
    when: str, expected: float
) -> None:
    assert structural_strength(default_scope(), day(when)) == pytest.approx(expected)


def test_strength_formula() -> None:
    assert strength(0.8, 50.0, DEFAULT_PARAMS) == pytest.approx(0.5 * 0.8 + 0.5 * 0.5)
    assert strength(1.0, 100.0, DEFAULT_PARAMS) == 1.0
    assert strength(0.0, 0.0, DEFAULT_PARAMS) == 0.0


def test_composite_alpha_follows_the_mix_of_raw_input() -> None:
    alphas = [0.10, 0.15, 0.25]
    assert composite_alpha(alphas, [1.0, 0.0, 0.0]) == pytest.approx(0.10)
    assert composite_alpha(alphas, [1.0, 1.0, 2.0]) == pytest.approx((0.1 + 0.15 + 0.5) / 4)
    assert composite_alpha(alphas, [0.0, 0.0, 0.0]) == pytest.approx(sum(alphas) / 3)


def scores(docs: list) -> dict[tuple[str, str], ScoreUpdate]:
    engine = ScoringEngine(SCOPE)
    for d in docs:
        engine.ingest(d)
    return {(u.dimension, u.horizon): u for u in engine.scores()}


def test_offset_is_reported_and_capped() -> None:
    docs = [
        doc(f"d{i}", at(i), [("cyber", 2)] if i % 5 == 0 else [("partnership", 2)])
        for i in range(24 * 20)
    ]
    result = scores(docs)
    structural = structural_strength(SCOPE, at(24 * 20 - 1))
    for (dimension, horizon), u in result.items():
        flow = result[("partnership", horizon)].score
        assert u.partnership_offset == pytest.approx(0.5 * structural + 0.5 * flow / 100, abs=1e-5)
        alpha = SCOPE.offset_alpha.get(dimension, 0.0)  # type: ignore[call-overload]
        if dimension in ("partnership", "composite"):
            continue
        assert u.adjusted_score == pytest.approx(
            u.score * (1 - alpha * u.partnership_offset), abs=1e-4
        )
    assert result[("partnership", "fast")].adjusted_score == result[("partnership", "fast")].score


def test_structural_agreements_do_not_decay() -> None:
    first = scores([doc("a", day("2026-01-01"))])
    later = scores([doc("a", day("2026-01-01")), doc("b", day("2026-12-01"))])
    structural = structural_strength(SCOPE, day("2026-01-01"))
    assert structural == structural_strength(SCOPE, day("2026-12-01")) > 0.9
    for result in (first, later):
        u = result[("cyber", "slow")]
        p = result[("partnership", "slow")].score / 100
        assert u.partnership_offset == pytest.approx(0.5 * structural + 0.5 * p, abs=1e-5)


def test_cooperation_news_raises_partnership_and_the_offset() -> None:
    base = [
        doc(f"d{i}", at(i), [("partnership", 1)] if i % 12 == 0 else []) for i in range(24 * 30)
    ]
    burst = [
        doc(f"p{i}", at(24 * 30 + i / 10), [("partnership", 3)], source=f"o{i}") for i in range(8)
    ]
    quiet, busy = scores(base), scores(base + burst)
    assert busy[("partnership", "fast")].score > quiet[("partnership", "fast")].score + 20
    assert busy[("cyber", "fast")].partnership_offset > quiet[("cyber", "fast")].partnership_offset
    assert DEFAULT_PARAMS.partnership_flow_weight > 0
