"""Builders of hand-made ScoredDocuments for the scoring tests (no tests here)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from georisk.core.documents import ScoredDocument
from georisk.core.scoring import fingerprint
from georisk.models import Dimension, ExportControl, Signal, SignalKind
from georisk.scopes import ScopeConfig, default_scope

T0 = datetime(2026, 1, 1, tzinfo=UTC)
WEIGHTS = {1: 1.0, 2: 3.0, 3: 9.0}
SCOPE = default_scope()


def at(hours: float) -> datetime:
    return T0 + timedelta(hours=hours)


def signal(
    doc_id: str,
    when: datetime,
    dimension: Dimension,
    level: int,
    confidence: float = 0.8,
    kind: SignalKind | None = None,
    scope: str = "gb-jp",
) -> Signal:
    return Signal(
        doc_id=doc_id,
        doc_kind="article",
        event_time=when,
        scope=scope,
        dimension=dimension,
        level=level,
        kind=kind,
        weight=WEIGHTS[level],
        confidence=confidence,
        model_version="test",
    )


def doc(
    doc_id: str,
    when: datetime,
    signals: Sequence[tuple[Dimension, int]] = (),
    *,
    source: str | None = "wire",
    text: str | None = None,
    kind: SignalKind | None = None,
    confidence: float = 0.8,
    control: ExportControl | None = None,
    scope: ScopeConfig = SCOPE,
) -> ScoredDocument:
    """A document; `text` gives it a fingerprint (events and untexted docs have none)."""
    return ScoredDocument(
        doc_id=doc_id,
        doc_kind="article" if text else "event",
        scope=scope.name,
        event_time=when,
        title=f"title of {doc_id}",
        source=source,
        signals=[signal(doc_id, when, d, lvl, confidence, kind, scope.name) for d, lvl in signals],
        fingerprint=fingerprint(text) if text else None,
        control=control,
    )


def story(seed: int, words: int = 60) -> str:
    """A distinct pseudo-article: different seeds share almost no word 3-shingles."""
    return " ".join(f"w{(seed * 7919 + i * 104729) % 1000003}" for i in range(words))
