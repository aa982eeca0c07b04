"""Deterministic offline replay: documents in event-time order through one engine.

The timeline holds the scores as of the last document before each crossing of the event-time
grid, then the final scores, so it is the same whatever order the input came in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from georisk.core.documents import ScoredDocument
from georisk.core.scoring.decay import grid_index, seconds
from georisk.core.scoring.engine import ScoringEngine
from georisk.core.scoring.params import DEFAULT_PARAMS, ScoringParams
from georisk.models import ScoreUpdate
from georisk.scopes import ScopeConfig


def replay(
    docs: Iterable[ScoredDocument], scope: ScopeConfig, params: ScoringParams = DEFAULT_PARAMS
) -> Iterator[ScoreUpdate]:
    """The score timeline of `scope` over `docs` (other scopes' documents are skipped)."""
    engine = ScoringEngine(scope, params)
    ordered = sorted(
        (d for d in docs if d.scope == scope.name), key=lambda d: (seconds(d.event_time), d.doc_id)
    )
    cell: int | None = None
    for doc in ordered:
        current = grid_index(seconds(doc.event_time), params.grid_step_s)
        if cell is not None and current != cell:
            yield from engine.scores()
        cell = current
        engine.ingest(doc)
    yield from engine.scores()
