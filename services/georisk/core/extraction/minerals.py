"""`minerals`: critical-mineral supply risk.

A material (a tracked mineral, "rare earths", "critical minerals") must share a sentence with a
supply act. An outright export ban stated in the lead is 3; export controls, licensing, curbs,
mine or trading disruption, price shocks and supply deals are 2 when in the lead or repeated;
market commentary and supply-chain talk are 1. Scope materials extend the material list.
"""

from __future__ import annotations

import re
from functools import cache

from georisk.core.documents import DimensionReading
from georisk.core.extraction.document import Document, Hit
from georisk.core.extraction.lexicon import GroupedPattern, compile_groups
from georisk.core.extraction.rules import (
    Context,
    JointWork,
    affirmed,
    evidence_of,
    first_offsets,
    in_sentence,
    near,
    preceded,
    reading,
)
from georisk.models import SignalKind

MATERIALS: tuple[str, ...] = (
    "critical mineral*",
    "critical raw material*",
    "strategic mineral*",
    "rare earth*",
    "rare-earth*",
    "REE",
    "REEs",
    "heavy rare earth*",
    "gallium",
    "germanium",
    "graphite",
    "antimony",
    "lithium",
    "cobalt",
    "nickel",
    "tungsten",
    "dysprosium",
    "terbium",
    "samarium",
    "gadolinium",
    "lutetium",
    "scandium",
    "yttrium",
    "neodymium",
    "praseodymium",
    "tellurium",
    "bismuth",
    "indium",
    "molybdenum",
    "manganese",
    "magnesium",
    "battery metal*",
    "battery mineral*",
    "NdFeB",
    "raw mineral*",
    "mineral export*",
    "unprocessed lithium",
    "lithium carbonate",
    "lithium ore",
    "spodumene",
    "copper",
    "uranium",
    "titanium",
    # The rest of the EU's 2023 critical raw materials list, where the name is unambiguous
    # (not arsenic, helium, platinum or aluminium, which news uses in other senses).
    "bauxite",
    "alumina",
    "baryte",
    "barite",
    "beryllium",
    "borate*",
    "coking coal",
    "fluorspar",
    "hafnium",
    "niobium",
    "phosphate rock",
    "platinum group metal*",
    "PGMs",
    "palladium",
    "rhodium",
    "silicon metal",
    "strontium",
    "tantalum",
    "vanadium",
    # Platinum as a metal of trade, not a platinum album, jubilee or card.
    "platinum mine*",
    "platinum mining",
    "platinum miner*",
    "platinum shaft*",
    "platinum output",
    "platinum production",
    "platinum producer*",
    "platinum price*",
    "platinum supply",
    "platinum supplies",
    "platinum market",
    "platinum export*",
    # Tin, on Britain's critical minerals list, but a baking tin or a tin of tomatoes in a
    # recipe: named only in the phrases of its trade.
    "tin mine*",
    "tin mining",
    "tin miner*",
    "tin output",
    "tin production",
    "tin price*",
    "tin export*",
    "tin ore",
    "refined tin",
    "tin smelt*",
    "tin concentrate*",
    "tin supply",
    "tin supplies",
    "tin market",
)

