"""`china_tension`: PRC pressure on its neighbours, the scope's members and their partners.

A level needs the China actor (China, Beijing, the PLA, the coast guard...) in the same
sentence as a threat or act word, or a contested theatre (Taiwan Strait, Scarborough Shoal...)
with an act word next to an actor sentence. Severe acts (live-fire or encirclement drills,
collisions, rammings, armed clashes) reach 3 only when stated in the lead and not hedged; a
concrete incident or measure (water cannon, protest, sanctions, arrests for spying) is 2;
friction and rivalry are 1, and so is the contest in disputed waters with no actor named
("tensions in the South China Sea").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from georisk.core.documents import DimensionReading
from georisk.core.extraction.document import Document, Hit
from georisk.core.extraction.lexicon import compile_groups
from georisk.core.extraction.rules import (
    Context,
    affirmed,
    evidence_of,
    first_offsets,
    in_sentence,
    near,
    preceded,
    reading,
)
from georisk.models import SignalKind

VOCABULARY: dict[str, tuple[str, ...]] = {
    "cyber": (
        "cyber*",
        "hack*",
        "ransomware",
        "malware",
        # Numbered groups (APT28, APT40): a bare "APT" is ammonium paratungstate in tungsten
        # trade prices.
        *(f"APT{digit}*" for digit in "123456789"),
        # China-nexus actor names ("Volt Typhoon"); a weather typhoon is "Typhoon Doksuri".
        "Volt Typhoon",
        "Salt Typhoon",
        "Flax Typhoon",
        "Silk Typhoon",
        "Linen Typhoon",
        "Violet Typhoon",
        "Brass Typhoon",
        "breach*",
    ),
    # Disputed waters: tension there is China tension even when no actor is named ("serious
    # concern about the situation in the South China Sea").
    "waters": (
        "Taiwan Strait",
        "South China Sea*",  # "the East and South China Seas" too
        "East China Sea*",
        "Yellow Sea",
        "Senkaku*",
        "Diaoyu*",
        "Scarborough Shoal",
        "Second Thomas Shoal",
        "Sabina Shoal",
        "Escoda Shoal",
        "Ayungin Shoal",
        "Paracel*",
        "Spratly*",
        "Philippine Sea",
        # "cross-strait rhetoric weighs on Taiwan stocks": the Taiwan Strait contest.
        "cross-strait",
    ),
    # Places of the contest that are also everyday places ("Taiwan warns of a typhoon").
    "theatre": (
        "Penghu",
        "Kinmen",
        "Pratas",
        "Taiwan",
        "Taiwanese",
        "Taipei",
        "Okinawa",
        "Manila",
    ),
    "actor": (
        "China",
        "China's",
        "Chinese",
        "Beijing",
        "Beijing's",
        "PLA",
        "People's Liberation Army",
        "PRC",
        "CCP",
        "Chinese Communist Party",
        "Communist Party",
        "Xi Jinping",
        "Xi",
        "China Coast Guard",
        "CCG",
        "Eastern Theater Command",
        "Eastern Theatre Command",
        "Zhongnanhai",
        "maritime militia",
        "Liaoning",
        "Shandong",
        "Fujian",
    ),
    "severe": (
        "encircl*",
        "blockad*",
        "collid*",
        "collision*",
        "ram",
        "rams",
        "rammed",
        "ramming",
        "armed clash*",
        "deadly clash*",
        "border clash*",
        "violent clash*",
        "fatal clash*",
        "troops clash*",
        "soldiers clash*",
        "forces clash*",
        "soldiers killed",
        "soldiers were killed",
        "troops killed",
        "open fire",
        "opened fire",
        "fired on",
        "fired at",
        "Joint Sword*",
        "Strait Thunder*",
        "Justice Mission*",
        "sank",
        "gunfire",
        "shots fired",
        "warning shots",
        "missile strike*",
        "fires missiles",
        "fired missiles",
        "firing missiles",
        "fires ballistic missiles",
        "fired ballistic missiles",
        "invasion",
        "invade*",
    ),
    "incident": (
        # Firms put on China's export control list: a sanction on them (a material put there
        # is a control, the minerals reading's).
        "export control list",
        # Rewards for the arrest of named foreigners: "offered bounties for 18 Taiwanese".
        "bounty",
        "bounties",
        "water cannon*",
        "median line",
        "ADIZ",
        "air defence identification zone",
        "air defense identification zone",
        "water-cannon*",
        "dangerous manoeuvr*",
        "dangerous maneuv*",
        "incursion*",
        # Coast guards facing each other down: "in standoff at a Yellow Sea platform".
        "standoff*",
        "stand-off*",
        "faced off",
        "face-off",
        "blocked its path",
        "blocked the path",
        "radar lock*",
        # Unsafe intercepts: "a J-16 released flares in the path of a P-8".
        "released flares",
        "releases flares",
        "fired flares",
        "fires flares",
        "dropped flares",
        "drops flares",
        "unsafe and unprofessional",
        # Fighters sent up against China's aircraft: "Japan scrambles jets as a Chinese drone
        # flies between Yonaguni and Taiwan".
        "scramble jets",
        "scrambles jets",
        "scrambled jets",
        "scramble fighter*",
        "scrambles fighter*",
        "scrambled fighter*",
        "fighters were scrambled",
        "jets were scrambled",
        "unsafe intercept*",
        "locked on",
        "locks on",
        "lock-on*",
        "fire-control radar",
        "laser*",
        "sanction*",
        "countermeasure*",
        "retaliat*",
        # Covert influence cases: "charged with foreign interference", "police stations".
        "foreign interference",
        "interference",
        # "interfered with a survey ship", not "interfering in internal affairs" (a rebuttal).
        "interfered with",
        "interfering with",
        "interferes with",
        # The note a foreign ministry sends in protest.
        "diplomatic note",
        "overseas police station*",
        "police stations",
        "anti-dumping",
        "anti-subsidy",
        "countervailing dut*",
        "definitive tariff*",
        "punitive tariff*",
        # Trade preferences withdrawn: "Beijing suspends tariff concessions on Taiwanese goods".
        "suspends tariff concession*",
        "suspended tariff concession*",
        "suspend tariff concession*",
        "suspension of tariff concession*",
        # Tourism as leverage: "China suspends group tours to Japan".
        "suspends group tours",
        "suspended group tours",
        "halts group tours",
        "halted group tours",
        "suspension of group tours",
        "curbs group tours",
        "curbed group tours",
        "bans group tours",
        "banned group tours",
        "restricts group tours",
        "restricted group tours",
        # Beijing's names for disputed places: "rejects China's renaming of 27 places".
        "renam*",
        "punitive dut*",
        "provisional dut*",
        "retaliatory dut*",
        "antidumping",
        "protest",
        "protests",
        "protested",
        "protesting",
        "summon*",
        "démarche*",
        "demarche*",
        "travel warning*",
        "travel advisory",
        "travel advisories",
        "coerc*",
        "intimidat*",
        "punish*",
        "provocat*",
        "injur*",
        # "fishermen were beaten", not "China beat Japan 2-1" or "beating drums".
        "beaten",
        "beat up",
        "beating of",
        "entry ban*",
        "asset freeze*",
        "import ban*",
        "bans imports",
        "banned imports",
        "ban on imports",
        "bans seafood",
        "banned seafood",
        "blanket ban",
        "tragic price",
        "condemn*",
        "stop buying",
        "stop using",
        "barred",
        "bars imports",
        "bars exports",
        "bars operators",
        "blacklist*",
        "entity list",
        "security review",
        "severed",
        "severing",
        "stern warning",
        # The PRC's threat formula and diplomatic downgrades.
        "heavy price",
        "pay a price",
        "pay the price",
        "downgrad*",
        "recalled its ambassador",
        "recalls its ambassador",
        "recalling its ambassador",
        "recall its ambassador",
        "recalled its envoy",
        "recalls its envoy",
        "recalling its envoy",
        "withdraw its ambassador",
        "withdraw the ambassador",
        "withdraw ambassador",
        "withdraw its envoy",
        "bear all the consequences",
        # Beijing's formal protest: "lodged stern representations".
        "stern representations",
        "solemn representations",
        "strongest protest",
        "severed",
        "confront*",
        "unreliable entity",
    ),
    # Acts done to someone: an incident when China does or suffers them ("the coast guard
    # seized", "detained a Chinese-crewed ship"), not when rebels seize a mine that supplies China.
    "agentive": (
        # "Manila arrested a Chinese national", not "the arrest of traders selling to Chinese
        # buyers" in a story about another state's export ban.
        "arrest*",
        # "charged with assisting Chinese intelligence": a prosecution for China's spying.
        "charged",
        # "ordered three Chinese companies to divest": a measure against named Chinese firms.
        "divest*",
        # "Beijing cut off exports to Japan", not "a Philippine ban would cut off supply to
        # producers in China".
        "cut off",
        "harass*",
        "intercept*",
        "boards",
        "boarded",
        "boarding",
        "seiz*",
        "detain*",
        "expel*",
        "expul*",
    ),
    # Military assets are an incident when they are China's: "32 Chinese military aircraft
    # crossed...", not "cooperation on a fighter jet, as both voiced concern over China".
    "asset": (
        "sorties",
        "military aircraft",
        "navy ships",
        "naval vessels",
        "navy vessels",
        "warship*",
        "warplane*",
        "fighter jet*",
        "aircraft carrier*",
    ),
    # An export ban aimed at a named country is coercion (the dev set's ban on dual-use exports
    # to Japan); a general licensing regime is a minerals story.
    "export ban": (
        "export ban*",
        "bans exports",
        "banned exports",
        "banning exports",
        "bans the export*",
        "banned the export*",
        "bars shipments",
        "barred shipments",
        "bars exports",
        "barred exports",
        "barring exports",
        "embargo*",
        "ban on exports",
        "ban on dual-use exports",
        "halts exports",
        "halted exports",
        "halts all",
        "halted all",
        # Licences withheld: "has stopped approving export licences for ... two South Korean
        # battery manufacturers".
        "stopped approving",
        "stop approving",
        "stops approving",
    ),
    # Stops of trade worded apart from it: "bans rare earth exports to Japan" (`_trade_stops`).
    "stop": (
        "ban",
        "bans",
        "banned",
        "banning",
        "halt",
        "halts",
        "halted",
        "halting",
        "suspend",
        "suspends",
        "suspended",
        "suspending",
        "prohibit",
        "prohibits",
        "prohibited",
        "prohibiting",
    ),
    # Live fire is severe in a contested theatre (the rubric: "live-fire drills around
    # Taiwan"); elsewhere, say off another country's coast, it is an incident.
    "live fire": ("live-fire", "live fire"),
    # Drills are incidents; drills around the island are encirclement, a severe act.
    "drill": (
        "drill*",
        "military exercise*",
        "large-scale exercise*",
        "naval exercise*",
        "combat exercise*",
        "gunnery exercise*",
        "war game*",
    ),
    "around": (
        "around Taiwan",
        "surrounding Taiwan",
        "around the island",
        "surrounding the island",
        "circling Taiwan",
    ),
    # An incursion is an entry into a protected zone, not the zone named in a claim.
    "entry": (
        "enter",
        "enters",
        "entered",
        "entering",
        "sailed into",
        "flew into",
        # "remained inside Japan's territorial waters... the longest such intrusion"; a network
        # intrusion names no zone.
        "intrusion*",
        "intruded",
        "violat*",
        "breach*",
    ),
    "zone": (
        "territorial waters",
        "territorial sea",
        "contiguous zone",
        "contiguous waters",
        "airspace",
        # "a coast guard vessel that entered Indonesia's exclusive economic zone".
        "exclusive economic zone",
        "EEZ",
    ),
    # Beijing's export controls are a minerals story, unless allies answer them: "concern
    # about China's expanding export controls", "a remark aimed at China's export controls".
    "leverage": (
        "export control*",
        "export curb*",
        "export restriction*",
        "curbs on exports",
        "controls on exports",
        "restrictions on exports",
    ),
    # Acts that are incidents unless a cyber sentence makes them attribution (1).
    "attack": (
        "attack*",
        "assault*",
        "spy",
        "spies",
        "spying",
        "espionage",
        # Passing secrets to it: "leaking drone data to an officer of the Ministry of State
        # Security"; in a cyber story it is the hackers' sponsor (`_spying`).
        "Ministry of State Security",
        # "passing documents to a man believed to be a Chinese intelligence officer".
        "intelligence officer*",
    ),
    # Words of the contest itself: in disputed waters they are China tension without an actor
    # ("tensions in the South China Sea"), where a warning may be a forecaster's.
    "contest": (
        "tension*",
        "dispute*",
        "assertive*",
        # Diplomatic language, not "concerns about deflation".
        "serious concern*",
        "grave concern*",
        "deep concern*",
        "strong concern*",
        "militari*",
        "aggressive",
        "aggression",
        "grey zone",
        "gray zone",
        "rhetoric",
    ),
    # The verb counts with China as its subject: "Beijing threatened Manila", whereas "rebels
    # threaten supplies to China" is a market story.
    "threaten": ("threaten*",),
    "friction": (
        # Rivalry as the setting of markets, polls and analysis: "the Taiwan risk premium",
        # "grey-zone pressure", "salami slicing", "wary of China's security presence".
        "risk premium*",
        "war-risk",
        "war risk*",
        "salami*",
        "grey-zone",
        "gray-zone",
        "gray zone",
        "security presence",
        "coast guard presence",
        "administrative presence",
        "unfavourable",
        "unfavorable",
        "wary",
        "objected",
        "objection*",
        "neither leader named",
        "neither side named",
        "neither government named",
        "threat",
        "threats",
        "rift",
        "row over",
        "row with",
        "diplomatic row",
        "growing row",
        "friction",
        "deter",
        "deters",
        "deterred",
        "deterring",
        "deterrence",
        "deterrent*",
        "deteriorat*",
        "counterbalance",
        "competition",
        "decoupl*",
        "de-risk*",
        "hack*",
        "cyber*",
        "warn*",
        "tariff*",
        "trade war",
        "chip war",
        "tech war",
        "technology war",
        "tit-for-tat",
        # Beijing's own rebuttals: "opposes countries ganging up", "exclusionary blocs".
        "opposes",
        "opposed",
        "ganging up",
        "exclusionary",
        "bloc confrontation",
        "Cold War mentality",
        "hegemon*",
        # ... and its stock answers to others' pacts: they "should not target third parties".
        "target third part*",
        "target a third party",
        "target any third part*",
        "targeting third part*",
        "outside forces",
        "external forces",
        "wrong and dangerous path",
        "geopolitical strife",
        "stir up trouble",
        "small circle*",
        "zero-sum",
        "containment",
        "about containing",
        "trying to contain",
        "seeks to contain",
        "bid to contain",
        # Rivalry as the strategic context: "to counter China's growing military power".
        "military power",
        "military presence",
        "military expansion",
        "security footprint",
        "troops",
        "military buildup",
        "military build-up",
        "military pressure",
        # "A Chinese destroyer shadowed the group": watched, not yet an incident.
        "shadow",
        "shadowed",
        "shadowing",
        "shadows",
        "pressure campaign",
        "economic pressure",
        "diplomatic pressure",
        "military activit*",
        "naval activit*",
        "coast guard activit*",
        "encounters with",
        # China as the unnamed target: "the statement did not name China, but...".
        "without naming",
        "did not name",
        "does not name",
        "didn't name",
        "accus*",
        "criticis*",
        "criticiz*",
        "arms race",
    ),
}

PATTERN = compile_groups(VOCABULARY)


# How far ahead of a military asset its China actor may stand ("Chinese navy ships", "China
# sent 20 warplanes", "the PLA deployed dozens of military aircraft").
OWNER_REACH = 40
# China after the act in the same clause is its object or agent ("detained a ship with Chinese
# crew", "seized by the Chinese coast guard"); after a clause break it is context ("rebels
# seize a mine, clouding supply to China").
OBJECT_REACH = 30  # a short object phrase: "detained a cargo ship with Chinese crew"
_CLAUSE_BREAK = re.compile(r"[,;:()]|\s[-–—]\s")
# "China announces live-fire drills off Fujian", "the military will hold live-fire exercises":
# drills announced or to come are a threat until they
# start ("announced it had begun drills" states them).
_ANNOUNCED = re.compile(
    r"\b(?:announc\w*|will)\b(?![^.;]*\b(?:began|begun|launched|started|staged|held)\b)"
)


def _announced(text: str, start: int, at: int | None) -> bool:
    """Whether an announcement, not yet the act, precedes the act at offset `at`."""
    return at is not None and _ANNOUNCED.search(text, start, at) is not None


def with_actor(
    hits: list[Hit], actors: list[Hit], text: str, *, ahead: int | None, behind: int = 0
) -> list[Hit]:
    """The hits with a China actor in their sentence at most `ahead` characters before them
    (`None`: anywhere before) or at most `behind` characters after them in the same clause."""
    chosen = []
    for hit in hits:
        for actor in actors:
            if actor.sentence != hit.sentence:
                continue
            gap = hit.start - actor.start  # > 0: the actor comes first
            if (gap >= 0 and (ahead is None or gap <= ahead)) or (
                gap < 0
                and -gap <= behind
                and not _CLAUSE_BREAK.search(text, hit.start, actor.start)
            ):
                chosen.append(hit)
                break
    return chosen


# "Supplies to China were disrupted after rebels seized a mining hub": China as where goods
# go is no agent of the seizure.
_DESTINATION = re.compile(r"\b(?:to|into|for)\s+(?:the\s+)?$")
# A wire dateline: place names before a dash at the start of the body ("beijing/yangon —").
_DATELINE = re.compile(r"\s*[\w/ ,.'()]{2,50}?\s[—–-]\s")
# "its 2010 dispute with China", "the 2012 standoff": a contest dated by a past year is history.
_YEAR_BEFORE = re.compile(r"\b(?:19|20)\d\d\s+$")
# "Russia's invasion of Ukraine", "Israel's missile strike": a state's name, its possessive
# and at most two modifiers right before a severe act make the act that state's.
_POSSESSIVE_NAME = re.compile(r"[A-Z][\w.\-]*(?:\s+[A-Z][\w.\-]*)*['’]s\s+(?:[a-z\-]+\s+){0,2}")
_POSSESSION_REACH = 40
_CHINA_CODES = frozenset({"CN", "TW", "HK", "MO"})


def _agents(doc: Document, actors: list[Hit]) -> list[Hit]:
    """The China actors not named as where goods go ("supplies to China") nor as the dateline
    of the story ("YANGON/BEIJING — Mining has stopped after rebels seized...")."""
    dateline = _DATELINE.match(doc.text, doc.title_end)
    after = dateline.end() if dateline else doc.title_end
    return [
        a
        for a in actors
        if not doc.title_end <= a.start < after
        and not preceded(doc.text, a.start, _DESTINATION, 10)
    ]


_CONTRAST_WORDS = ("outside", "beyond", "away from", "other than", "apart from")
_CONTRAST = re.compile(
    r"\b(?:" + "|".join(w.replace(" ", r"\s+") for w in _CONTRAST_WORDS) + r")\s+$"
)


def _uncontrasted(doc: Document, actors: list[Hit]) -> list[Hit]:
    """The China actors not named as the contrast ("supplies outside China")."""
    if not any(word in doc.text for word in _CONTRAST_WORDS):
        return actors
    return [a for a in actors if not preceded(doc.text, a.start, _CONTRAST, 12)]


def _current(doc: Document, hits: list[Hit]) -> list[Hit]:
    """The hits not dated by a year right before them."""
    return [h for h in hits if not preceded(doc.text, h.start, _YEAR_BEFORE, 6)]


# "Laos has banned exports of rare earth ore": a state's name as the subject, with at most
# auxiliaries before the act, makes the act that state's.
_SUBJECT_NAME = re.compile(
    r"[A-Z][\w.\-]*(?:[^\S\n]+[A-Z][\w.\-]*)*(?:[^\S\n]+(?:has|have|had|will|also))*[^\S\n]+"
)


def _own_acts(context: Context, hits: list[Hit]) -> list[Hit]:
    """The hits not possessed by a state other than China ("Russia's invasion") nor done by
    one ("Laos has banned exports")."""
    text = context.original.text  # capitals tell the name from the words after it
    others = [m.offset for m in context.mentions if m.code not in _CHINA_CODES]
    return [
        h
        for h in hits
        if not any(
            0 < h.start - at <= _POSSESSION_REACH
            and (
                _POSSESSIVE_NAME.fullmatch(text, at, h.start)
                or _SUBJECT_NAME.fullmatch(text, at, h.start)
            )
            for at in others
        )
    ]


# Allies voicing concern or opposition ("expressed serious concern about China's dangerous
# and aggressive behaviour", "opposed unilateral attempts to change the status quo by force
# or coercion") characterise China's conduct in general: context of their meeting, not an
# incident. An incident named as the cause ("concern after a ship fired water cannon") stays.
_VOICED = re.compile(
    r"\b(?:(?:express|voic|shar|reiterat|underlin|stress)\w*\s+[\"“']?(?:\w+\s+){0,2}"
    r"(?:concerns?|opposition)|(?:strongly\s+)?oppos(?:e|ed)|opposition\s+to)\b"
)
_CAUSE = re.compile(r"\b(?:after|when|following|because|as)\b")


def _voiced(doc: Document, hits: list[Hit], actors: list[Hit]) -> list[Hit]:
    """The hits inside a statement of concern or opposition that no China actor makes."""
    if "concern" not in doc.text and "oppos" not in doc.text:
        return []  # every cue names one or the other
    voiced = []
    for hit in hits:
        start = doc.starts[hit.sentence]
        cue = _VOICED.search(doc.text, start, hit.start)
        if (
            cue
            and not any(start <= a.start < cue.start() for a in actors)
            and not _CAUSE.search(doc.text, cue.end(), hit.start)
        ):
            voiced.append(hit)
    return voiced


_ANSWERED = re.compile(
    r"\b(?:aimed\s+at|response\s+to|reference\s+to|counter(?:ing)?)\s+"
    r"(?:[\w'’-]+\s+){1,4}$"
)


def _answered(doc: Document, hits: list[Hit], actors: list[Hit]) -> list[Hit]:
    """Beijing's measures that allies answer: voiced or aimed at."""
    voiced = _voiced(doc, hits, actors)
    return voiced + [
        h for h in hits if h not in voiced and preceded(doc.text, h.start, _ANSWERED, 50)
    ]


