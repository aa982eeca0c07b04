"""Shared pieces of the dimension rules: context, hedges, sentence co-occurrence, readings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from georisk.core.documents import DimensionReading
from georisk.core.extraction.document import Document, Hit
from georisk.core.extraction.lexicon import compile_words
from georisk.models import SignalKind

# The title plus the opening sentences: where news states what happened now.
LEAD_SENTENCES = 4

# Modal and recall words that turn an act into a threat or a memory (GPR's threat/act split).
HEDGES = compile_words(
    (
        "may",
        "might",
        "could",
        "would",
        "possibl*",
        "potential*",
        "expect*",
        "consider*",
        "plans to",
        "planned",
        "planning",
        "poised",
        "likely",
        "if",
        "whether",
        "previously",
        "last year",
        "loom*",
        "fear*",
        "warn*",
        "threaten*",
        "anticipat*",
        "prepar*",
        "rehears*",
        "simulat*",
        "draft",
        "proposed",
        "propos*",
        "hope*",
        "pave the way",
        "seek*",
        "mull*",
        "hoping",
        "looking to",
        "want* to",
        "push* for",
    )
)


@dataclass(frozen=True, slots=True)
class Context:
    """What every dimension rule may look at besides its own word hits."""

    doc: Document  # lower-cased, exclusion phrases blanked: what the word lists scan
    original: Document  # as written: what country names are read from
    genres: frozenset[str]
    question_title: bool
    countries_by_sentence: Mapping[int, frozenset[str]]

    def hedged(self, sentence: int) -> bool:
        return HEDGES.search(self.doc.sentence(sentence)) is not None

    @staticmethod
    def in_lead(sentence: int) -> bool:
        return sentence < LEAD_SENTENCES


def near(a: Iterable[Hit], b: Iterable[Hit], *, window: int = 0) -> set[int]:
    """Sentences holding a hit of `a` with a hit of `b` at most `window` sentences away."""
    b_sentences = {hit.sentence for hit in b}
    return {
        hit.sentence
        for hit in a
        if any(hit.sentence + offset in b_sentences for offset in range(-window, window + 1))
    }


_BLANKS = re.compile(r"[\s\-‐‑–]+")


def evidence_of(hits: Iterable[Hit], sentences: set[int], limit: int = 4) -> tuple[str, ...]:
    """Distinct matched phrases in the given sentences, in text order."""
    seen: dict[str, None] = {}
    for hit in sorted(hits, key=lambda h: h.sentence):
        if hit.sentence in sentences:
            seen.setdefault(_BLANKS.sub(" ", hit.text.lower()), None)
    return tuple(seen)[:limit]


def reading(
    level: int, support: int, evidence: tuple[str, ...], kind: SignalKind | None
) -> DimensionReading:
    """A reading whose confidence grows with the number of supporting sentences."""
    if level == 0:
        return DimensionReading(level=0, confidence=0.9 if not evidence else 0.7, evidence=())
    confidence = min(0.95, 0.55 + 0.1 * min(support, 4))
    return DimensionReading(
        level=level, confidence=round(confidence, 2), evidence=evidence, kind=kind
    )


NOTHING = DimensionReading(level=0, confidence=0.9)