ACTS: dict[str, tuple[str, ...]] = {
    "ban": (
        "export ban*",
        # Spelled out: a stem would take "bank", "band" and "banner".
        "ban",
        "bans",
        "banned",
        "banning",
        "prohibit*",
        "embargo*",
        "outright ban*",
        # A suspension of exports is a ban for its duration (Zimbabwe's "freeze on exports").
        "suspends exports",
        "suspended exports",
        "suspend exports",
        "suspension of exports",
        "export suspension*",
        "halts exports",
        "halted exports",
        "export freeze",
        "freeze on exports",
        "chokes off",
        "choke off",
        "cut off",
    ),
    "control": (
        "export control*",
        "export restriction*",
        "export curb*",
        "licensing",
        "licence*",
        "license*",
        "restrict*",
        "curb*",
        "quota*",
        "controls",
        "national security",
        "dual-use",
    ),
    "disruption": (
        # A mine mothballed: "will place the operation on care and maintenance".
        "care and maintenance",
        "freez*",
        "shortage*",
        "disrupt*",
        "suspend*",
        "suspension",
        "halt*",
        "shut",
        "shuts",
        "shutting",
        "shutdown*",
        "stockpil*",
        "squeeze",
        # Protesters closing the roads out: "blockades of the mining corridor".
        "blockad*",
        # "Cyclone floods pit at Pilbara lithium mine", "flooding halts a cobalt mine".
        "flood",
        "floods",
        "flooded",
        "flooding",
        "exports fell",
        "fell to zero",
        # Not "net zero": exports or output down to nothing.
        "exports zero",
        "zero exports",
        "zero shipments",
        "to zero",
        "plung*",
        "crash*",
        "tumbl*",
        "collaps*",
        "soar*",
        "surge",
        "surges",
        "surged",
        "surging",
        "spike*",
        "slump*",
        "jump*",
        "price limit*",
        "price floor",
        "trading",
        "volatil*",
        "run out",
        # A mine closed or taken over: "orders closure of the mine", "rebels seize mining hub".
        "closure*",
        "capture*",
        "seiz*",
        "takeover",
        "taken control",
        "took control",
        # Mining rights withdrawn: "cancelled nine lithium concessions", "revoked the licence".
        "cancelled",
        "cancels",
        "cancelling",
        "canceled",
        "revoked",
        "revokes",
        "revoking",
    ),
    # A concrete new source of supply or a deal for one: a measure, not commentary.
    "development": (
        "offtake",
        # Governments or firms agreeing to put money into supply: a concrete development.
        "invest",
        "invests",
        "invested",
        "jointly invest",
        "strategic project*",
        "refiner*",
        "separated",
        "first production",
        "produces",
        "produced",
        "begins production",
        "commercial production",
        "mining project*",
        "new mine",
        "seabed",
        "sediment",
        "retriev*",
        "preferred shares",
        "price floor",
    ),
    # Generic nouns ("plant", "deal"): a development only in the material's own sentence, so
    # a fire that "closed the facility" after a lithium battery story is none.
    "venture": (
        "stake",
        "deal",
        "agreement",
        "plant",
        "facility",
        "contract",
    ),
    # Supply chains and dependence: what makes a piece about a material a supply story.
    "chain": (
        "supply chain*",
        "reliance",
        "dependen*",
    ),
    "market": (
        "supplies",
        "supply",
        "investment*",
        "financ*",
        "price*",
        "exports",
        "imports",
        "output",
        "market",
        "demand",
        "oversupply",
        "resume*",
        "reopen*",
        "mine",
        "mines",
        "production",
        "processing",
        "producer*",
        "deposit*",
    ),
    # Minerals as a field of cooperation or policy ("cooperation on critical minerals", "a
    # critical minerals strategy"): supply-chain talk, background at most.
    "field": (
        "cooperat*",
        "collaborat*",
        "coordinat*",
        "work together",
        "joint work",
        "working group*",
        "early warning",
        "partnership*",
        "strategy",
        "strategies",
        "action plan*",
        "diversif*",
        "resilien*",
    ),
}


_STOPS = ("suspend", "freez")  # decreed; "halting exports from a mine" is a disruption
# ... but "China halts rare earth exports to Japan": a halt of a state's exports to another
# is decreed (to "Japanese defence contractors", it is aimed at firms).
_EXPORTS_TO = re.compile(
    r"(?:\s+[\w-]+){0,4}?\s+exports?\s+to\b"
    r"(?!(?:\s+[\w-]+){1,3}?\s+(?:firms|companies|contractors|users|makers|buyers)\b)"
)


def _halts_exports_to(doc: Document, hit: Hit) -> bool:
    return hit.text.startswith("halt") and bool(
        _EXPORTS_TO.match(doc.text, hit.start + len(hit.text))
    )