# "a live-fire exercise off the coast of Fujian facing Taiwan": China firing off its own
# coast signals, as an incident; the rubric's severe act is live fire around the island.
_MAINLAND_COAST = re.compile(
    r"\boff\s+(?:the\s+)?(?:coast\s+of\s+)?(?:fujian|pingtan|zhejiang|guangdong|xiamen"
    r"|its\s+(?:own\s+)?(?:[\w-]+\s+)?coast|the\s+mainland)\b"
)


def _beyond_mainland(doc: Document, hits: list[Hit]) -> list[Hit]:
    """The hits whose sentence does not place them off China's own coast."""
    return [h for h in hits if not in_sentence(doc, h.sentence, _MAINLAND_COAST)]


# "a road blockade by local communities": protesters closing a road, not a naval blockade.
_CIVIL_BLOCKADE = re.compile(
    r"\b(?:road|highway|rail|community|protest\w*)\s+blockad\w*|\bblockad\w*(?=\s+(?:set\s+up\s+)?"
    r"by\s+(?:local|protest|communit|resident|villag|worker|truck|farmer|miner))"
)
# Sea words that make a blockade naval whatever the text said of roads before (lower-cased).
_NAVAL = re.compile(r"\b(?:nav(?:y|al)|warships?|coast\s+guard|maritime|strait|taiwan)\b")


