"""`cyber`: cyber incidents, state campaigns and, at level 1, cyber policy and analysis.

The topic (cyber, ransomware, hackers, a named crew or campaign) must share a sentence with
an act word (attack, breach, leak, outage) for an incident (2). A state campaign named with
an act (Volt/Salt Typhoon, APT40), or an act on critical or national infrastructure stated in
the lead, is 3; a generic "state-sponsored" breach of one target is 2. Policy, law, strategy
and cooperation are 1.
"""

from __future__ import annotations

import re

from georisk.core.documents import DimensionReading
from georisk.core.extraction.document import Document, Hit
from georisk.core.extraction.lexicon import compile_groups, lower_ascii
from georisk.core.extraction.rules import (
    ASSERTED,
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

VOCABULARY: dict[str, tuple[str, ...]] = {
    "campaign": (
        "Volt Typhoon",
        "Salt Typhoon",
        "Flax Typhoon",
        "Silk Typhoon",
        # Numbered groups (APT28, APT40): a bare "APT" is ammonium paratungstate in tungsten
        # trade prices.
        *(f"APT{digit}*" for digit in "123456789"),
        "state-sponsored",
        "state sponsored",
        "state-backed",
        "state-affiliated",
        "state actor*",
        "government-backed",
        "China-backed",
        "Beijing-backed",
        "Russia-backed",
        "Kremlin-backed",
        "Iran-backed",
        "North Korea-backed",
        "China-linked",
        "Russia-linked",
        "Iran-linked",
        "North Korea-linked",
        "GRU",
        "military intelligence unit",
        "state-linked",
        "nation-state",
        "Lazarus Group",
        "Sandworm",
        "Fancy Bear",
        "Cozy Bear",
        "Ministry of State Security",
        # Vendors' names for threat actors: Mandiant "UNC3886", Microsoft "Storm-0558".
        *(f"UNC{digit}*" for digit in "123456789"),
        *(f"Storm-{digit}*" for digit in "0123456789"),
    ),
    # Words that are topic and act at once: "a cyberattack" needs no other verb.
    "incident": (
        "cyberattack*",
        "cyber-attack*",
        "cyber attack*",
        "cyber incident*",
        "cyber breach*",
        "ransomware attack*",
        "data breach*",
        "data leak*",
        "hacked",
        "DDoS*",
        # Qualified: a warship's "intrusion" into territorial waters is no cyber incident.
        "network intrusion*",
        "computer intrusion*",
        "cyber intrusion*",
        "intrusion detection",
        "unauthorized access",
        "unauthorised access",
        "hack attack*",
        "hacking campaign*",
    ),
    "act": (
        "attack*",
        "breach*",
        "leak*",
        "stole*",
        "stolen",
        "theft",
        "disrupt*",
        "outage*",
        "shut down",
        "shutdown",
        "halt*",
        "cripple*",
        "paralys*",
        "encrypt*",
        "ransom",
        "extort*",
        "infiltrated",
        "burrowed",
        # What a botnet's operators do to devices: "260,000 hijacked routers", "infected".
        "hijack*",
        "infected",
        # Malware placed in systems: "had planted malicious software in control systems".
        "planted",
        "implanted",
        "intrusion*",
        "break into",
        "breaking into",
        "broke into",
        "broken into",
        "compromised",
        "intercept*",
        "exfiltrat*",
        "dismantl*",
        "takedown",
        "taken down",
        # Headline verbs: "ransomware hits control systems", "hit by a cyberattack".
        "hits",
        "hit by",
        "struck by",
        "take down",
        "takes down",
        "took down",
        "knock out",
        "knocks out",
        "knocked out",
        "seized",
        "seizure",
        "attribut*",
        "exposes",
        "exposed",
        "called out",
        "sabotage",
        "calls out",
        "advisory",
        "targeted",
        "targeting",
        "incident",
        "pen and paper",
        # Volt Typhoon's allegation itself: hidden in networks, ready to disrupt.
        "pre-position*",
        "prepositioned",
        "access",
        "accessed",
        "accessing",
    ),
    "topic": (
        "cyber*",
        "ransomware",
        "malware",
        "infostealer*",
        "hack*",
        "DDoS",
        "denial-of-service",
        "denial of service",
        "phishing",
        "spyware",
        "wiper",
        "botnet",
        "zero-day",
        "threat actor*",
        "LockBit",
        "Rhysida",
        "ALPHV",
        "BlackCat",
        "Scattered Spider",
        "DragonForce",
        "Cl0p",
        "Clop",
        "NoName057*",
        "Killnet",
        "hacktivist*",
        # What "cybersecurity" (a topic through "cyber*") is called in plain words.
        "network security",
        "information security",
        "IT outage",
    ),
    # Technical words with other senses ("projects to exploit the metal", "measures against
    # Chinese infiltration", "vulnerabilities in strategic sectors"): a cyber topic only in a
    # text that names cyber in plain words somewhere.
    "technical": (
        "infiltrat*",
        "exploit*",
        "vulnerabilit*",
        "IT systems",
        "compromised",  # not "a compromise" in political copy
    ),
    "scale": (
        "critical infrastructure",
        "critical national infrastructure",
        "nationwide",
        "national emergency",
        "state of emergency",
        "national data cent*",
        "national security",
        "telecom*",
        "ISPs",
        "mobile network*",
        "mobile operator*",
        "across the country",
        "internet service providers",
        "power grid*",
        "electricity grid",
        # What an attack on the grid does: "cuts power to 210,000 homes".
        "blackout*",
        "power cut*",
        "power outage*",
        "cut power",
        "cuts power",
        "without power",
        "water systems",
        "water plants",
        "water treatment",
        "water utilit*",
        "water company",
        "water companies",
        "boil-water",
        # Industrial control: what runs plants, pumps and grids.
        "control systems",
        "industrial control*",
        "operational technology",
        "SCADA",
        "national platform*",
        # A nation's digital identity logs everyone into banks and public services.
        "digital ID",
        "digital identity",
        "ports",
        "airports",
        "air traffic control",
        # Railways run on them: "a cyberattack disabled the signalling system".
        "signalling system*",
        "signaling system*",
        "traffic control system*",
        "traffic-management system*",
        "traffic management system*",
        "rail network*",
        "railway network*",
        "healthcare system",
        "claims processing",
        "pipeline",
        "wiretap*",
        "lifeline sectors",
        "for weeks",
        "several weeks",
        "billing crisis",
    ),
    # The internet's physical links: a cut or guarded data cable is cyber background (1),
    # never an incident by itself (an anchor drag is no hack).
    "cable": (
        "undersea cable*",
        "subsea cable*",
        "submarine cable*",
        "data cable*",
        "internet cable*",
        "telecommunications cable*",
        "communications cable*",
        "fibre-optic cable*",
        "fiber-optic cable*",
        "telecom cable*",
        "telecoms cable*",
        "seabed cable*",
        "undersea power cable*",
        "subsea power cable*",
    ),
    # What makes an actor's intrusion a campaign: the word, or years of it.
    "campaign word": (
        "campaign",
        "campaigns",
        "years-long",
        "year-long",
    ),
    # Flooding websites: a denial of service against web pages, however many, is moderate.
    "website": ("website*", "web site*", "web page*"),
    # An attempt is an incident but not a severe one: "hackers tried to breach".
    "attempt": ("attempt*", "tried to", "trying to"),
    # Cyber as a field of cooperation or capability: background (1), never excluding an act.
    "field": (
        "measures",
        "cybersecurity",
        "cyber security",
        "partnership",
        "cooperation",
        "hybrid threat*",
        # Police, not a statute: listed before the policy words so "law" does not make the
        # sentence policy.
        "law enforcement",
        "law-enforcement",
        "capabilit*",
        "defence*",
        "defense*",
        # Cyber as a line of business: insurance market commentary is background.
        "insurance",
        "insurer*",
        "underwrit*",
        "premiums",
    ),
    # Sentences about laws and strategies describe attacks in general, not an incident.
    "policy": (
        "law",
        "laws",
        "legislation",
        "amendment*",
        "directive*",
        "code of practice",
        "codes of practice",
        "mandatory",
        "bill",
        "enact*",
        "strategy",
        "policy",
        "regulation*",
        "rules",
        "framework",
        # Duties to report (see `_DUTY`): "reporting rules", "under revised guidelines".
        "guidelines",
        "reporting rule*",
        "reporting requirement*",
        "reporting obligation*",
        "reporting regime*",
        "active cyber defense",
        "active cyber defence",
        "resilience",
        "preempt*",
        # Exercises rehearse attacks in general: "a joint exercise to respond to an attack".
        "exercise*",
        "tabletop*",
        "drill*",
        "war game*",
        "wargam*",
    ),
}

PATTERN = compile_groups(VOCABULARY)
GENERIC_CAMPAIGN = frozenset(
    lower_ascii(word)
    for word in VOCABULARY["campaign"]
    if word.endswith(("backed", "sponsored", "affiliated", "linked", "state"))
) | {"state actor", "state actors"}
# A spy agency is a cyber actor only in a text that names cyber: "passing drone data to an
# officer of China's Ministry of State Security" is espionage by a person.
AGENCIES = frozenset({"ministry of state security"})


# A review's or a thriller's headline names its plot: "Review: 'Code Red Ward' turns a hospital
# ransomware attack into a gripping thriller".
_REVIEW_TITLE = re.compile(r"\b(?:reviews?|thrillers?)\b")
_MEASURE_TITLE = re.compile(r"\b(?:sanction(?:s|ed|ing)?|charges|charged|indicts?|indicted)\b")
_FLOODING = ("ddos", "denial")
# "knocks out card payments across New Zealand": an outage as wide as a state.
_ACROSS = re.compile(r"\bacross\s+(?:the\s+)?$")


def _across_a_state(context: Context) -> list[Hit]:
    """A state named right after "across", as a scale hit."""
    text = context.original.text
    if "across" not in text:
        return []
    return [
        Hit("scale", "across", context.original.sentence_of(m.offset), m.offset)
        for m in context.mentions
        if preceded(text, m.offset, _ACROSS, 12)
    ]


# "Process control systems were isolated and not affected", "traffic at the ports is
# unaffected": the infrastructure named is what the attack spared.
_SPARED = re.compile(
    r"\b(?:not\s+(?:been\s+)?affected|unaffected|not\s+compromised|were\s+isolated"
    r"|continued\s+to\s+(?:operate|run|produce)"
    # A utility's office systems, not its plant: "disrupts billing at Kedah water utility".
    r"|billing|customer\s+(?:portals?|systems|accounts|service))\b"
)
# One in every phrase: a substring test spares the regex on most texts.
_SPARED_WORDS = ("affected", "compromised", "isolated", "continued", "billing", "customer")


_CABLE = re.compile(r"\bcables?\b")


def _cables(doc: Document, context: Context, cables: list[Hit]) -> DimensionReading:
    """A text about data cables (in its title, or in two sentences) that names no cyber
    topic: background (1), outside genres. A cable in a list of fields is passing."""
    sentences = {h.sentence for h in cables}
    # Once the text has named a data cable, "the cables" and "the Pratas cable" are it.
    if cables:
        sentences |= {doc.sentence_of(m.start()) for m in _CABLE.finditer(doc.text)}
    if context.genres or not (0 in sentences or len(sentences) >= 2):
        return reading(0, 0, (), None)
    evidence = evidence_of(context.original, cables, [sentences])
    return reading(1, len(sentences), evidence, "background")


# "hit by DDoS attacks as China's military held exercises around the island": armed forces'
# drills are the news around the attack, not a cyber exercise rehearsing one.
_ARMED = re.compile(
    r"\b(?:military|naval|army|pla|chinese|china's|live-fire|air|navy|war)\s+(?:\w+\s+){0,2}$"
)
_DRILLING = ("exercise", "drill", "war game", "wargam")


# Several states attributing together: "the Five Eyes partners - New Zealand, Canada, the US
# and UK - along with Germany, Japan and Korea".
_COALITION = 3


def _major(context: Context, campaign: set[int], campaigns: set[int], named: list[Hit]) -> set[int]:
    """The campaign sentences that make it a major state campaign, the rubric's 3: named as a
    campaign or by its years ("a years-long campaign") a sentence away, a Typhoon (the rubric's
    Volt and Salt Typhoon), or attributed by a coalition of states in the lead. Otherwise a
    named actor's intrusion is an incident naming an actor (2)."""
    if any(h.text.endswith("typhoon") for h in named) or any(
        len(codes) >= _COALITION
        for s, codes in context.countries_by_sentence.items()
        if context.in_lead(s)
    ):
        return campaign
    return {c for c in campaign if any(abs(c - w) <= 1 for w in campaigns)}


def _military(text: str, hit: Hit) -> bool:
    """Whether an exercise word names armed forces' drills: "PLA drills", "the military held
    exercises", or drills "around" a place."""
    if not hit.text.startswith(_DRILLING):
        return False
    after = text[hit.start + len(hit.text) : hit.start + len(hit.text) + 12]
    return preceded(text, hit.start, _ARMED, 30) or after.lstrip().startswith(("around", "near"))


# "warn that state hackers are exploiting routers": a present progressive states the act.
_UNDERWAY = re.compile(r"\b(?:is|are)\s+$")
_WARNED_OF = re.compile(r"\bwarn(?:s|ed|ing)?\s+(?:[\w\-]+\s+){0,6}?(?:of|about)\b")


# "will require terminal operators to report cyber incidents within 24 hours": the incidents
# a duty covers are none that happened.
_DUTY = re.compile(
    r"\b(?:to|must|shall)\s+report\s+(?:(?:any|all|significant|serious|major|material)\s+)*"
    r"(?:cyber[\s\-]*)?(?:security\s+)?(?:incidents?|attacks?|cyberattacks?|cyber-attacks?"
    r"|breach(?:es)?|data\s+breach(?:es)?)\b"
)


def _duties(doc: Document, compound: list[Hit]) -> set[int]:
    """The sentences whose incident words are what a reporting duty covers."""
    return {s for s in {h.sentence for h in compound} if in_sentence(doc, s, _DUTY)}


# "...accused state-backed hackers of a three-year campaign. The intrusions compromised
# systems at the Cabinet Office": an act named with a definite article recalls the hacking of
# the sentence before.
_DEFINITE = re.compile(r"\b(?:the|these|those|this)\s+$")


def _recalled(doc: Document, acts: list[Hit], topic: list[Hit]) -> set[int]:
    """Sentences whose act, named as "the intrusions", follows a sentence of cyber topic."""
    topical = {h.sentence for h in topic}
    return {
        h.sentence
        for h in acts
        if h.sentence - 1 in topical and preceded(doc.text, h.start, _DEFINITE, 8)
    }


_HACKING = ("hack", "ransomware", "malware", "ddos", "phishing", "spyware", "wiper", "botnet")


def _hack_titled(doc: Document, topic: list[Hit]) -> bool:
    """Whether the headline names an attack's kind ("over hack of submarine supplier"), so
    the opening sentence's act ("behind a breach at an engineering firm") is that attack."""
    return doc.title_end > 0 and any(h.sentence == 0 and h.text.startswith(_HACKING) for h in topic)


def read_cyber(doc: Document, context: Context) -> DimensionReading:
    hits = doc.scan(PATTERN)
    # "denied any cyberattack", "no evidence of a breach": a negated phrase reports nothing.
    # "will coordinate public attributions of malicious cyber activity": what partners will
    # do together names no incident.
    joint = JointWork(doc)
    compound = joint.outside(affirmed(doc, hits.get("incident", [])))
    # A named campaign is a cyber topic by itself; "state-backed" is not ("state-backed agencies
    # will co-finance mines").
    plain = affirmed(doc, hits.get("topic", [])) + compound
    named_topic = [
        h
        for h in hits.get("campaign", [])
        if h.text not in GENERIC_CAMPAIGN and (plain or h.text not in AGENCIES)
    ]
    topic = plain + named_topic
    if not topic:
        return _cables(doc, context, hits.get("cable", []))
    topic += affirmed(doc, hits.get("technical", []))
    acts = joint.outside(affirmed(doc, hits.get("act", []))) + compound
    hits["policy"] = [h for h in hits.get("policy", []) if not _military(doc.text, h)]
    policy = {h.sentence for h in hits["policy"]} | _duties(doc, compound)
    incident = (
        near(topic, acts) | {h.sentence for h in compound} | _recalled(doc, acts, topic)
    ) - policy
    # "Cyberattack forces water utilities into manual operation. ... after attackers tampered
    # with a monitoring platform": the headline's incident is the opening sentence's topic.
    headlined = any(h.sentence == 0 for h in compound)
    if headlined or _hack_titled(doc, topic):
        incident |= {h.sentence for h in acts if h.sentence == 1} - policy
    first_act = first_offsets(acts)
    # "published a joint advisory warning that a hacking group has compromised routers": a
    # perfect tense states the act, whatever hedge came before it.
    stated = {
        s
        for s in incident
        if not context.hedged(s, at=first_act.get(s))
        or any(
            h.sentence == s
            and (
                preceded(doc.text, h.start, ASSERTED, 20)
                or preceded(doc.text, h.start, _UNDERWAY, 12)
            )
            for h in acts
        )
    }
    # A generic "state-backed" says who, not how big: it takes scale, or a campaign, to make it
    # severe ("a China-linked group ran a five-year espionage campaign").
    campaigns = {h.sentence for h in hits.get("campaign word", [])}
    generic = [h for h in hits.get("campaign", []) if h.text in GENERIC_CAMPAIGN]
    # "UK sanctions two Chinese firms over hacking of parliamentary email": under a title
    # reporting a measure against the hackers, the spy agency they served says who, not how big.
    if _MEASURE_TITLE.search(doc.text, 0, doc.end(0)):
        generic += [h for h in named_topic if h.text in AGENCIES]
        named_topic = [h for h in named_topic if h.text not in AGENCIES]
    named_hits = named_topic + [h for h in generic if h.sentence in campaigns]
    campaign = near(named_hits, acts + topic, window=1)
    scale = hits.get("scale", [])
    if any(word in doc.text for word in _SPARED_WORDS):
        scale = [h for h in scale if not in_sentence(doc, h.sentence, _SPARED)]
    scale += _across_a_state(context)
    flooded = any(h.text.startswith(_FLOODING) for h in topic) and hits.get("website")
    scaled = near(scale, compound + acts, window=1) if incident and not flooded else set()
    attempted = {h.sentence for h in hits.get("attempt", [])}
    firm = {
        s
        for s in (_major(context, campaign, campaigns, named_hits) | scaled) - attempted - policy
        if context.in_lead(s) and not context.hedged(s, at=first_act.get(s))
    }
    framing = hits.get("policy", []) + hits.get("field", [])
    background = near(topic, framing) | {h.sentence for h in topic}
    # A sport or game text needs incidents in three sentences, and a film, novel or game's are
    # its plot however many; unless the headline names one ("J.League club postpones ticket
    # sales after ransomware attack", "studio hacked").
    if "screen" in context.genres and _REVIEW_TITLE.search(doc.text, 0, doc.end(0)):
        headlined = False  # "Review: a thriller turns a hospital ransomware attack into..."
    if context.genres and (len(incident) < 3 or "screen" in context.genres) and not headlined:
        return reading(0, 0, ("cyber",), None)
    # A named state campaign stated as an act in the lead is the rubric's "attribution of a
    # major state campaign (Volt Typhoon, Salt Typhoon)"; a generic "state-backed" needs more.
    named = {h.sentence for h in named_hits}
    # A piece titled by a law, bill or strategy is about policy: the attacks it cites are why
    # the law exists ("requires firms to report ransomware attacks"), so they are background.
    if any(h.sentence == 0 for h in hits.get("policy", [])) and 0 not in incident:
        stated = firm = set()
    # "KISA warns of Kimsuky spear-phishing campaign": an agency's warning of a campaign it
    # attributes is the rubric's advisory naming an actor, not a threat of one.
    advised = {s for s in campaign if context.in_lead(s) and in_sentence(doc, s, _WARNED_OF)}
    kind: SignalKind
    if firm and (len(stated) >= 2 or firm & stated & named):
        level, kind, support = 3, "act", firm | stated
        tiers = [firm, stated]
    elif len(stated) >= 2 or any(context.in_lead(s) for s in stated) or advised:
        level, kind, support = 2, "act", stated | advised
        tiers = [{s for s in stated if context.in_lead(s)}, advised, stated]
    elif incident or near(topic, framing) or (context.analysis_title and acts):
        # An opinion piece on cyber crime ("Banning ransom payments is overdue") is the
        # rubric's policy debate even when no sentence pairs the topic with an act.
        level, kind, support = 1, "background", incident | background
        tiers = [incident, near(topic, framing), background]
    else:
        return reading(0, 0, ("cyber",), None)
    groups = ("campaign", "incident", "act", "scale", "topic", "policy", "field")
    evidence = evidence_of(context.original, [h for g in groups for h in hits.get(g, [])], tiers)
    return reading(level, len(support), evidence, kind)