# "suspends its ban on gallium exports": suspending a measure ends it.
_ENDS_MEASURE = re.compile(
    r"\s+(?:its\s+|the\s+|a\s+)?(?:[\w-]+\s+){0,2}?(?:ban|bans|controls?|curbs?|restrictions?"
    r"|quotas?)\b"
)
# "banned the export of technology used to extract rare earths": know-how, not the mineral.
_KNOW_HOW = re.compile(r"\b(?:technolog\w*|know-how|equipment|expertise)\b")


# "Congo replaces cobalt export ban with quotas", "lifts its nickel ore export ban",
# "suspended its ban", "to suspend the export controls": a measure that ends is no new one.
_LIFTED = re.compile(
    r"\b(?:lift|lifts|lifted|lifting|end|ends|ended|ending|replac\w*|scrap\w*|revers\w*"
    r"|suspend\w*|paus\w*)"
    r"\s+(?:[\w\-]+\s+){0,3}$"
)


def _lifted(doc: Document, hit: Hit) -> bool:
    return preceded(doc.text, hit.start, _LIFTED, 40)


_HEAD_REACH = 60  # "rare earth processing technology": the head noun follows the material
# The noun phrase after the material ends at a clause break: "cobalt to China, where the
# technology..." stops at the comma, "gallium for technology firms" at "for".
_PHRASE_END = re.compile(r"[,.;:]|\s(?:to|from|for|that|which|and\s+(?:the|a|an))\s")


def _bans_know_how(text: str, at: int, material: list[Hit]) -> bool:
    """Whether what the ban at `at` stops is technology for a material, not the material:
    named between the ban and the material, or as the head noun just after it."""
    after = [h.start for h in material if h.start > at]
    if not after:
        return False
    first = min(after)
    head = text[first : first + _HEAD_REACH]
    end = _PHRASE_END.search(head)
    head = head[: end.start()] if end else head
    return _KNOW_HOW.search(text, at, first) is not None or _KNOW_HOW.search(head) is not None


# "Malaysia to ban...", "will ban": a ban announced for later is a threat, not yet the act.
_ANNOUNCED = re.compile(r"\b(?:to|will)\s+$")
# "to ban nickel ore exports from January": a ban with a start date is decided, not mooted.
_IN_FORCE_FROM = re.compile(
    r"\b(?:from|starting|effective|as of|beginning)\s+(?:\d{1,2}\s+)?(?:(?:jan|feb|mar|apr|may"
    r"|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b|(?:next|this)\s+(?:month|year)|\d{4}\b)",
    re.IGNORECASE,
)


# "placed 12 Japanese companies on its export control list, banning them from receiving rare
# earths", "bars germanium sales to them": a ban that lists named buyers is a sanction-like
# licensing control (2), not an outright export ban.
_AT_FIRMS = re.compile(
    r"\b(?:export\s+control|entity)\s+list\b|\b(?:banning|barring|bars?|barred)\s+them\b"
    r"|\b(?:sales|exports?|supplies)\s+to\s+them\b"
)


# "commit to processing ore in the country, in line with the ban on raw lithium exports": a
# ban already in force, the frame of a new story.
_STANDING = re.compile(
    r"\b(?:in\s+line\s+with|under|existing|current|long[\s-]standing)\s+(?:the\s+|its\s+)?"
    r"(?:[\w-]+\s+){0,2}$"
)


def _announced(doc: Document, sentence: int, at: int) -> bool:
    """A ban announced for later ("Malaysia to ban...", "will ban"), unless dated."""
    if not _ANNOUNCED.search(doc.text, max(0, at - 8), at):
        return False
    return _IN_FORCE_FROM.search(doc.text, at, doc.end(sentence)) is None


_BILL = re.compile(
    r"\b(?:bill|bills|proposal|senators?|lawmakers|legislators|debat\w*)\b"
    r"(?![^.;]*\b(?:passed|passes|signed|approved|enacted|ratified)\b)"
)


# "The Senate approved on third reading a bill that would ban": a chamber has voted for it.
_VOTED = re.compile(r"\b(?:passe[sd]|approved|adopted)\b[^.;]{0,40}\bbills?\b")


