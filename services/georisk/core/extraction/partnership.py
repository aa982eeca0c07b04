"""`partnership`: cooperation between allied governments that offsets risk.

Allied actors (the scope's members and partners, plus groupings such as the G7, AUKUS, the
Quad or NATO) must be at least two, or one ally with a counterpart outside the scope named
in the title or opening sentence ("US and Ukraine sign minerals deal"), which counts only for
a formal instrument (levels 2 and 3), never for talk of cooperation. A formal instrument
(treaty, accord, agreement, pact, joint declaration, accession) signed or launched in the
lead is 3 when heads of government or a treaty are involved, 2 at ministerial level;
dialogues, joint statements and talks of a pact are 2 in the lead; cooperation in analysis
or passing is 1. Scope indicator phrases (CPTPP, Hiroshima Accord...) join the vocabulary:
at level ≥ 2 as instruments, at 1 as topic.
"""

from __future__ import annotations

import itertools
import re
from functools import cache

from georisk.core.documents import DimensionReading
from georisk.core.extraction import countries
from georisk.core.extraction.document import Document, Hit
from georisk.core.extraction.lexicon import GroupedPattern, compile_groups
from georisk.core.extraction.rules import (
    LEAD_SENTENCES,
    Context,
    affirmed,
    evidence_of,
    first_offsets,
    in_sentence,
    lead_end,
    near,
    preceded,
    reading,
)
from georisk.scopes import ScopeConfig

GROUPINGS: tuple[str, ...] = (
    "G7",
    "G-7",
    "Group of Seven",
    "AUKUS",
    "Quad",
    "NATO",
    "Five Eyes",
    # The EU's police and judicial cooperation agencies: a takedown they coordinate is allied
    # law-enforcement cooperation.
    "Europol",
    "Eurojust",
    "Indo-Pacific partners",
    "like-minded",
    "allies",
    "allied",
    "both countries",
    "the two countries",
    "three countries",
    "both sides",
    "the two leaders",
    "partners",
)

# Groupings that only point back at the two or three parties the text has named.
PAIR_WORDS = frozenset(
    {"both countries", "the two countries", "three countries", "both sides", "the two leaders"}
)