_ARMED_FORCES = re.compile(
    r"\b(?:pla|people's\s+liberation\s+army|military|army|nav(?:y|al)|air\s+force|coast\s+guard"
    r"|warships?|troops|soldiers|missiles?|fighter\s+jets?|bombers?|destroyers?|frigates?)\b"
)


# What collides in a clash: craft and the forces aboard them. "A shortage of ore collides
# with a wave of new capacity" is a market's figure of speech.
_CRAFT = re.compile(
    r"\b(?:ships?|vessels?|boats?|trawlers?|cutters?|frigates?|destroyers?|warships?|"
    r"aircraft|jets?|planes?|submarines?|tankers?|freighters?|coast\s+guard|navy|naval|"
    r"militia|fishing|patrol|crews?)\b"
)


def _figurative(doc: Document, hit: Hit) -> bool:
    """Whether a collision hit names no craft in its sentence."""
    collision = hit.text.startswith(("collid", "collision"))
    return collision and not in_sentence(doc, hit.sentence, _CRAFT)


def _civil_blockade(doc: Document, hit: Hit) -> bool:
    """Whether a blockade hit is protesters closing a road: named so around it, or a bare "the
    blockade" after the text has named a civil one and with no sea word in its sentence."""
    if _CIVIL_BLOCKADE.search(doc.text, max(0, hit.start - 10), hit.start + len(hit.text) + 40):
        return True
    return (
        hit.text.startswith("blockad")
        and _CIVIL_BLOCKADE.search(doc.text, 0, hit.start) is not None
        and not in_sentence(doc, hit.sentence, _NAVAL)
    )