def _legislated(doc: Document, sentence: int) -> bool:
    """Whether a sentence puts its ban before lawmakers, not yet passed by any chamber."""
    return in_sentence(doc, sentence, _BILL) and not in_sentence(doc, sentence, _VOTED)


@cache
def word_pattern(extra: tuple[str, ...]) -> GroupedPattern:
    """The word lists, with the scope's extra materials among the materials."""
    return compile_groups({"material": (*MATERIALS, *extra), **ACTS})


# "sign a critical minerals partnership", "a critical minerals cooperation memorandum": an
# instrument about the materials themselves is a concrete measure, unlike a list of fields.
_INSTRUMENT_ON = re.compile(
    r"\s+(?:(?:supply[\s-]chains?|cooperation|security|investment|trade)\s+)?"
    r"(?:partnership|memorandum|framework|pact|agreement|deal|compact|alliance|initiative"
    r"|action plan)\b"
)


# "signed a memorandum of cooperation on critical minerals": the instrument named first.
_INSTRUMENT_BEFORE = re.compile(
    r"\b(?:partnership|memorandum|framework|pact|agreement|compact|initiative|action plan)"
    r"(?:\s+of\s+(?:cooperation|understanding))?\s+(?:on|for|covering)\s+(?:the\s+)?$"
)


# Other fields a broad pact lists beside the minerals: "semiconductors, critical minerals,
# clean energy and pharmaceuticals" (the text is lower-cased).
_SECTORS = re.compile(
    r"\b(?:semiconductors?|chips|pharmaceuticals?|medicines|clean\s+energy|artificial"
    r"\s+intelligence|cyber\w*|undersea\s+cables?|critical\s+technolog\w*)\b"
)


def _instruments_on(text: str, material: list[Hit]) -> set[int]:
    return {
        h.sentence
        for h in material
        if _INSTRUMENT_ON.match(text, h.start + len(h.text))
        or preceded(text, h.start, _INSTRUMENT_BEFORE, 60)
    }


# "at high risk of supply disruption", "exposed to supply disruptions": a risk, not an event.
_RISK_OF = re.compile(
    r"\b(?:risks?\s+of|exposed\s+to|exposure\s+to|vulnerab\w*\s+to|resilien\w*\s+to"
    r"|prone\s+to|against|threat\s+of|early[\s-]warning\w*\s+(?:\w+\s+)?for|in\s+case\s+of"
    r"|event\s+of|respon\w+\s+to)\s+(?:\w+\s+){0,3}$"
)


def _at_risk(doc: Document, context: Context, hit: Hit) -> bool:
    return preceded(doc.text, hit.start, _RISK_OF, 60) or context.hedged(hit.sentence, at=hit.start)


# "deficiencies of zinc, copper and cobalt in cattle": the elements as nutrients; and
# "a balance of calcium, magnesium and bicarbonate": as a water's or a food's dissolved salts
# (not "sodium-ion" cells, which are batteries).
_NUTRIENT = re.compile(
    r"\bdeficien\w*|\bnutrients?\b|\bnutrition|\b(?:dietary|feed|mineral)\s+supplements?\b"
    r"|\b(?:calcium|bicarbonate|sodium(?![\s\-‐‑]*ion))\b"
)