VOCABULARY: dict[str, tuple[str, ...]] = {
    # Talks about joining are negotiation (cooperation), not the accession itself; listed
    # before the treaty words so the trie reads "accession talks" whole.
    "negotiation": (
        "accession talks",
        "accession negotiations",
        "accession process",
        "accession working group",
    ),
    # A trade agreement is a treaty, whoever signs it (the labels score a ministers' signing 3).
    "treaty": (
        "treaty",
        "treaties",
        "accession",
        "Reciprocal Access Agreement",
        "trade agreement*",
        "free trade agreement*",
        "trade deal*",
        "free trade deal*",
        "economic partnership agreement*",
    ),
    "instrument": (
        "agreement*",
        "pact",
        # A journalist's synonym for an agreement, not a treaty ("the accord was signed by the
        # foreign minister").
        "accord",
        "pacts",
        "joint declaration",
        "declaration",
        "action plan",
        "memorandum*",
        "MoU",
        "MoC",
        "framework",
        "charter",
        "compact",
        "initiative",
        "roadmap",
        "road map",
        "communiqué",
        "communique",
        "vision statement",
        "pathway",
        "deal",
        "security partnership",
        "defence partnership",
        "defense partnership",
        "strategic partnership",
        "trilateral partnership",
    ),
    "sign": (
        # Spelled out: a stem would take "significant" and "signal".
        "sign",
        "signs",
        "signed",
        "signing",
        "signature*",
        "signator*",
        "clinch*",
        "launch*",
        "conclud*",
        "seal*",
        "ink*",
        "agreed",
        "agree",
        "agrees",
        "agreeing",
        "reach agreement",
        "reached agreement",
        "reaches agreement",
        "reaching agreement",
        "reached",
        # The verb only: "joint research" and "joint statement" are not a signing.
        "join",
        "joins",
        "joined",
        "joining",
        "unveil*",
        "adopt*",
        "announc*",
        "establish*",
        "issued",
        "issuing",
        "upgrade*",
        "enter into force",
        "enters into force",
        "entered into force",
        "entering into force",
    ),
    "leader": (
        "prime minister*",
        "PM",
        "president",
        "leaders",
        "leader",
        "heads of government",
        "summit",
        "chancellor",
        "premier",
        "Kishida",
        "Sunak",
        "Starmer",
        "Albanese",
        "Ishiba",
        "Takaichi",
        "Meloni",
        "Biden",
        "Trump",
        "Macron",
        "Marcos",
        "Carney",
        "Trudeau",
        "von der Leyen",
        "António Costa",
        "Antonio Costa",
        "Modi",
        "Luxon",
    ),
    "minister": (
        "minister*",
        "ministerial",
        "2+2",
        "two-plus-two",
        "secretary",
        "foreign policy chief",
        "high representative",
        "ministry",
        "department",
        "officials",
    ),
    # Governments acting: an agreement between two botanic gardens or universities is no
    # partnership of states, however formally it is signed.
    "state": (
        "government",
        "governments",
        "government's",
        "the two nations",
        "both nations",
        "state visit",
        "cabinet",
        "administration",
        "parliament",
    ),
    # Parties that are not states: a signing between them is no partnership of governments.
    "institution": (
        "university",
        "universities",
        "college*",
        "school*",
        "zoo",
        "zoos",
        "museum*",
        "gallery",
        "club",
        "clubs",
        "hospital*",
        "retailer*",
        "store",
        "stores",
        "department store*",
        "shop",
        "shops",
        "supermarket*",
        "distiller*",
        "brewer*",
        "brewing",
        "winery",
        "chain",
        "brand*",
        "label",
        "maker",
        "makers",
        "manufacturer*",
        "company",
        "companies",
        "firm",
        "firms",
        "council",
        "orchestra*",
        "foundation",
        # Companies, state-owned ones too: an enterprise signing is business, not a government.
        "ltd",
        "plc",
        "inc",
        "corp",
        "corporation",
        "state-owned",
        # University and company officers whose titles end in a leader's word.
        "vice-chancellor*",
        "executive vice-president*",
    ),
    # Local government: towns twinned by their mayors are no partnership of states.
    "local": (
        "mayor",
        "mayors",
        "twin town*",
        "twin cit*",
        "sister cit*",
        "twinning",
        # Town halls' leaders, not heads of government: "civic leaders signed".
        "civic leader*",
        "council leader*",
    ),
    # Allied agencies warning together: "a joint advisory co-sealed by the Five Eyes". Agency
    # cooperation is low-level (1): issuing an advisory is no agreement between governments.
    "agencies": (
        "joint advisory",
        "joint advisories",
        "joint cybersecurity advisory",
        "co-sealed",
        "co-signed",
        "partner agencies",
        "counterparts",
    ),
    "cooperation": (
        "cooperat*",
        "co-operat*",
        "collaborat*",
        "partnership*",
        "joint statement",
        "dialogue",
        "talks",
        # The verb and the act, not the office: "the national electricity coordinator".
        "coordinate",
        "coordinates",
        "coordinated",
        "coordinating",
        "coordination",
        "work together",
        "working together",
        "closest",
        "alliance",
        "joint exercise*",
        "joint military exercise*",
        "joint drill*",
        "bilateral drill*",
        "bilateral exercise*",
        "trilateral exercise*",
        "trilateral drill*",
        "operate together",
        "train together",
        "trained together",
        "training together",
        "joint development",
        "joint operation",
        "joint international operation",
        "co-authored",
        "multinational operation",
        "multinational investigation",
        "international operation",
        "with support from",
        # Law enforcement of several states acting as one: "police from Germany, France and
        # the UK took down", "police in Sweden and Finland dismantled" (with two allies named).
        "agencies from",
        "police from",
        "authorities from",
        "prosecutors from",
        "police in",
        "jointly",
        "interoperab*",
        # Leaders' commitments: "pledged to deepen", "agreed to hold annual summits".
        "pledg*",
        "commitment*",
        "committed to",
        "commit to",
        "annual summit*",
        "trilateral summit*",
        "hotline",
    ),
}