# "No one was injured", "no crew were injured": a report of no harm.
_UNHURT = re.compile(r"\bno\b[^.;,]{0,30}$")


def _hurt(doc: Document, hits: list[Hit]) -> list[Hit]:
    """The injuries stated, not denied ("no one was injured")."""
    return [
        h
        for h in hits
        if h.text.startswith("injur")
        and not _UNHURT.search(doc.text, max(doc.starts[h.sentence], h.start - 30), h.start)
    ]


# "bans rare earth exports to Japan", "halts banana imports", "a ban on gallium exports",
# "halts medium and heavy rare earth exports": a stop and its trade, a few words apart.
_TRADE_AFTER = re.compile(
    r"(?:\s+on)?(?:\s+all)?(?:\s+[\w-]+){0,5}?\s+(?:(exports?|shipments?)|(imports?))\b"
    # "suspend a planned expansion of export controls": the controls stop, not the trade.
    r"(?!\s+(?:controls?|curbs?|restrictions?))"
)
# "to maintain a ban on food imports", "weeks after Beijing's ban on exports to Japan": a
# stop kept up or recalled as the occasion, not a new one.
_NOT_NEW = re.compile(
    r"\b(?:maintain\w*|keep\w*|kept|extend\w*|after|since|following)\s+(?:[\w'’-]+\s+){0,2}$"
)


