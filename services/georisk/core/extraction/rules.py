"""Shared pieces of the dimension rules: context, hedges, sentence co-occurrence, readings."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from georisk.core.documents import DimensionReading
from georisk.core.extraction.document import Document, Hit
from georisk.core.extraction.lexicon import compile_words
from georisk.models import SignalKind

if TYPE_CHECKING:
    from georisk.core.extraction.countries import Mention

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
        # "a joint exercise to practise responding to a major attack".
        "practis*",
        "to practice",
        # Invented incidents: a contest's "fictional data breach", a "hypothetical attack".
        "fictional",
        "imaginary",
        "hypothetical*",
        "mock",
        "draft",
        "proposed",
        "propos*",
        "hope*",
        "pave the way",
        "seek*",
        "mull*",
        "hoping",
        "looking to",
        "want to",
        "wants to",
        "wanted to",
        # A measure still argued over: "senators debate a phased ban on ore exports".
        "debate",
        "debates",
        "debating",
        "push for",
        "pushes for",
        "pushed for",
        "pushing for",
    )
)


# Rehearsal words: a drill that rehearses a blockade is itself the act, so these hedge a
# blockade or an invasion but not the drill that stages it.
REHEARSALS = ("rehears", "simulat", "prepar", "practis", "to practice")

# NegEx-style pre-negation: a cue that governs the very phrase after it ("denied any
# cyberattack", "no evidence of a breach", "ruled out a hack"). A denial of responsibility
# ("China denied involvement in the attack") governs "involvement", not the attack, and so
# leaves the act standing. The cue must end at most a determiner before the phrase.
# "(that) this was", "that it had been": the clause between a denial and what it denies.
_COPULA = (
    r"(?:\s+that)?(?:\s+(?:this|it|there|they|he|she|the\s+\w+)"
    r"\s+(?:was|were|is|are|had|has|have)(?:\s+been)?)?"
)
_NEGATION = re.compile(
    r"(?:\b(?:den(?:y|ies|ied|ying)"
    + _COPULA
    + r"|no(?:\s+(?:sign|signs|evidence|indication|suggestion)[\"'”’]*\s+(?:of|that)"
    + _COPULA
    + r")?"
    r"|not(?:\s+(?:caused\s+by|the\s+result\s+of|due\s+to|linked\s+to|related\s+to|by|from))?"
    # "stopped short of blaming Beijing", "talks stop short of agreement".
    r"|(?:stop|stops|stopped|stopping|fall|falls|fell|falling)\s+short\s+of"
    # "did not reach agreement", "failed to sign a deal".
    r"|(?:(?:did|do|does)\s+not|didn't|failed\s+to)\s+(?:reach|sign|conclude|agree\s+on)"
    r"|never|without|rul(?:e|es|ed|ing)\s+out|rather\s+than|instead\s+of|unrelated\s+to"
    r"|false\s+(?:claims?|reports?|rumou?rs?)\s+(?:of|that)"
    r"|(?:was|were|had|has|have)\s+not(?:\s+been)?|wasn't|weren't|hasn't\s+been"
    r"|hadn't\s+been)[\"'”’]*(?:\s+(?:any|a|an|such))?\s+)$",
    re.IGNORECASE,
)
_NEGATION_REACH = 60  # characters before a hit: a cue further away governs something else


# Words a cue can end on, with at most a determiner after them: most hits have none of these
# among their last few words, and a set lookup spares them the regex.
_CUE_ENDS = frozenset(
    [
        "deny",
        "denies",
        "denied",
        "denying",
        "that",
        "was",
        "were",
        "is",
        "are",
        "from",
        "had",
        "has",
        "have",
        "been",
        "no",
        "sign",
        "signs",
        "evidence",
        "indication",
        "suggestion",
        "of",
        "not",
        "by",
        "result",
        "to",
        "linked",
        "related",
        "never",
        "without",
        "reach",
        "conclude",
        "on",
        "out",
        "than",
        "instead",
        "unrelated",
        "claims",
        "claim",
        "reports",
        "report",
        "rumours",
        "rumors",
        "wasn't",
        "weren't",
        "any",
        "a",
        "an",
        "such",
    ]
)


def negated(text: str, start: int) -> bool:
    """Whether a negation cue directly governs the phrase starting at `start`."""
    window = max(0, start - _NEGATION_REACH)
    before = text[window:start].rsplit(None, 1)  # the last word is all that is read
    if not before or before[-1].lstrip("(\"'“‘") not in _CUE_ENDS:
        return False
    return _NEGATION.search(text, window, start) is not None


# What partners undertake to do together: an act named after these in its sentence ("agreed
# to coordinate on export controls", "will share early warning of supply disruptions", "will
# coordinate public attributions of malicious cyber activity") is a field of the cooperation,
# not a control imposed, a disruption suffered or an attack made.
# Base forms and nouns only: "a coordinated operation" and "was coordinating a response" are
# accounts of what happened.
JOINT_WORK = compile_words(
    (
        "cooperate",
        "collaborate",
        "coordinate",
        "cooperation on",
        "coordination on",
        # "a dialogue on coordinating export controls": a topic of talks, not a control.
        "dialogue on",
        "on coordinating",
        "work together",
        "joint work",
        "early warning",
        "exchange information",
        "exchange threat information",
        "share information",
        "sharing information",
    )
)


class JointWork:
    """Where words of joint work open each sentence of a document, searched only in the
    sentences asked about (most hold no act at all)."""

    def __init__(self, doc: Document) -> None:
        self._doc = doc
        self._first: dict[int, int] = {}  # sentence -> first cue offset, or -1 for none

    def _cue(self, sentence: int) -> int:
        if sentence not in self._first:
            doc = self._doc
            cue = JOINT_WORK.search(doc.text, doc.starts[sentence], doc.end(sentence))
            self._first[sentence] = cue.start() if cue else -1
        return self._first[sentence]

    def outside(self, hits: list[Hit]) -> list[Hit]:
        """The hits not preceded, in their sentence, by words of joint work."""
        return [h for h in hits if not 0 <= self._cue(h.sentence) < h.start]


def affirmed(doc: Document, hits: Iterable[Hit]) -> list[Hit]:
    """The hits that no negation cue governs."""
    return [hit for hit in hits if not negated(doc.text, hit.start)]


_HEDGE_AFTER = 25  # characters after a decisive phrase that a hedge still qualifies
_CAUSE = re.compile(r"\b(?:after|following|because of)\s")
# A perfect tense right before the phrase asserts it, unless a modal governs it ("may have").
ASSERTED = re.compile(
    r"(?<!may )(?<!might )(?<!could )(?<!would )\b(?:has|have|had)\s+(?:been\s+)?$"
)


# After the phrase, a modal perfect hedges what it led to, not the phrase: "a ransomware
# attack may have exposed customers' data" states the attack.
_CONSEQUENCE = re.compile(r"(?:may|might|could)\s+have\b")


@dataclass(frozen=True, slots=True)
class Context:
    """What every dimension rule may look at besides its own word hits."""

    doc: Document  # lower-cased, exclusion phrases blanked: what the word lists scan
    original: Document  # as written: what country names are read from
    genres: frozenset[str]
    analysis_title: bool  # a question, opinion, analysis or explainer headline
    countries_by_sentence: Mapping[int, frozenset[str]]
    mentions: tuple[Mention, ...] = ()  # every country mention, in text order

    def hedged(self, sentence: int, *, rehearsal: bool = True, at: int | None = None) -> bool:
        """Whether a hedge word qualifies the sentence; `rehearsal=False` ignores the
        rehearsal words, for acts (drills) that a rehearsal does not make hypothetical.

        With `at` (the offset of the decisive phrase), only a hedge before it or right
        after it counts: "hackers breached the network and may have stolen data" states
        the breach; "hackers may have breached" and "an attack that could follow" do not.
        """
        text, start, end = self.doc.text, self.doc.starts[sentence], self.doc.end(sentence)
        if at is not None:
            if ASSERTED.search(text, max(start, at - 20), at):
                return False  # "warned that hackers have compromised": the act is stated
            end = min(end, at + _HEDGE_AFTER)
            # "warned of empty shelves after a ransomware attack crippled...": what follows
            # "after" happened; a hedge before it qualifies the consequence.
            for cause in _CAUSE.finditer(text, start, at):
                start = cause.end()
        return any(
            (rehearsal or not m.group().startswith(REHEARSALS))
            and not (at is not None and m.start() > at and _CONSEQUENCE.match(text, m.start()))
            for m in HEDGES.finditer(text, start, end)
            if m.start() != at  # a hedge word that opens the phrase is part of it: "warning shots"
        )

    @staticmethod
    def in_lead(sentence: int) -> bool:
        return sentence < LEAD_SENTENCES


def preceded(text: str, start: int, pattern: re.Pattern[str], reach: int) -> bool:
    """Whether `pattern` (anchored at its end with `$`) matches in the `reach` characters right
    before offset `start`: the cue just ahead of a phrase ("lifted its ban", "supplies to")."""
    return pattern.search(text, max(0, start - reach), start) is not None


def in_sentence(doc: Document, sentence: int, pattern: re.Pattern[str]) -> bool:
    """Whether `pattern` matches anywhere in sentence `sentence` of `doc`."""
    return pattern.search(doc.text, doc.starts[sentence], doc.end(sentence)) is not None


def near(a: Iterable[Hit], b: Iterable[Hit], *, window: int = 0) -> set[int]:
    """Sentences holding a hit of `a` with a hit of `b` at most `window` sentences away."""
    if not a or not b:
        return set()  # an empty list: most calls, as most texts hold few of the word lists
    b_sentences = {hit.sentence for hit in b}
    if not window:
        return {hit.sentence for hit in a if hit.sentence in b_sentences}
    reach = {s + offset for s in b_sentences for offset in range(-window, window + 1)}
    return {hit.sentence for hit in a if hit.sentence in reach}


def lead_end(doc: Document) -> int:
    """Where the lead (the title and the opening sentences) ends in `doc.text`."""
    return doc.end(LEAD_SENTENCES - 1)


def first_offsets(hits: Iterable[Hit]) -> dict[int, int]:
    """The offset of the first hit in each sentence."""
    first: dict[int, int] = {}
    for hit in hits:
        if hit.sentence not in first or hit.start < first[hit.sentence]:
            first[hit.sentence] = hit.start
    return first


_BLANKS = re.compile(r"\s+")
EVIDENCE_ITEMS = 3
EVIDENCE_WIDTH = 200


def _clip(text: str, start: int, end: int, focus: int, width: int) -> str:
    """The sentence text[start:end] on one line, cut to `width` characters around `focus`.

    A cut sentence keeps the decisive phrase with some context before it, is cut at word
    boundaries and marks each cut with an ellipsis.
    """
    if end - start <= width:
        return _BLANKS.sub(" ", text[start:end]).strip()
    budget = width - 2  # room for an ellipsis at each end
    left = max(start, min(focus - budget // 3, end - budget))
    if left > start:
        space = text.find(" ", left, focus)
        left = space + 1 if space != -1 else left
    right = min(end, left + budget)
    if right < end:
        space = text.rfind(" ", focus, right)
        right = space if space != -1 else right
    piece = _BLANKS.sub(" ", text[left:right]).strip()
    return ("…" if left > start else "") + piece + ("…" if right < end else "")


def evidence_of(
    original: Document,
    hits: Iterable[Hit],
    tiers: Iterable[Iterable[int]],
    limit: int = EVIDENCE_ITEMS,
    width: int = EVIDENCE_WIDTH,
) -> tuple[str, ...]:
    """The sentences that decided a reading, most decisive first, each cut to `width`.

    `tiers` lists sentence sets from the most decisive rule down (a severe act in the lead,
    then incidents, then friction...); within a tier sentences keep text order. A long
    sentence is cut around its first hit in `hits`, which come most decisive group first.
    """
    chosen: list[int] = []
    for tier in tiers:
        for sentence in sorted(tier):
            if sentence not in chosen:
                chosen.append(sentence)
        if len(chosen) >= limit:
            break
    chosen = chosen[:limit]
    focus: dict[int, int] = {}
    for hit in hits:
        if hit.sentence in chosen and hit.sentence not in focus:
            focus[hit.sentence] = hit.start
    text = original.text
    items = []
    for sentence in chosen:
        start, end = original.starts[sentence], original.end(sentence)
        if sentence == 0 and original.title_end:
            end = original.title_end
        items.append(_clip(text, start, end, focus.get(sentence, start), width))
    return tuple(item for item in items if item)


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
