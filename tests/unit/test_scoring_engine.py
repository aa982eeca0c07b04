"""The scoring engine's core contract: event time, order independence, share normalisation."""

from __future__ import annotations

import random
from datetime import timedelta

import orjson
import pytest

from georisk.core.documents import ScoredDocument
from georisk.core.scoring import MODEL_VERSION, ScoringEngine, ScoringParams, TooLate
from georisk.models import SCORE_DIMENSIONS, ScoreUpdate
from tests.unit.test_scoring_helpers import SCOPE, at, doc, story


def dump(updates: list[ScoreUpdate]) -> bytes:
    return b"\n".join(orjson.dumps(u.model_dump(mode="json")) for u in updates)


def run(docs: list[ScoredDocument]) -> ScoringEngine:
    engine = ScoringEngine(SCOPE)
    for d in docs:
        engine.ingest(d)
    return engine


def mixed_stream(n: int, hours_apart: float = 0.5) -> list[ScoredDocument]:
    out = []
    for i in range(n):
        signals: list = []
        if i % 10 == 0:
            signals.append(("cyber", 1 + i % 3))
        if i % 7 == 0:
            signals.append(("minerals", 2))
        if i % 13 == 0:
            signals.append(("partnership", 2))
        if i % 17 == 0:
            signals.append(("china_tension", 3))
        text = story(i // 3) if signals else None  # runs of three near-identical reprints
        out.append(doc(f"d{i}", at(i * hours_apart), signals, source=f"s{i % 4}", text=text))
    return out


def by_key(updates: list[ScoreUpdate]) -> dict[tuple[str, str], ScoreUpdate]:
    return {(u.dimension, u.horizon): u for u in updates}


def test_ten_updates_with_version_and_watermark() -> None:
    docs = mixed_stream(200)
    updates = run(docs).scores()
    assert len(updates) == 10
    assert {u.dimension for u in updates} == set(SCORE_DIMENSIONS)
    assert all(u.model_version == MODEL_VERSION for u in updates)
    assert all(u.as_of == docs[-1].event_time for u in updates)
    assert all(u.emitted_at is None for u in updates)


def test_no_documents_no_scores() -> None:
    assert ScoringEngine(SCOPE).scores() == []


def test_any_order_gives_byte_identical_scores() -> None:
    docs = mixed_stream(1200)  # 25 days: within the allowed lateness
    expected = dump(run(docs).scores())
    for seed in range(3):
        shuffled = docs[:]
        random.Random(seed).shuffle(shuffled)
        assert dump(run(shuffled).scores()) == expected


def test_duplicate_doc_id_is_idempotent() -> None:
    docs = mixed_stream(300)
    engine = run(docs)
    before = dump(engine.scores())
    assert not any(engine.ingest(d) for d in docs[::5])
    assert dump(engine.scores()) == before


def test_too_late_is_reported_not_dropped_silently() -> None:
    engine = ScoringEngine(SCOPE)
    engine.ingest(doc("new", at(24 * 40)))
    old = doc("old", at(0), [("cyber", 3)])
    with pytest.raises(TooLate) as raised:
        engine.ingest(old)
    assert raised.value.doc_id == "old"
    # within the lateness it is folded in and changes the scores
    before = dump(engine.scores())
    assert engine.ingest(doc("late", at(24 * 40 - 24 * 20), [("cyber", 3)]))
    assert dump(engine.scores()) != before


def test_steady_input_gives_index_100_and_score_50() -> None:
    docs = []
    for i in range(24 * 120):  # one document an hour for 120 days, the same mix throughout
        signals: list = [("cyber", 2)] if i % 4 == 0 else []
        if i % 6 == 0:
            signals.append(("minerals", 1))
        docs.append(doc(f"d{i}", at(i), signals, source=f"s{i % 3}"))
    scores = by_key(run(docs).scores())
    for dimension in ("cyber", "composite"):
        for horizon in ("fast", "slow"):
            update = scores[(dimension, horizon)]
            assert update.index == pytest.approx(100, abs=5), (dimension, horizon)
            assert update.score == pytest.approx(50, abs=5), (dimension, horizon)
            assert update.band == "low"


def test_a_burst_raises_fast_more_than_slow() -> None:
    docs = [doc(f"b{i}", at(i), [("cyber", 1)] if i % 8 == 0 else []) for i in range(24 * 60)]
    start = 24 * 60
    docs += [doc(f"x{i}", at(start + i / 4), [("cyber", 3)], source=f"o{i}") for i in range(12)]
    scores = by_key(run(docs).scores())
    fast, slow = scores[("cyber", "fast")], scores[("cyber", "slow")]
    assert fast.score > 97.7
    assert fast.index > slow.index > 100
    assert fast.delta_24h > 0


def test_delta_is_signed() -> None:
    docs = [doc(f"b{i}", at(i), [("cyber", 3)] if i % 3 == 0 else []) for i in range(24 * 30)]
    docs += [doc(f"q{i}", at(24 * 30 + i), []) for i in range(48)]  # two quiet days
    scores = by_key(run(docs).scores())
    assert scores[("cyber", "fast")].delta_24h < 0


def test_volume_is_share_normalised_by_all_documents() -> None:
    base = [doc(f"d{i}", at(i), [("cyber", 2)] if i % 5 == 0 else []) for i in range(24 * 20)]
    quiet = [doc(f"n{i}", at(24 * 20 + i / 10), []) for i in range(200)]
    noisy = run(base + quiet).scores()
    plain = run(base).scores()
    assert by_key(noisy)[("cyber", "fast")].index < by_key(plain)[("cyber", "fast")].index


def test_watermark_is_event_time() -> None:
    engine = ScoringEngine(SCOPE)
    engine.ingest(doc("a", at(10)))
    engine.ingest(doc("b", at(5)))
    assert engine.watermark == at(10)
    assert engine.watermark - at(0) == timedelta(hours=10)


def test_lateness_is_a_parameter() -> None:
    params = ScoringParams(lateness_s=2 * 86400)
    engine = ScoringEngine(SCOPE, params)
    engine.ingest(doc("now", at(24 * 10)))
    assert engine.ingest(doc("ok", at(24 * 8)))  # exactly at the allowed lateness
    with pytest.raises(TooLate):
        engine.ingest(doc("late", at(24 * 8 - 0.01)))


def test_n_docs_counts_signal_documents_within_one_half_life() -> None:
    docs = [doc(f"d{i}", at(i * 24), [("cyber", 1)]) for i in range(20)]  # one a day
    docs += [doc("p", at(19 * 24), [("partnership", 2), ("minerals", 1)])]
    scores = by_key(run(docs).scores())
    assert scores[("cyber", "fast")].n_docs == 4  # days 16-19: within 3 days, to the 6-h grid
    assert scores[("cyber", "slow")].n_docs == 20
    assert scores[("partnership", "slow")].n_docs == 1
    assert scores[("composite", "slow")].n_docs == 21  # any threat dimension
