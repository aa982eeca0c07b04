"""From a validated document to what each scope's scoring engine ingests. Pure: no I/O.

The worker and `georisk replay` both call `assess`, so streamed and replayed scores come from
one code path.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from georisk.core.documents import Extraction, ScoredDocument
from georisk.core.events.mapping import extract_event
from georisk.core.extraction import EXTRACTOR_VERSION, extract_article
from georisk.core.scoring import fingerprint
from georisk.models import DIMENSIONS, Article, DocKind, Event, Signal
from georisk.scopes import ScopeConfig

LEVEL_WEIGHT = {0: 0.0, 1: 1.0, 2: 3.0, 3: 9.0}


def event_time(doc: Article | Event) -> datetime:
    if isinstance(doc, Article):
        assert doc.published_at is not None, "articles reach the pipeline with an event time"
        return doc.published_at
    return doc.occurred_at


def extract(doc: Article | Event, scope: ScopeConfig) -> Extraction:
    return extract_article(doc, scope) if isinstance(doc, Article) else extract_event(doc, scope)


def signals_of(doc: Article | Event, extraction: Extraction, scope: ScopeConfig) -> list[Signal]:
    """One Signal per dimension with level > 0."""
    kind: DocKind = "article" if isinstance(doc, Article) else "event"
    when = event_time(doc)
    source = doc.source
    signals = []
    for dimension in DIMENSIONS:
        reading = extraction.readings.get(dimension)
        if reading is None or reading.level == 0:
            continue
        signals.append(
            Signal(
                doc_id=doc.id,
                doc_kind=kind,
                event_time=when,
                scope=scope.name,
                dimension=dimension,
                level=reading.level,
                kind=reading.kind,
                weight=LEVEL_WEIGHT[reading.level],
                confidence=reading.confidence,
                countries=list(extraction.countries),
                evidence=list(reading.evidence),
                title=doc.title,
                source=source,
                model_version=EXTRACTOR_VERSION,
            )
        )
    return signals


def assess_all(doc: Article | Event, scopes: Sequence[ScopeConfig]) -> list[ScoredDocument]:
    """Extract and package one document for each scope's engine; the fingerprint, which does not
    depend on the scope, is computed once."""
    shingles = fingerprint(doc.text) if isinstance(doc, Article) else None
    return [_package(doc, scope, shingles) for scope in scopes]


def assess(doc: Article | Event, scope: ScopeConfig) -> ScoredDocument:
    """Extract, fingerprint and package one document for one scope's scoring engine."""
    return assess_all(doc, (scope,))[0]


def _package(
    doc: Article | Event, scope: ScopeConfig, shingles: list[int] | None
) -> ScoredDocument:
    extraction = extract(doc, scope)
    is_article = isinstance(doc, Article)
    return ScoredDocument(
        doc_id=doc.id,
        doc_kind="article" if is_article else "event",
        scope=scope.name,
        event_time=event_time(doc),
        event_time_from_record=doc.published_at_from_record if isinstance(doc, Article) else False,
        title=doc.title,
        source=doc.source,
        signals=signals_of(doc, extraction, scope),
        fingerprint=shingles,
        control=extraction.control,
    )
