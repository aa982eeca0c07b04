"""Property tests (hypothesis) of the scoring engine's invariants."""

from __future__ import annotations

import random

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from georisk.core.documents import ScoredDocument
from georisk.core.scoring import DEFAULT_PARAMS, ScoringEngine
from georisk.models import DIMENSIONS, Dimension, Horizon, ScoreUpdate
from tests.unit.test_scoring_helpers import SCOPE, at, doc, story

FAST_H = DEFAULT_PARAMS.half_life_fast_s / 3600
SLOW_H = DEFAULT_PARAMS.half_life_slow_s / 3600

spec = st.tuples(
    st.floats(min_value=0, max_value=24 * 25, allow_nan=False),  # event time (hours)
    st.lists(st.tuples(st.sampled_from(DIMENSIONS), st.integers(1, 3)), max_size=2),
    st.integers(0, 3),  # source
    st.one_of(st.none(), st.integers(0, 5)),  # story (shared stories are reprints)
    st.sampled_from([None, "act", "threat"]),
)
streams = st.lists(spec, min_size=1, max_size=40)


def build(specs: list, prefix: str = "d") -> list[ScoredDocument]:
    out = []
    for i, (hours, signals, source, seed, kind) in enumerate(specs):
        unique = dict(signals)  # one signal per dimension
        text = story(seed) if seed is not None else None
        out.append(
            doc(
                f"{prefix}{i}",
                at(hours),
                list(unique.items()),
                source=f"s{source}",
                text=text,
                kind=kind,
            )
        )
    return out


def scores_of(docs: list[ScoredDocument]) -> list[ScoreUpdate]:
    engine = ScoringEngine(SCOPE)
    for d in docs:
        engine.ingest(d)
    return engine.scores()


def dump(updates: list[ScoreUpdate]) -> bytes:
    return orjson.dumps([u.model_dump(mode="json") for u in updates])


@settings(max_examples=30, deadline=None)
@given(streams, st.randoms(use_true_random=False))
def test_order_independence(specs: list, rnd: random.Random) -> None:
    docs = build(specs)
    shuffled = docs[:]
    rnd.shuffle(shuffled)
    assert dump(scores_of(shuffled)) == dump(scores_of(docs))


@settings(max_examples=30, deadline=None)
@given(streams, st.lists(st.integers(0, 39), max_size=10))
def test_duplicate_ids_are_idempotent(specs: list, repeats: list[int]) -> None:
    docs = build(specs)
    again = [docs[i % len(docs)] for i in repeats]
    assert dump(scores_of(docs + again)) == dump(scores_of(docs))


@settings(max_examples=30, deadline=None)
@given(streams)
def test_bounds_and_offset_cap(specs: list) -> None:
    for u in scores_of(build(specs)):
        assert 0.0 <= u.score <= 100.0
        assert 0.0 <= u.adjusted_score <= u.score
        assert 0.0 <= u.partnership_offset <= 1.0
        alpha = (
            SCOPE.offset_alpha.get(u.dimension, 0.0)
            if u.dimension != "composite"
            else max(SCOPE.offset_alpha.values())
        )
        assert u.score - u.adjusted_score <= alpha * u.score + 1e-9
        assert u.index >= 0.0


@settings(max_examples=25, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.floats(min_value=0, max_value=24 * 25, allow_nan=False),
            st.lists(st.tuples(st.sampled_from(DIMENSIONS), st.integers(1, 3)), max_size=2),
        ),
        min_size=1,
        max_size=30,
    )
)
def test_uniform_volume_scaling(specs: list) -> None:
    """Doubling the whole stream (a second outlet with the same mix) leaves scores unchanged."""
    once = [doc(f"a{i}", at(h), list(dict(s).items())) for i, (h, s) in enumerate(specs)]
    twice = once + [doc(f"b{i}", at(h), list(dict(s).items())) for i, (h, s) in enumerate(specs)]
    for u, v in zip(scores_of(once), scores_of(twice), strict=True):
        assert (u.dimension, u.horizon) == (v.dimension, v.horizon)
        assert (u.score, u.index, u.band, u.adjusted_score) == (
            v.score,
            v.index,
            v.band,
            v.adjusted_score,
        )
        assert v.n_docs == 2 * u.n_docs


@settings(max_examples=30, deadline=None)
@given(
    st.floats(min_value=0, max_value=500, allow_nan=False),
    st.sampled_from(DIMENSIONS),
    st.integers(1, 3),
    st.sampled_from([("fast", FAST_H), ("slow", SLOW_H)]),
)
def test_half_life(
    start: float, dimension: Dimension, level: int, horizon: tuple[Horizon, float]
) -> None:
    """A document's weight halves after one half-life of event time."""
    name, half_life = horizon
    engine = ScoringEngine(SCOPE)
    engine.ingest(doc("x", at(start), [(dimension, level)]))
    first = engine.raw_input(dimension, name)
    assert first == pytest.approx(3.0 ** (level - 1) * 0.8, rel=1e-9)
    engine.ingest(doc("later", at(start + half_life)))
    assert engine.raw_input(dimension, name) == pytest.approx(first / 2, rel=1e-9)
    [(doc_id, contribution)] = engine.contributions(dimension, name)
    assert doc_id == "x"
    assert contribution == pytest.approx(first / 2, rel=1e-9)
