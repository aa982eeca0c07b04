"""Article signal extraction: one article read on every dimension, plus its countries.

Dictionaries with sentence-proximity rules (the GPR method: topic words must meet threat or
act words), an exclusion layer for hard negatives and a rubric-shaped level per dimension.
Pure and offline: compiled regular expressions over the title and text, no I/O.
"""

from __future__ import annotations

import re
from collections import defaultdict

from georisk.core.documents import DimensionReading, Extraction
from georisk.core.extraction import china, countries, cyber, minerals, partnership
from georisk.core.extraction.china import read_china
from georisk.core.extraction.cyber import read_cyber
from georisk.core.extraction.document import Document
from georisk.core.extraction.lexicon import GroupedPattern, lower_ascii
from georisk.core.extraction.minerals import read_minerals
from georisk.core.extraction.negatives import REGISTER, read_register
from georisk.core.extraction.partnership import read_partnership
from georisk.core.extraction.rules import Context
from georisk.models import Article, Dimension
from georisk.scopes import ScopeConfig

EXTRACTOR_VERSION = "rules-21"

__all__ = ["EXTRACTOR_VERSION", "extract_article"]


# Headlines that label their own register: the rubric puts explainers and opinion at 1.
# The alternatives come in three groups, so that a title position costs the engine three
# tests, not one per alternative: those that open the headline, those after a word boundary
# and those after a colon.
_ANALYSIS_SOURCE = (
    r"^(?:"
    r"(?:opinion|analysis|comment|commentary|editorial|explainer|explained|long read|q&a"
    r"|perspective|view|survey|poll|policy note|policy brief|research note|think[\s-]tank"
    r"|column)\s*[:|]"
    # Market columns and briefs: "Cobalt market: rally fades", "Broker view:", "Brief:".
    r"|(?:[\w\-]+\s+){0,2}(?:market|view|note|brief|briefing|outlook|report|column|blog)\s*:"
    # "Why London and Tokyo keep getting closer": a headline that promises an explanation.
    r"|why\s"
    # Scenarios: "How a blockade of Taiwan might unfold".
    r"|(?:how|what)\b[^:?]*\b(?:might|would|could)\b"
    # Retrospectives: "Five years on, Indonesia's nickel gamble has remade the market",
    # "Eight months on, the Quad's minerals initiative is long on mapping".
    r"|(?:\w+|\d+)\s+(?:years?|months?)\s+(?:on|after|later)\b"
    # Features: "How Beijing's grey-zone pressure is reshaping life on the islands".
    r"|how\s+[^:?]*\b(?:is|are)\s+\w+ing\b"
    # Listicles: "Five geopolitical risks to watch", "10 things to know about..."
    r"|(?:\d+|three|four|five|six|seven|eight|nine|ten)\s+(?:\w+\s+){0,2}"
    r"(?:things|ways|reasons|lessons|questions|charts|takeaways|risks|trends|facts)\b"
    r")|\b(?:"
    r"explain(?:ed|er)\b"
    # "Battery metals weekly: lithium holds steady", "Cobalt market wrap:".
    r"|(?:weekly|wrap)\s*:"
    # Statistics and yearly reports: "networks faced 2.9 million intrusion attempts a day",
    # "3.1 million daily intrusion attempts", "threat report names China".
    r"|\d[\d.,]*\s*(?:m|bn|million|billion|thousand)?\s+(?:[\w-]+\s+){0,4}(?:a|per)\s+"
    r"(?:day|week|month|year)\b(?!\s+(?:after|before|later|earlier|ago))"
    r"|\d[\d.,]*\s*(?:m|bn|million|billion)\s+daily\b"
    r"|(?:threat|annual)\s+(?:report|review|assessment)\b"
    # Research speaking: "Think tank urges Japan and Nordic states to...", "..., report warns".
    r"|(?:think[\s-]tanks?|report|study|paper|researchers)\s+(?:urges?|warns?|says|finds|calls"
    r"|argues)\b"
    # A company's results: "raises profit forecast", "warns of thinner margins", "cites phishing
    # losses in results".
    r"|profit\s+(?:forecast|warning|guidance)s?\b|margins\b|earnings\b"
    r"|(?:in|quarterly|annual|half-year|full-year)\s+results\b"
    # Period reviews and trend pieces: "Ransomware in 2025: fewer payments", "H1 2025",
    # "initial access trends for Q3"; and the insurance market: "cyber rates soften" (not
    # "insurers lift war-risk rates as the PLA begins live-fire drills").
    r"|in\s+20\d\d\s*:|(?:H[12]|Q[1-4])\s+20\d\d\b|trends\b"
    r"|(?:re)?insur\w*\b[^:]*\b(?:rates?|premiums?|pricing)\s+(?:soften\w*|eas\w*|harden\w*"
    r"|firm\w*|fall\w*|drop\w*|steady|flat)\b"
    # Previews: "EU-Japan summit preview: security tops the agenda", "what to expect".
    r"|preview\b|what\s+to\s+(?:expect|watch)\b"
    # Prescriptions: "Britain and Japan should build a minerals partnership. Here's how".
    r"|should\b|here['’]?s\s+(?:how|why)\b"
    # Lawmakers debating: "MPs press ministers to...", "Senate committee hears mixed views",
    # "Norway committee recommends further delay", "industry tells MPs": policy debate.
    r"|(?:mps|senators|lawmakers|legislators|parliamentarians|peers|committee|panel|hearing"
    r"|inquiry|bill)\s+(?:[\w-]+\s+)?(?:press\w*|urg\w*|question\w*|says|said|debat\w*|clash\w*"
    r"|split\w*|spar\w*|weigh\w*|warn\w*|hears?|heard|told|recommend\w*|postpon\w*|voice\w*"
    r"|calls?|revive\w*|push\w*|seeks?)\b"
    r"|tells?\s+(?:mps|senators|lawmakers|committee|inquiry|parliament)\b"
    # "Fund managers weigh Taiwan risk".
    r"|(?:forums?|investors|fund\s+managers|analysts|economists|strategists)\s+weigh\w*\b"
    # "Kinmen and the grey zone: how Beijing tests Taipei": the explanation after a colon;
    # "Grey-zone pressure on Pratas: a slow squeeze rather than a siege": a feature.
    r")|:\s+(?:(?:how|what|why)\s|(?:a|an)\s+[^:]*\b(?:not|rather\s+than)\b)"
)
_ANALYSIS_TITLE = re.compile(_ANALYSIS_SOURCE, re.IGNORECASE)
# An ASCII headline, lowered, is read by the lowered pattern about twice as fast, with the
# same result (the source has no upper-case escape for `lower` to change).
_ANALYSIS_TITLE_LOWER = re.compile(_ANALYSIS_SOURCE.lower())


