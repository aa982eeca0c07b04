"""What the extractors hand to the scoring engine: pure data, no I/O.

`Extraction` is one document's reading on every dimension (level 0 included). A
`ScoredDocument` is what the scoring engine ingests for one scope: the document's event time,
its signals (level > 0), its near-duplicate fingerprint and any export-control state it
announces. Every document is ingested, relevant or not, because scores are shares of volume.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated

from pydantic import AwareDatetime, Field

from georisk.models import (
    Dimension,
    DocKind,
    ExportControl,
    Id,
    Outbound,
    Signal,
    SignalKind,
)


@dataclass(frozen=True, slots=True)
class DimensionReading:
    """The extractor's verdict on one dimension of one document."""

    level: int
    confidence: float
    evidence: tuple[str, ...] = ()
    kind: SignalKind | None = None


@dataclass(frozen=True, slots=True)
class Extraction:
    """One document read on all four dimensions, with the countries principally involved."""

    readings: dict[Dimension, DimensionReading]
    countries: tuple[str, ...] = ()
    control: ExportControl | None = None
    notes: tuple[str, ...] = field(default=())

    def level(self, dimension: Dimension) -> int:
        reading = self.readings.get(dimension)
        return reading.level if reading else 0


class ScoredDocument(Outbound):
    """One document as the scoring engine of one scope sees it (internal topic record)."""

    doc_id: Id
    doc_kind: DocKind
    scope: str
    event_time: AwareDatetime
    event_time_from_record: bool = False
    title: str | None = None
    source: str | None = None
    signals: list[Signal] = Field(default_factory=list)
    # MinHash signature of the text (near-duplicate clustering); None for structured events.
    fingerprint: list[Annotated[int, Field(ge=0)]] | None = None
    control: ExportControl | None = None