_MARKET_TITLE = re.compile(
    r"\b(?:edges?|edging|drifts?|drifting|eases?|easing|steady|steadies|slips?|holds?\s+steady"
    r"|for\s+(?:a\s+)?(?:second|third|fourth|fifth)\s+(?:straight\s+)?(?:week|month|quarter)"
    r"|analysts?\s+(?:say|said|see|expect|split|warn)|heads?\s+for|looming"
    r"|to\s+persist|glut|surplus|deficit|rally|rebound|recovery|prices\s+firm(?:s|ed)?)\b"
)
# ... unless the market only weighs the measure: "as traders weigh Congo quota system",
# "on speculation over Chinese quotas".
_WEIGHED = re.compile(
    r"\b(?:weigh\w*|bets?|betting|eyes?|eyeing|speculat\w*|hedg\w*|await\w*|uncertain\w*"
    r"|wary|fears?|worr\w*|question\w*|doubt\w*|split\w*|even\s+with|review)\b"
)
# What a market title may also report that is more than the market: a measure or a stoppage.
_TITLE_MEASURE = re.compile(
    r"\b(?:suspend\w*|ban\w*|bars?|barred|order\w*|halt\w*|block\w*|cuts?|clears?|adds?"
    r"|picks?|stakes?|seiz\w*|strikes?|flood\w*|clos\w*|shut\w*|approv\w*|signs?|launch\w*"
    r"|licen[cs]\w*|quotas?|controls?|sanction\w*|deals?|pacts?|agreements?|invest\w*|fund\w*)\b"
)


_NUTRIENT_WORDS = ("deficien", "nutri", "supplement", "calcium", "bicarbonate", "sodium")


# A farm or diet story: "cows lacking cobalt", "copper shortfall in herds" are all nutrients
# once the text names them as such anywhere.
_FARMED = re.compile(
    r"\b(?:cattle|cows?|herds?|livestock|sheep|dairy|vitamins?|fertili[sz]ers?|crops?|diets?)\b"
)


def _commodities(doc: Document, material: list[Hit]) -> list[Hit]:
    """The material hits not named as nutrients."""
    if not any(word in doc.text for word in _NUTRIENT_WORDS):
        return material  # a substring test spares the regex on most texts
    if _NUTRIENT.search(doc.text) and _FARMED.search(doc.text):
        return []
    return [h for h in material if not in_sentence(doc, h.sentence, _NUTRIENT)]


_BACKDROP = re.compile(
    r"\b(?:comes?|came|coming)\s+(?:amid|as|after|against)\b|\bamid\b|\bbackdrop\b"
)


def _backdrop_only(doc: Document, context: Context, material: list[Hit]) -> bool:
    """Whether every sentence naming a material is a backdrop clause after the lead."""
    sentences = {h.sentence for h in material}
    return all(not context.in_lead(s) and in_sentence(doc, s, _BACKDROP) for s in sentences)