def _trade_stops(doc: Document, stops: list[Hit]) -> list[Hit]:
    """New bans and halts of exports ("export ban") or imports ("import ban") worded apart."""
    text, found = doc.text, []
    for stop in stops:
        trade = _TRADE_AFTER.match(text, stop.start + len(stop.text))
        if trade and not preceded(text, stop.start, _NOT_NEW, 30):
            kind = "export ban" if trade.group(1) else "import ban"
            found.append(Hit(kind, text[stop.start : trade.end()], stop.sentence, stop.start))
    return found


# "would remove punitive duties of up to 218%", "lifted sanctions on": a measure ended.
_ENDED = re.compile(
    r"\b(?:lift\w*|remov\w*|scrap\w*|drop\w*|rescind\w*|revok\w*)\s+(?:[\w'’-]+\s+){0,2}$"
)


_HABITUAL = re.compile(
    r"\b(?:repeated|mounting|frequent|recurring|persistent|continuing|ongoing|regular"
    r"|years\s+of)\s+(?:[\w'’-]+\s+){0,2}$"
)


_EUROPEAN = re.compile(r"\beuropean\b")
_TRANSIT = re.compile(r"\b(?:sail\w*|pass\w*|steam\w*)\s+through\b|\btransit\w*")


def _standing(doc: Document, hits: list[Hit]) -> list[Hit]:
    """The incidents not ended by the sentence that names them."""
    return [h for h in hits if not preceded(doc.text, h.start, _ENDED, 30)]