@cache
def _pattern(indicators: tuple[tuple[str, int], ...]) -> GroupedPattern:
    groups = {name: list(words) for name, words in VOCABULARY.items()}
    groups["grouping"] = list(GROUPINGS)
    for phrase, level in indicators:
        groups["treaty" if level >= 3 else "instrument" if level == 2 else "cooperation"].append(
            phrase
        )
    return compile_groups(groups)


def word_pattern(scope: ScopeConfig) -> GroupedPattern:
    """The word lists, with the scope's partnership indicators as treaties, instruments or
    cooperation by their level."""
    return _pattern(scope.indicator_levels)


def _allied_sentences(context: Context, groupings: list[Hit], allied: frozenset[str]) -> set[int]:
    """Sentences naming two allied states or an allied grouping."""
    grouped = {hit.sentence for hit in groupings}
    pairs = {s for s, codes in context.countries_by_sentence.items() if len(codes & allied) >= 2}
    return grouped | pairs


def _statal(
    context: Context, hits: dict[str, list[Hit]], groupings: list[Hit], allied: frozenset[str]
) -> bool:
    """Whether governments act in the text: leaders, ministers, an allied bloc ("partners"
    alone is business talk too), a government word, or, read last since it is needed least,
    an allied state named in the lead as an actor. Not when institutions are the parties."""
    if _institutions_sign(hits):
        # Institutions sign; governments act only if their leaders or ministers open the story.
        return any(
            h.sentence <= 1 and h.text not in _OFFICES
            for g in ("leader", "minister")
            for h in hits.get(g, [])
        )
    return bool(
        hits.get("leader")
        or hits.get("minister")
        or any(h.text != "partners" and h.text not in PAIR_WORDS for h in groupings)
        or hits.get("state")
        or countries.named_states(context.original, context.mentions, lead_end(context.original))
        & allied
    )


# Offices that report a signing ("the Ministry of Mines said"): no minister signs there.
_OFFICES = frozenset({"ministry", "department", "officials"})


# "the Gulf Cooperation Council", "the European Council": a council of states, named; a
# town's "City Council" or "the council" is a local body.
_LOCAL_COUNCIL = re.compile(r"(?:City|County|Borough|District|Town|Parish|Metropolitan)\s+$")


def _non_state(context: Context, institutions: list[Hit]) -> list[Hit]:
    """The institutions other than named councils of states."""
    text = context.original.text
    return [
        h
        for h in institutions
        if h.text != "council"
        or not text.startswith("Council", h.start)
        or preceded(text, h.start, _LOCAL_COUNCIL, 14)
    ]


def _institutions_sign(hits: dict[str, list[Hit]]) -> bool:
    """ "Cardiff and Osaka universities sign", "a stationery chain has signed": an institution
    before the first signing verb of the title or the opening sentence is the party. A twinned
    town or a mayor anywhere in the lead makes the parties local bodies, whatever they sign or
    discuss."""
    if any(h.sentence < LEAD_SENTENCES for h in hits.get("local", [])):
        return True
    for sentence in (0, 1):
        signs = [h.start for h in hits.get("sign", []) if h.sentence == sentence]
        if signs and any(
            h.sentence == sentence and h.start < min(signs) for h in hits.get("institution", [])
        ):
            return True
    return False


def _threat_parties(context: Context, signs: list[Hit], threats: frozenset[str]) -> set[int]:
    """Sentences where a threat actor is named before the signing verb, as a party."""
    first_sign = first_offsets(signs)
    parties = set()
    for mention in context.mentions:
        sentence = context.original.sentence_of(mention.offset)
        if mention.code in threats and mention.offset < first_sign.get(sentence, -1):
            parties.add(sentence)
    return parties


_DRILLS = ("joint drill", "joint exercise", "joint military")
# "sought limits on joint military exercises": the drills are what the threat actor opposes.
_OBJECT = re.compile(r"\b(?:on|against|over|to|with)\s+$")