def read_minerals(doc: Document, context: Context, materials: tuple[str, ...]) -> DimensionReading:
    hits = doc.scan(word_pattern(materials))
    material = _commodities(doc, hits.get("material", []))
    if not material:
        return reading(0, 0, (), None)
    bans = [h for h in hits.get("ban", []) if not _lifted(doc, h)]
    ban = near(bans, material, window=1) & near(material, material)
    # "Congo suspends cobalt exports": stopping a material's exports is a ban for its time.
    disruptions = [
        h
        for h in hits.get("disruption", [])
        if not (h.text.startswith(_STOPS) and _ENDS_MEASURE.match(doc.text, h.start + len(h.text)))
    ]
    stops = [h for h in disruptions if h.text.startswith(_STOPS) or _halts_exports_to(doc, h)]
    exports = [h for h in hits.get("market", []) if h.text == "exports"]
    ban |= near(stops, exports) & near(material, exports)
    # "agreed to coordinate on export controls": what partners will do names no control.
    joint = JointWork(doc)
    controls = [h for h in hits.get("control", []) if not _lifted(doc, h)]
    control = near(joint.outside(controls), material, window=1)
    # Only a disruption in a sentence naming a material counts either way.
    with_material = {h.sentence for h in material}
    risky = {h for h in disruptions if h.sentence in with_material and _at_risk(doc, context, h)}
    disruption = near(joint.outside([h for h in disruptions if h not in risky]), material)
    risk = near(joint.outside(list(risky)), material) - disruption
    # "stop short of agreement on minerals standards": a deal not made develops nothing.
    development = (
        near(joint.outside(affirmed(doc, hits.get("development", []))), material, window=1)
        | near(joint.outside(affirmed(doc, hits.get("venture", []))), material)
        | _instruments_on(doc.text, material)
    )
    market = near(hits.get("market", []) + hits.get("chain", []), material)
    field = near(hits.get("field", []), material)
    # A piece about a material (named in the title) that talks supply or markets anywhere.
    about = any(h.sentence == 0 for h in material) and doc.title_end > 0
    talk = {h.sentence for h in hits.get("chain", []) + hits.get("field", [])} if about else set()
    # "Broker view: lithium rebound looks fragile" over prices, supply and demand: market
    # commentary on the title's material, though later sentences do not repeat its name.
    markets = {h.sentence for h in hits.get("market", [])}
    if about and len(markets) >= 3:
        talk |= markets
    first_ban = first_offsets(bans)
    first_ban.update({h.sentence: h.start for h in stops if h.sentence not in first_ban})
    firm_ban = {
        s
        for s in ban
        if context.in_lead(s)
        and not context.hedged(s, at=first_ban.get(s))
        and not _announced(doc, s, first_ban[s])
        and not _bans_know_how(doc.text, first_ban[s], material)
        and not preceded(doc.text, first_ban[s], _STANDING, 40)
        and not in_sentence(doc, s, _AT_FIRMS)
    }
    concrete = control | disruption
    # A pact's list of fields ("joint work on semiconductors, critical minerals and clean
    # energy") under a title that names no material: the minerals are one strand of a wider
    # story, background (1), whatever the strand promises.
    strand: set[int] = set()
    if (
        not about
        and not ban
        and all(in_sentence(doc, h.sentence, _SECTORS) or h.sentence in field for h in material)
    ):
        strand, concrete, development = concrete | development, set(), set()
    # "The collision comes amid the worst downturn in relations, with Beijing having halted
    # rare earth exports": a measure recalled as another story's backdrop, after the lead and
    # under a title naming no material, is a passing mention.
    if not about and _backdrop_only(doc, context, material):
        return reading(0, 0, ("minerals",), None)
    # Weather is what floods a mine ("heavy rains flooded the workings"): not a genre here.
    if context.genres - {"weather"} and len(concrete | ban) < 3:
        return reading(0, 0, ("minerals",), None)
    # "a Senate bill seeks to ban exports", "senators debate a ban": a ban before lawmakers is
    # policy debate (1), unless other acts make the story concrete; a government weighing a ban
    # ("China is considering a ban") is a threat (2), and a law passed is a ban.
    proposed: set[int] = set()
    if ban and not (concrete or development) and all(_legislated(doc, s) for s in ban):
        proposed, ban = ban, set()
    # "Antimony prices ease for third week", "Copper market heads for deficit, analysts say":
    # a title on the market's drift or outlook, naming no measure, heads market commentary.
    commentary = _MARKET_TITLE.search(doc.text, 0, doc.title_end) is not None and (
        not _TITLE_MEASURE.search(doc.text, 0, doc.title_end)
        or _WEIGHED.search(doc.text, 0, doc.title_end) is not None
    )
    kind: SignalKind
    if firm_ban:
        level, kind, support = 3, "act", firm_ban | concrete
        tiers = [firm_ban, concrete]
    elif not commentary and (
        ban
        or any(context.in_lead(s) for s in concrete)
        or len(concrete) >= 2
        or any(context.in_lead(s) for s in development)
    ):
        level, kind, support = 2, "act", ban | concrete | development
        lead = {s for s in concrete | development if context.in_lead(s)}
        tiers = [ban, lead & concrete, lead, concrete, development]
    elif proposed or concrete or development or strand or risk or field or talk or len(market) >= 2:
        level, kind = 1, "background"
        support = proposed | concrete | development | strand | risk | market | field | talk
        tiers = [proposed, concrete, development, strand, risk, market, field, talk]
    else:
        return reading(0, 0, ("minerals",), None)
    groups = (
        "ban",
        "control",
        "disruption",
        "development",
        "venture",
        "material",
        "market",
        "chain",
        "field",
    )
    evidence = evidence_of(context.original, [h for g in groups for h in hits.get(g, [])], tiers)
    return reading(level, len(support), evidence, kind)
