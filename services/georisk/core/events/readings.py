"""Shared pieces of the event rules: what a rule returns and how coverage becomes confidence."""

from __future__ import annotations

import math

from georisk.core.documents import DimensionReading
from georisk.models import Dimension

# One rule's verdict on one dimension; rules return a list of these (empty = no opinion).
Finding = tuple[Dimension, DimensionReading]

NO_SIGNAL = DimensionReading(level=0, confidence=0.0)

# Coverage curve: one source is weak evidence (GDELT rows are machine-coded from single
# sentences; see the Wang et al. validity caveat), each doubling of independent sources adds
# 0.2, and repeated mentions add at most 0.1 so one noisy outlet cannot look corroborated.
SINGLE_SOURCE_CONFIDENCE = 0.3
PER_SOURCE_DOUBLING = 0.2
PER_MENTION_DOUBLING = 0.05
MAX_MENTION_BONUS = 0.1
MAX_COVERAGE_CONFIDENCE = 0.95


def coverage_confidence(num_sources: int | None, num_mentions: int | None) -> float | None:
    """Confidence from NumSources/NumMentions; None when the event carries neither count."""
    if num_sources is None and num_mentions is None:
        return None
    sources = max(num_sources or 1, 1)
    mentions = max(num_mentions or sources, sources)
    mention_bonus = min(MAX_MENTION_BONUS, PER_MENTION_DOUBLING * math.log2(mentions / sources))
    confidence = SINGLE_SOURCE_CONFIDENCE + PER_SOURCE_DOUBLING * math.log2(sources)
    return round(min(MAX_COVERAGE_CONFIDENCE, confidence + mention_bonus), 4)


def coverage_evidence(num_sources: int | None, num_mentions: int | None) -> tuple[str, ...]:
    """The counts behind the confidence, e.g. "3 sources, 12 mentions", when known."""
    parts = []
    if num_sources is not None:
        parts.append(f"{num_sources} source{'' if num_sources == 1 else 's'}")
    if num_mentions is not None:
        parts.append(f"{num_mentions} mention{'' if num_mentions == 1 else 's'}")
    return (", ".join(parts),) if parts else ()


def stronger(current: DimensionReading, new: DimensionReading) -> DimensionReading:
    """The higher level wins; two findings at the same level pool their evidence."""
    if new.level > current.level:
        return new
    if new.level < current.level or new.level == 0:
        return current
    evidence = current.evidence + tuple(e for e in new.evidence if e not in current.evidence)
    return DimensionReading(
        level=current.level,
        confidence=max(current.confidence, new.confidence),
        evidence=evidence,
        kind=current.kind or new.kind,
    )