def _threats_own(context: Context, hit: Hit, threats: frozenset[str]) -> bool:
    """ "China's People's Liberation Army launched joint drills around Taiwan": when only
    threat actors are named before joint drills in their sentence, the drills are theirs, no
    allied cooperation."""
    if not hit.text.startswith(_DRILLS) or preceded(context.doc.text, hit.start, _OBJECT, 12):
        return False
    start = context.original.starts[hit.sentence]
    before = {m.code for m in context.mentions if start <= m.offset < hit.start}
    return bool(before) and before <= threats


def _anchored(context: Context, sentences: set[int], allied: frozenset[str]) -> set[int]:
    """Sentences naming an allied state, opening the body under a title that names one, or a
    title over an opening sentence that names one."""
    named = {s for s, codes in context.countries_by_sentence.items() if codes & allied}
    # A headline names its parties by their leaders ("Albanese and Marape sign"), the opening
    # sentence by their states.
    return {
        s
        for s in sentences
        if s in named or (s in (1, 2) and 0 in named) or (s == 0 and 1 in named)
    }


def _counterparts(
    context: Context, allies: frozenset[str], scope: ScopeConfig, threats: frozenset[str]
) -> frozenset[str]:
    """States outside the scope named (or qualifying a leader: "Indonesian President", or as
    members of a grouping: "the Gulf Cooperation Council") in the title or the opening sentence
    of an ally's story, other than the threat actors: the ally's counterpart ("US and Ukraine
    sign")."""
    if not allies:
        return frozenset()
    end = context.original.end(1)  # the title and the opening sentence
    mentioned = frozenset(m.code for m in context.mentions if m.offset < end)
    mentioned |= countries.members_named(context.original.text, end)
    return mentioned - scope.interested - threats


_FOUNDING = ("launch", "establish", "inaugurat")
# "agreed to hold annual summits, in what the leaders called a new chapter", "held their
# first trilateral summit, announcing joint patrols": a founding too.
_NEW_ERA = re.compile(r"\bnew (?:era|chapter|phase)\b|\bfirst(?:[\s-]ever)? (?:\w+ )?summit\b")
# An instrument named as the frame of what is done now, as what is built on, or by its age:
# "held under the framework of the Hiroshima Accord", "a 15-year-old partnership agreement";
# or as the rules in place: "the current framework, inherited from EU law", "a legal framework".
_FRAME = re.compile(
    r"(?:\b(?:under|since|builds? on|building on|within)\s+(?:the|its|their)\s+"
    r"(?:framework\s+of\s+the\s+)?|\b(?:\d+|[a-z]+)-year-old\s+(?:[\w-]+\s+){0,2}"
    r"|\b(?:current|existing|present|regulatory|legal|legislative|statutory)\s+)$"
)
# "When Britain and Japan signed the Hiroshima Accord in 2023": a signing of a past year.
_PAST_YEAR = re.compile(r"[^.;]{0,40}?\b(?:in|since)\s+(?:19|20)\d\d\b")


# "cancels lithium deal with Chinese consortium", "pulled out of the pact": an instrument
# undone is none concluded.
_UNDONE = re.compile(
    r"\b(?:cancel\w*|annul\w*|scrap\w*|terminat\w*|revok\w*|tore\s+up|tear\w*\s+up"
    r"|pull\w*\s+out\s+of|withdr\w*\s+from|quit\w*)\s+(?:[\w'’$-]+\s+){0,3}$"
)


# "reaffirmed that the Mutual Defense Treaty covers attacks on its coast guard": an ally's
# standing commitment recalled after an incident, no cooperation made now.
_REAFFIRMING = re.compile(
    r"\b(?:reaffirm\w*|reiterat\w*|commitments?\s+under|covered\s+by|invok\w*)\b[^.;]{0,60}$"
)
_COVERS = re.compile(r"(?:\s+[\w-]+){0,2}?\s+(?:covers|extends?\s+to|applies\s+to)\b")


def _reaffirmed(doc: Document, named: list[Hit], signs: list[Hit]) -> set[int]:
    """Sentences that recall a standing instrument, and sign nothing."""
    signing = {h.sentence for h in signs}
    return {
        h.sentence
        for h in named
        if h.sentence not in signing
        and (
            preceded(doc.text, h.start, _REAFFIRMING, 80)
            or _COVERS.match(doc.text, h.start + len(h.text))
        )
    }