def analysis_title(title: str) -> bool:
    """A headline asked as a question, or labelled opinion, analysis or explainer."""
    # "Should New Zealand join AUKUS? The debate heats up": a question before a standfirst.
    if "?" in title:
        return True
    if title.isascii():
        return _ANALYSIS_TITLE_LOWER.search(title.lower()) is not None
    return _ANALYSIS_TITLE.search(title) is not None


# "..., the National Security Bureau said in its annual cyber threat report": a story
# sourced to a yearly report is its statistics and trends, background like the report itself.
_YEARLY_REPORT = re.compile(
    r"\b(?:in|from|according\s+to)\s+(?:its|an|the|a)\s+(?:new\s+)?"
    r"(?:annual|yearly|half-yearly|quarterly)\s+"
    r"(?:[\w-]+\s+){0,3}?(?:report|review|assessment|survey)\b",
    re.IGNORECASE,
)


_PERIODS = ("annual", "yearly", "quarterly")


def _yearly_report(doc: Document, lowered: str) -> bool:
    """Whether the opening sentence sources the story to a yearly or quarterly report
    (`lowered`: the text lower-cased, for a substring test that spares most sentences the
    pattern)."""
    opening = 1 if doc.title_end else 0  # sentence 0 is the title, when there is one
    if opening >= doc.n_sentences:
        return False
    start, end = doc.starts[opening], doc.end(opening)
    if not any(period in lowered[start:end] for period in _PERIODS):
        return False
    return _YEARLY_REPORT.search(doc.text, start, end) is not None


