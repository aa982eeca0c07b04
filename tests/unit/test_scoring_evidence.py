"""Explanations: contributions reconstruct the raw input; every non-zero score names evidence."""

from __future__ import annotations

import pytest

from georisk.core.documents import ScoredDocument
from georisk.core.scoring import DEFAULT_PARAMS, ScoringEngine
from georisk.models import HORIZONS, SCORE_DIMENSIONS
from tests.unit.test_scoring_helpers import SCOPE, at, doc, story


def stream(days: int) -> list[ScoredDocument]:
    out = []
    for i in range(24 * days):
        signals: list = []
        if i % 5 == 0:
            signals.append(("cyber", 1 + i % 3))
        if i % 9 == 0:
            signals.append(("minerals", 1 + i % 2))
        if i % 11 == 0:
            signals.append(("china_tension", 2))
        if i % 14 == 0:
            signals.append(("partnership", 3))
        text = story(i // 2) if signals else None  # pairs of reprints
        out.append(doc(f"d{i}", at(i), signals, source=f"s{i % 4}", text=text))
    return out


def engine_over(docs: list[ScoredDocument]) -> ScoringEngine:
    engine = ScoringEngine(SCOPE)
    for d in docs:
        engine.ingest(d)
    return engine


def test_contributions_reconstruct_the_raw_input() -> None:
    engine = engine_over(stream(25))
    for dimension in SCORE_DIMENSIONS:
        for horizon in HORIZONS:
            items = engine.contributions(dimension, horizon)
            total = sum(value for _, value in items)
            assert total == pytest.approx(engine.raw_input(dimension, horizon), rel=0.01)
            assert [v for _, v in items] == sorted((v for _, v in items), reverse=True)


def test_top_evidence_is_the_largest_k_contributions() -> None:
    engine = engine_over(stream(25))
    for update in engine.scores():
        expected = engine.contributions(update.dimension, update.horizon)[
            : DEFAULT_PARAMS.evidence_k
        ]
        assert [e.doc_id for e in update.top_evidence] == [d for d, _ in expected]
        for item, (_, value) in zip(update.top_evidence, expected, strict=True):
            assert item.contribution == pytest.approx(value, rel=1e-5)
            assert item.level >= 1
            assert item.title == f"title of {item.doc_id}"


def test_every_nonzero_score_names_its_evidence_even_after_folding() -> None:
    docs = stream(25) + [
        doc(f"q{i}", at(24 * 25 + i * 6), []) for i in range(4 * 80)
    ]  # 80 quiet days
    engine = engine_over(docs)
    assert engine.contributions("cyber", "slow")  # folded clusters are still named (top k kept)
    for update in engine.scores():
        if engine.raw_input(update.dimension, update.horizon) > 0:
            assert update.top_evidence, (update.dimension, update.horizon)


def test_silent_dimension_has_no_evidence() -> None:
    engine = engine_over([doc(f"d{i}", at(i), [("cyber", 2)]) for i in range(10)])
    scores = {(u.dimension, u.horizon): u for u in engine.scores()}
    assert engine.raw_input("minerals", "fast") == 0.0
    # No document behind minerals: only the export controls holding its floor are named.
    minerals = scores[("minerals", "fast")]
    assert minerals.top_evidence, "a floored score names the controls in force"
    assert all(
        e.doc_id.startswith("control:") and e.contribution == 0.0 for e in minerals.top_evidence
    )
    # A silent threat dimension with no floor scores 0 and names nothing.
    china = scores[("china_tension", "fast")]
    assert engine.raw_input("china_tension", "fast") == 0.0
    assert china.score == 0.0
    assert china.top_evidence == []
    assert scores[("cyber", "fast")].top_evidence[0].doc_id == "d9"
