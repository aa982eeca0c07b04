"""Bounded state: memory follows the document rate over the retention horizon, not the total."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta

from georisk.core.documents import ScoredDocument
from georisk.core.scoring import ScoringEngine, fingerprint
from georisk.models import Signal
from tests.unit.test_scoring_helpers import SCOPE, T0, story

POOL = [fingerprint(story(i)) for i in range(64)]


def synthetic(n: int) -> Iterator[ScoredDocument]:
    """n documents, one every 30 minutes of event time; one in eight carries a signal."""
    for i in range(n):
        when = T0 + timedelta(minutes=30 * i)
        relevant = i % 8 == 0
        signals = (
            [
                Signal(
                    doc_id=f"d{i}",
                    doc_kind="article",
                    event_time=when,
                    scope=SCOPE.name,
                    dimension="cyber",
                    level=2,
                    kind="act",
                    weight=3.0,
                    confidence=0.7,
                    model_version="test",
                )
            ]
            if relevant
            else []
        )
        yield ScoredDocument(
            doc_id=f"d{i}",
            doc_kind="article",
            scope=SCOPE.name,
            event_time=when,
            source=f"s{i % 5}",
            signals=signals,
            fingerprint=POOL[(i // 8) % len(POOL)] if relevant else None,
        )


def size_after(n: int) -> int:
    engine = ScoringEngine(SCOPE)
    for d in synthetic(n):
        engine.ingest(d)
    assert engine.scores()
    return engine.state_size()


def test_state_is_bounded() -> None:
    small, large = size_after(10_000), size_after(100_000)
    assert large <= small * 1.05
    assert small < 10_000 / 2  # well below one entry per document