def _spying(hits: dict[str, list[Hit]]) -> list[Hit]:
    """The attack words, with the spy agency only in a text that names no hacking."""
    if not hits.get("cyber"):
        return hits.get("attack", [])
    return [h for h in hits.get("attack", []) if h.text != "ministry of state security"]


@dataclass(frozen=True, slots=True)
class _Severe:
    """China's severe acts: the sentences, and what decided them."""

    sentences: set[int]
    encircling: set[int]  # drills around the island: a rehearsal does not hedge them
    hits: list[Hit]  # severe words, live fire and "around", for the first-offset hedge test
    drills: list[Hit]
    live_fire: list[Hit]
    recalled: list[Hit]  # acts allies voice concern about: context, not acts


_GRAVE_GROUPS = ("drill", "severe", "live fire", "around", "agentive")


def _severe(doc: Document, context: Context, hits: dict[str, list[Hit]]) -> _Severe:
    # "ships chartered to carry ore to China waited as the blockade went on": where goods go,
    # or the dateline, is no party to the act (only asked of a text with a grave word).
    actors = hits.get("actor", [])
    if any(group in hits for group in _GRAVE_GROUPS):
        actors = _agents(doc, actors)
    theatres = hits.get("waters", []) + hits.get("theatre", [])
    anchors = actors + theatres
    actor_near = near(anchors, actors, window=1)
    # "expressed concern about China's recent large-scale drills around Taiwan": allies
    # characterising acts reported elsewhere (context, `_voiced`), not the acts themselves.
    grave = hits.get("drill", []) + hits.get("severe", []) + hits.get("live fire", [])
    recalled = _voiced(doc, grave, actors)
    drills = [h for h in affirmed(doc, hits.get("drill", [])) if h not in recalled]
    encircling = near(hits.get("around", []), drills) & actor_near
    # "boards a Philippine vessel, injuring crew": a boarding that hurts people is violence.
    boarded = [h for h in hits.get("agentive", []) if h.text.startswith("board")]
    violent = near(boarded, _hurt(doc, hits.get("incident", []))) & actor_near
    severe_hits = [
        h
        for h in _own_acts(context, affirmed(doc, hits.get("severe", [])))
        if h not in recalled and not _civil_blockade(doc, h) and not _figurative(doc, h)
    ]
    live_fire = [h for h in affirmed(doc, hits.get("live fire", [])) if h not in recalled]
    theatre_fire = near(_beyond_mainland(doc, live_fire), theatres, window=1) & actor_near
    sentences = (
        {s for s in near(severe_hits, anchors) if s in actor_near}
        | encircling
        | theatre_fire
        | violent
    )
    decisive = severe_hits + live_fire + hits.get("around", [])
    return _Severe(sentences, encircling, decisive, drills, live_fire, recalled)