# A cyber incident named in the headline: "sanctions Russian over Medibank hack".
_INCIDENT_TITLE = re.compile(
    r"\b(?:hack\w*|breach\w*|cyber-?\s?attack\w*|ransomware|intrusions?|ddos|malware|outage\w*)\b",
    re.IGNORECASE,
)


# A headline whose subject is the threat actor: "China protests...", "Beijing bans...".
_THREAT_TITLE = re.compile(r"(?:china|beijing|chinese)\b", re.IGNORECASE)


def _background(reading: DimensionReading) -> DimensionReading:
    return DimensionReading(1, reading.confidence, reading.evidence, "background")


def _pact_fields(
    readings: dict[Dimension, DimensionReading], title: str
) -> dict[Dimension, DimensionReading]:
    """A pact's story (partnership 2 or 3) lists cyber among its fields ("share intelligence on
    ransomware groups", "work against hybrid threats, including cyber attacks"): background
    (1), unless its headline names a cyber incident."""
    pact, cyber = readings["partnership"], readings["cyber"]
    if pact.level < 2 or cyber.level < 2 or _INCIDENT_TITLE.search(title):
        return readings
    return {**readings, "cyber": _background(cyber)}


def _threat_story(
    readings: dict[Dimension, DimensionReading], title: str
) -> dict[Dimension, DimensionReading]:
    """A story of the threat actor's act ("China protests Taiwan leader's Paraguay visit")
    recounts the pacts it answers: partnership background (1) at most."""
    pact = readings["partnership"]
    if pact.level < 2 or not _THREAT_TITLE.match(title):
        return readings
    return {**readings, "partnership": _background(pact)}


def _analysis_cap(readings: dict[Dimension, DimensionReading]) -> dict[Dimension, DimensionReading]:
    """An analysis or opinion piece is background: level 1 at most."""
    return {dim: _background(r) if r.level > 1 else r for dim, r in readings.items()}


def _word_patterns(scope: ScopeConfig) -> tuple[GroupedPattern, ...]:
    """The four dimensions' word lists, as their readers scan them."""
    return (
        china.PATTERN,
        cyber.PATTERN,
        minerals.word_pattern(tuple(scope.materials)),
        partnership.word_pattern(scope),
    )


def _lowered(doc: Document) -> Document:
    return Document(text=lower_ascii(doc.text), starts=doc.starts, title_end=doc.title_end)


def extract_article(article: Article, scope: ScopeConfig) -> Extraction:
    """Levels 0–3 on the four dimensions and the principal countries of one article."""
    original = Document.of(article.title, article.text)
    words = _word_patterns(scope)
    lowered = _lowered(original)
    # One pass for the register and the four word lists; each reader's `scan` takes its share.
    lowered.scan_together((REGISTER, *words))
    register = read_register(lowered)
    doc = Document(text=register.cleaned, starts=original.starts, title_end=original.title_end)
    if register.excluded:  # the blanked phrases change what the word lists read
        doc.scan_together(words)
    else:
        doc.scanned = lowered.scanned
    title = (article.title or "").strip()
    found = countries.located(original)
    by_sentence: dict[int, set[str]] = defaultdict(set)
    for mention in found:
        by_sentence[original.sentence_of(mention.offset)].add(mention.code)
    context = Context(
        doc=doc,
        original=original,
        genres=register.genres,
        analysis_title=analysis_title(title) or _yearly_report(original, lowered.text),
        countries_by_sentence={s: frozenset(codes) for s, codes in by_sentence.items()},
        mentions=tuple(found),
    )
    principal = countries.principal(original, found, article.url)
    allies = frozenset(mention.code for mention in found) & scope.interested
    readings: dict[Dimension, DimensionReading] = {
        "china_tension": read_china(doc, context),
        "cyber": read_cyber(doc, context),
        "minerals": read_minerals(doc, context, tuple(scope.materials)),
        "partnership": read_partnership(doc, context, allies, scope),
    }
    if context.analysis_title:
        readings = _analysis_cap(readings)
    readings = _threat_story(_pact_fields(readings, title), title)
    return Extraction(readings=readings, countries=principal, notes=register.excluded)