# "concluded a fifth round of talks on a free trade agreement", "held negotiations this week
# on a Status of Visiting Forces Agreement": the instrument still under negotiation, which no
# verb of the sentence signs.
_UNDER_TALKS = re.compile(
    r"\b(?:talks|negotiations?|negotiating)(?:\s+(?:this|last|next)\s+(?:week|month))?"
    r"\s+(?:on|for|over|towards?)\s+(?:a|an|the)?\s*(?:[\w-]+\s+){0,4}$"
)


def _in_force(text: str, start: int) -> bool:
    return preceded(text, start, _FRAME, 40)


def _unconcluded(text: str, start: int) -> bool:
    """Whether the instrument at `start` is undone or still under talks."""
    return preceded(text, start, _UNDONE, 40) or preceded(text, start, _UNDER_TALKS, 70)


# "signed memorandums on drone manufacturing with Taiwanese companies", "signed offtake
# agreements ... to buy oxides from two domestic producers": the counterpart is firms.
_WITH_FIRMS = re.compile(
    r"[^.;]{0,160}?\b(?:with|from)\s+(?:[\w-]+\s+){0,3}?(?:companies|firms|producers"
    r"|businesses|manufacturers|makers|miners|suppliers|universities|plants|refiners|smelters"
    r"|buyers|customers|investors|lenders|banks)\b"
)


def _with_firms(doc: Document, signs: list[Hit]) -> set[int]:
    """Sentences where what is signed is signed with firms, not with a state."""
    return {h.sentence for h in signs if _WITH_FIRMS.match(doc.text, h.start + len(h.text))}


# "agreed in a telephone call to deepen cooperation": what leaders say on the phone is talk.
_PHONE = re.compile(
    r"\b(?:tele)?phone\s+(?:call|talks?|conversation)s?\b|\bby\s+phone\b"
    r"|\bvideo\s+(?:call|link|conference)\b"
)


def _phoned(doc: Document) -> set[int]:
    """The sentences that report a call."""
    if "phone" not in doc.text and "video" not in doc.text:
        return set()
    return {doc.sentence_of(m.start()) for m in _PHONE.finditer(doc.text)}


def _dated(doc: Document, signs: list[Hit]) -> set[int]:
    """Sentences where a year follows a signing verb ("signed the accord in 2023")."""
    return {h.sentence for h in signs if _PAST_YEAR.match(doc.text, h.start + len(h.text))}


_THAT = re.compile(r"\s+that\b")


# "Tokyo should coordinate more closely with Washington", "whether cooperation with allies
# deepens", "the report urged closer cooperation": advice or conjecture, not talks held.
_PRESCRIPTIVE = re.compile(
    r"\b(?:should|ought\s+to|must|needs?\s+to|whether|urg(?:ed|es|ing)|recommend\w*|calls?\s+for"
    r"|called\s+for)\b"
)


# "said Washington would coordinate with allies on a response", "would ask the G7 to
# coordinate a response": cooperation promised in answer to an act, not held.
_PROMISED = re.compile(r"\bwould\s+(?:[\w-]+\s+){0,4}$")


def _unprescribed(doc: Document, hits: list[Hit]) -> list[Hit]:
    """The cooperation hits no prescriptive modal or "whether" governs earlier in their
    sentence, and no coordination a "would" promises right before it."""
    return [
        h
        for h in hits
        if _PRESCRIPTIVE.search(doc.text, doc.starts[h.sentence], h.start) is None
        and not (h.text.startswith("coordinat") and preceded(doc.text, h.start, _PROMISED, 40))
    ]


def _hedged(context: Context, sentence: int, signs: list[Hit], named: list[Hit]) -> bool:
    """A hedge in the sentence, except in what was agreed: "the leaders announced that their
    coast guards would patrol jointly" states the announcement. A sentence naming the
    instrument but not the signing ("In a joint vision statement, the leaders said they would
    hold patrols") is hedged only around the instrument's name."""
    text = context.doc.text
    for sign in signs:
        if sign.sentence == sentence and _THAT.match(text, sign.start + len(sign.text)):
            return context.hedged(sentence, at=sign.start)
    if not any(sign.sentence == sentence for sign in signs):
        first = first_offsets(h for h in named if h.sentence == sentence)
        if sentence in first:
            return context.hedged(sentence, at=first[sentence])
    return context.hedged(sentence)