def _incidents(
    doc: Document, context: Context, hits: dict[str, list[Hit]], severe: _Severe, attacks: set[int]
) -> tuple[set[int], list[Hit]]:
    """Sentences of China's concrete incidents and measures, and the incident words that
    allies only voice concern about (context)."""
    actors = hits.get("actor", [])
    # An attack or espionage in a cyber sentence is a cyber incident: China's share of it is
    # attribution (1, in `_friction`).
    cyber = {hit.sentence for hit in hits.get("cyber", [])}
    incursions = near(hits.get("entry", []), hits.get("zone", []))
    agentive = affirmed(doc, hits.get("agentive", []))
    agents = _agents(doc, actors) if agentive else []
    embargoes = [h for h in hits.get("export ban", []) if h.text.startswith("embargo")]
    trade_stops = _trade_stops(doc, hits.get("stop", []) + embargoes)
    # "The carrier Fujian sailed through the Miyako Strait into the Pacific": a transit of an
    # international strait is watched, friction (1), not an incident.
    assets = hits.get("asset", [])
    passing = [h for h in assets if in_sentence(doc, h.sentence, _TRANSIT)]
    assets = [h for h in assets if h not in passing]
    words = (
        _standing(doc, affirmed(doc, hits.get("incident", [])))
        # China's drills, not allies' drills in a sentence that also names China ("HMS Spey
        # joins a Japanese destroyer for drills; a Chinese frigate shadows").
        + with_actor(severe.drills, actors, doc.text, ahead=None, behind=OBJECT_REACH)
        + severe.live_fire
        + with_actor(assets, actors, doc.text, ahead=OWNER_REACH)
        + with_actor(agentive, agents, doc.text, ahead=None, behind=OBJECT_REACH)
        # "China halts banana imports from 12 packers": China stopping its own purchases.
        + with_actor(
            [h for h in trade_stops if h.group == "import ban"],
            actors,
            doc.text,
            ahead=OWNER_REACH,
        )
    )
    bans = hits.get("export ban", []) + with_actor(
        [h for h in trade_stops if h.group == "export ban"], actors, doc.text, ahead=OWNER_REACH
    )
    # A ban aimed at others: a named state, or Europe's firms ("exports to European defence
    # companies"), a bloc the country names do not resolve.
    targeted = {
        s
        # China as where the banned goods go ("exports of ore to China") is no party to it.
        for s in near(_own_acts(context, _current(doc, bans)), _agents(doc, actors))
        if context.countries_by_sentence.get(s, frozenset()) - {"CN"}
        or in_sentence(doc, s, _EUROPEAN)
    }
    # "amid repeated confrontations with China's coast guard": a habit, the setting of the
    # story, not its incident.
    voiced = (
        _voiced(doc, words, actors)
        + with_actor(passing, actors, doc.text, ahead=OWNER_REACH)
        + [h for h in words if preceded(doc.text, h.start, _HABITUAL, 40)]
    )
    stated = [h for h in words if h not in voiced]
    sentences = (
        near(stated, actors) | (incursions & near(actors, actors)) | (attacks - cyber) | targeted
    )
    return sentences, voiced


# "Smelter operators, many of them backed by Chinese battery firms, warned", "a Chinese-backed
# consortium": China's firms and investors are commerce, not the state whose friction the
# words would report.
_COMMERCE = re.compile(
    r"(?:-(?:backed|owned|led|run|operated|financed|controlled))?"
    r"\s+(?:[\w\-]+\s+){0,4}?(?:firms?|mines?|projects?|compan(?:y|ies)|investors?|financiers"
    r"|buyers|smelters?|producers?|miners|banks|lenders|owners?|operators?|consortium"
    r"|shareholders?|developers?|refiners?|refiner(?:y|ies)|plants?|makers?|processors?"
    r"|converters?|traders?|suppl(?:y|iers?)|customers?|demand|exporters?|importers?"
    r"|manufacturers?|stocks?|stockpiles?|output)\b"
)


def _uncommercial(doc: Document, actors: list[Hit]) -> list[Hit]:
    """The China actors other than the demonym of its firms and investors."""
    return [
        h
        for h in actors
        if not (h.text == "chinese" and _COMMERCE.match(doc.text, h.start + len(h.text)))
    ]


# "days after Washington tightened curbs on exports of advanced chips to China": the rivals'
# measures on chips, the setting of a move as its answer.
_TECH_CURBS = re.compile(
    r"\b(?:curbs?|restrictions?|controls?|bans?)\s+(?:[\w'’-]+\s+){0,6}?"
    r"(?:chips?|semiconductors?|chipmaking|chip-making)\b"
    r"|\b(?:chip|semiconductor|chipmaking)\s+(?:curbs?|restrictions?|controls?|bans?)\b"
)


def _curbed(doc: Document, actors: list[Hit]) -> set[int]:
    """The sentences naming China that name the rivals' chip curbs too."""
    if "chip" not in doc.text and "semiconductor" not in doc.text:
        return set()  # a substring test spares the regex on most texts
    return {s for s in {h.sentence for h in actors} if in_sentence(doc, s, _TECH_CURBS)}


def _friction(
    doc: Document,
    hits: dict[str, list[Hit]],
    severe: _Severe,
    voiced: list[Hit],
    parties: list[Hit],
    attacks: set[int],
) -> set[int]:
    """Sentences of friction and rivalry: China's background (1). `parties` are the China
    actors not named as a contrast; `attacks` the sentences of attacks or spying by them."""
    actors, waters = hits.get("actor", []), hits.get("waters", [])
    contest = _current(doc, hits.get("contest", []))
    answered = _answered(doc, hits.get("leverage", []), actors)
    return (
        near(contest + _current(doc, hits.get("friction", [])), _uncommercial(doc, parties))
        | _curbed(doc, actors)
        # "a hacking group known as MirrorFace... connected to China's state security": an
        # attribution may name China in the sentence next to the hacking.
        | near(hits.get("cyber", []), parties, window=1)
        | {h.sentence for h in with_actor(hits.get("threaten", []), actors, doc.text, ahead=None)}
        | near(contest + voiced, waters)
        | near(voiced + severe.recalled + answered, actors)
        | attacks
    )


# "costs may only be justified if Chinese supply is cut off", "develop joint responses if
# either country is targeted by trade restrictions": an act supposed, neither made nor threatened.
_SUPPOSING = re.compile(
    r"\b(?:if|unless|in\s+case|in\s+the\s+event\s+(?:that\s+)?)\b[^.;,:]{0,50}$"
)
_SUPPOSABLE = (
    "severe",
    "incident",
    "agentive",
    "export ban",
    "stop",
    "live fire",
    "drill",
    "entry",
)