# "Opinion: Britain and Japan should build a critical minerals club of two", "Analysis: Can
# the Japan–South Korea thaw survive...": an opinion, analysis or explainer headlined on a pair
# of the scope's states that speaks of their ties is the rubric's background (1).
_TIES = ("cooperation", "treaty", "instrument", "grouping")
_PAIRED = re.compile(r"(?:['’]s)?\s*(?:and|&|[-–—/])\s*")


def _allies_analysed(context: Context, hits: dict[str, list[Hit]], scope: ScopeConfig) -> bool:
    """Whether an analysis headline pairs two of the scope's states ("Britain and Japan") and
    the text names their ties anywhere."""
    if not context.analysis_title or not any(hits.get(group) for group in _TIES):
        return False
    text, end = context.original.text, context.original.title_end
    titled = [m for m in context.mentions if m.offset < end and m.code in scope.interested]
    return any(
        a.code != b.code and _PAIRED.fullmatch(text, a.end, b.offset)
        for a, b in itertools.pairwise(titled)
    )


def read_partnership(
    doc: Document, context: Context, allies: frozenset[str], scope: ScopeConfig
) -> DimensionReading:
    hits = doc.scan(word_pattern(scope))
    hits["institution"] = _non_state(context, hits.get("institution", []))
    groupings = hits.get("grouping", [])
    threats = frozenset(scope.threat_actors)
    outside = _counterparts(context, allies, scope, threats)
    if len(allies) < 2 and not outside:
        # "Both sides held talks" with fewer than two parties we count: a side is the threat.
        groupings = [h for h in groupings if h.text not in PAIR_WORDS]
    # An ally's pact with a state outside the scope (the US and Ukraine) is cooperation too,
    # but only a formal one (level 2 or 3): talk of cooperation with outsiders offsets nothing.
    formal_only = len(allies) < 2 and not groupings
    if (formal_only and not outside) or context.genres:
        return reading(0, 0, (), None)
    allied = scope.interested | outside
    if not _statal(context, hits, groupings, scope.interested):
        return reading(0, 0, ("partnership",), None)  # institutions, not states
    # "No agreement was signed", "did not sign the pact": nothing was concluded; "exercises
    # under the Reciprocal Access Agreement": an instrument in force, not one concluded now.
    named = hits.get("treaty", []) + hits.get("instrument", [])
    stated = [h for h in affirmed(doc, named) if not _unconcluded(doc.text, h.start)]
    treaty, instrument = (
        [h for h in stated if h.group == group and not _in_force(doc.text, h.start)]
        for group in ("treaty", "instrument")
    )
    # "No agreement has been reached": the verb after a negated instrument reports nothing,
    # and "did not reach agreement on a joint framework" signs no framework.
    signs = hits.get("sign", [])
    signing = affirmed(doc, signs)
    reaffirmed = _reaffirmed(doc, named, signs)
    unsigned = (
        {h.sentence for h in named if h not in stated}
        | {h.sentence for h in signs if h not in signing}
        | reaffirmed
        | _with_firms(doc, signing)
    )
    hits["sign"] = [h for h in signing if h.sentence not in unsigned]
    signed = (
        _anchored(context, near(treaty + instrument, hits.get("sign", []), window=1), allied)
        # "GCAP partners begin assembly": "partners" alone may be firms, not governments.
        | near(treaty + instrument, [h for h in groupings if h.text != "partners"], window=1)
    ) - unsigned
    leaders = {h.sentence for h in hits.get("leader", [])}
    ministers = {h.sentence for h in hits.get("minister", [])}
    # "Biden and Xi agreed...": the threat actor as a party offsets no risk from it, whereas
    # "the UK and Japan signed a pact to counter China" names it after the verb.
    with_threat = _threat_parties(context, hits.get("sign", []), threats)
    dated = _dated(doc, hits["sign"])
    firm = (
        {
            s
            for s in signed
            if context.in_lead(s) and not _hedged(context, s, hits["sign"], treaty + instrument)
        }
        - with_threat
        - dated
    )
    # A treaty is signed in its own sentence: the next one may only recall an older treaty.
    treaty_signed = firm & near(treaty, hits.get("sign", []))
    led = {s for s in firm if any(abs(s - t) <= 1 for t in leaders)}
    hits["cooperation"] = [
        h
        for h in _unprescribed(doc, hits.get("cooperation", []) + hits.get("negotiation", []))
        if h.sentence not in reaffirmed and not _threats_own(context, h, threats)
    ]
    cooperation = {h.sentence for h in hits["cooperation"] + hits.get("agencies", [])}
    # "the Hiroshima Accord agreed by the two countries' leaders in 2023": recalled, not new.
    formal = (
        _anchored(context, {h.sentence for h in treaty + instrument}, allied) - dated - unsigned
    )
    # "Senior officials met... and agreed to explore, the foreign ministry said": officials
    # hold talks and offices report them; what they agree is no ministers' agreement.
    ranked = leaders | {h.sentence for h in hits.get("minister", []) if h.text not in _OFFICES}
    officials = {s for s in ranked for s in (s - 1, s, s + 1)}
    agreed = (
        {
            s
            for s in near(hits.get("cooperation", []), hits.get("sign", []))
            if context.in_lead(s) and not context.hedged(s) and s in officials
        }
        - with_threat
        - dated
        - _phoned(doc)
    )
    allied_sentences = _allied_sentences(context, groupings, scope.interested)
    # "Agencies from the US, the UK, Canada... attributed a botnet to China's Ministry of State
    # Security. In a joint advisory, the agencies said": an advisory right after the sentence
    # naming its authors and the threat actor is theirs.
    advisories = {h.sentence for h in hits.get("agencies", [])}
    by_sentence = context.countries_by_sentence
    allied_cooperation = (cooperation & allied_sentences) | {
        s
        for s in advisories
        if s - 1 in allied_sentences and by_sentence.get(s - 1, frozenset()) & threats
    }
    # Cooperation the threat actor halts or offers to one state ("Beijing will halt cooperation
    # with Lithuania") is no allied cooperation; allies acting against it together are.
    # A joint advisory naming the threat actor ("attributes the activity to China's Ministry of
    # State Security") is allies acting against it.
    talk = {
        s
        for s in cooperation
        if s in allied_sentences | advisories or not by_sentence.get(s, frozenset()) & threats
    }
    # Leaders founding a cooperation ("launch a new era of trilateral cooperation") found it
    # as a formal one would be signed.
    # "Britain and Japan launched a partnership... It was announced by the two prime
    # ministers": the leaders may be named in the sentence after the founding.
    founding = {h.sentence for h in hits["sign"] if h.text.startswith(_FOUNDING)}
    beside = {n for t in leaders - ministers for n in (t - 1, t + 1)}
    founded = {
        s
        for s in agreed - ministers
        if (s in leaders and (s in founding or in_sentence(doc, s, _NEW_ERA)))
        or (s in founding and s in beside)
    }
    if treaty_signed or led or founded:
        level, support = 3, treaty_signed | led | founded
        tiers = [treaty_signed, led, founded]
    elif firm or agreed or (formal & ministers and any(context.in_lead(s) for s in formal)):
        level, support = 2, firm | agreed | (formal & ministers)
        tiers = [firm, agreed, formal & ministers]
    elif (
        signed
        or len(talk) >= 2
        or allied_cooperation & talk
        or _allies_analysed(context, hits, scope)
    ) and not formal_only:
        level, support = 1, talk | formal
        tiers = [signed, allied_cooperation, formal, cooperation]
    else:
        return reading(0, 0, ("partnership",), None)
    groups = ("treaty", "instrument", "sign", "cooperation", "agencies", "leader", "grouping")
    evidence = evidence_of(context.original, [h for g in groups for h in hits.get(g, [])], tiers)
    return reading(level, len(support), evidence, "cooperation" if level >= 2 else "background")