def _supposed(doc: Document, hit: Hit) -> bool:
    """Whether a condition clause, in the hit's sentence, governs the hit."""
    return preceded(doc.text, hit.start, _SUPPOSING, min(60, hit.start - doc.starts[hit.sentence]))


_FORMAL_PROTEST = re.compile(
    r"\b(?:summon\w*|(?:lodg|fil)\w*\s+(?:a\s+)?(?:formal\s+|diplomatic\s+|strong\s+)?protest)"
)


_LISTED_FIRMS = re.compile(
    r"\b(?:compan\w*|firms?|contractors?|entities|subsidiaries|makers?|suppliers?)\s+"
    r"(?:on|to)\s+(?:its\s+|the\s+)?$"
)


# "An explosion at a Chinese-owned smelter injured seven workers": an industrial accident.
_ACCIDENT = re.compile(r"\b(?:explosions?|accidents?|landslides?|furnaces?|collapsed?|blaze)\b")


def _incident_senses(doc: Document, incidents: list[Hit]) -> list[Hit]:
    """The incident words in their incident sense: an export control list only where firms
    are put on it, and no injuries in an accident's sentence."""
    return [
        h
        for h in incidents
        if (h.text != "export control list" or preceded(doc.text, h.start, _LISTED_FIRMS, 30))
        and not (h.text.startswith("injur") and in_sentence(doc, h.sentence, _ACCIDENT))
    ]


# "Commentary: The Tokyo-Beijing freeze is settling into a new normal": an opinion, column or
# explainer headlined on China and about it throughout is the rubric's analysis (1), even
# when its words of rivalry are not the lists' ("a chill", "managed hostility").
ANALYSED_SENTENCES = 3
_STATE_NAMES = frozenset({"china", "china's", "chinese", "beijing", "beijing's", "prc"})


def _analysed(doc: Document, context: Context, parties: list[Hit]) -> set[int]:
    """The sentences naming China as a state (not its firms or buyers, not "PLA" plastic)
    in an analysis piece headlined on China; none unless there are `ANALYSED_SENTENCES`."""
    if not context.analysis_title:
        return set()
    named = context.countries_by_sentence
    sentences = {
        h.sentence
        for h in _uncommercial(doc, parties)
        if h.text in _STATE_NAMES and "CN" in named.get(h.sentence, ())
    }
    if 0 not in sentences or len(sentences) < ANALYSED_SENTENCES:
        return set()
    return sentences


def read_china(doc: Document, context: Context) -> DimensionReading:
    hits = doc.scan(PATTERN)
    if not hits.get("actor") and not hits.get("waters"):
        return reading(0, 0, (), None)
    for group in _SUPPOSABLE:
        if group in hits:
            hits[group] = [h for h in hits[group] if not _supposed(doc, h)]
    hits["incident"] = _incident_senses(doc, hits.get("incident", []))
    acts = _severe(doc, context, hits)
    severe, encircling = acts.sentences, acts.encircling
    # "one of the few sources outside China": China as the contrast is no party to an attack.
    parties = _uncontrasted(doc, hits.get("actor", []))
    attacks = near(affirmed(doc, _spying(hits)), parties)
    incident, voiced = _incidents(doc, context, hits, acts, attacks)
    friction = _friction(doc, hits, acts, voiced, parties, attacks)
    first_severe = first_offsets(acts.hits)
    firm_severe = {
        s
        for s in severe
        if context.in_lead(s)
        and not context.hedged(s, rehearsal=s not in encircling, at=first_severe.get(s))
        and not _announced(doc.text, doc.starts[s], first_severe.get(s))
    }
    lead_incident = {s for s in incident if context.in_lead(s)}
    # "Manila blames Chinese state hackers... The foreign ministry summoned the Chinese
    # ambassador": a formal protest answering an attribution in the lead is its own incident.
    if any(context.in_lead(s) for s in near(hits.get("cyber", []), parties, window=1)):
        lead_incident |= {s for s in incident if in_sentence(doc, s, _FORMAL_PROTEST)}
    # Sport, travel or food writing ("China edge Japan... early attacks off the serve") needs
    # severe acts in two sentences to be about China's conduct: its attacks and rivalries,
    # even a Go player's "invasion", are the game's.
    if context.genres:
        # ... and then only severe acts by armed forces: a Go star's "invasion" and a
        # "tightened encirclement" of stones are the game's, however often they recur.
        severe = {s for s in severe if in_sentence(doc, s, _ARMED_FORCES)}
        if len(severe) < 2:
            return reading(0, 0, ("china",), None)
        firm_severe &= severe
    kind: SignalKind
    if firm_severe:
        level, kind, support = 3, "act", firm_severe | incident
        tiers = [firm_severe, severe, lead_incident, incident]
    elif severe or len(incident) >= 2 or lead_incident:
        level, kind, support = 2, "act", severe | incident
        tiers = [severe, lead_incident, incident]
        if all(context.hedged(s) for s in support):
            kind = "threat"
    elif incident or friction:
        level, kind, support = 1, "background", incident | friction
        tiers = [incident, friction]
    elif subject := _analysed(doc, context, parties):
        level, kind, support = 1, "background", subject
        tiers = [subject]
    else:
        return reading(0, 0, ("china",), None)
    groups = (
        "severe",
        "live fire",
        "around",
        "incident",
        "agentive",
        "drill",
        "zone",
        "attack",
        "contest",
        "threaten",
        "friction",
        "cyber",
    )
    evidence = evidence_of(context.original, [h for g in groups for h in hits.get(g, [])], tiers)
    return reading(level, len(support), evidence, kind)
