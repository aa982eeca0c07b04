"""`cyber`: cyber incidents, state campaigns and, at level 1, cyber policy and analysis.

The topic (cyber, ransomware, hackers, a named crew or campaign) must share a sentence with
an act word (attack, breach, leak, outage) for an incident (2). A state campaign named with
an act (Volt/Salt Typhoon, APT40, "state-sponsored"), or an act on critical or national
infrastructure stated in the lead, is 3. Policy, law, strategy and cooperation are 1.
"""

from __future__ import annotations

from georisk.core.documents import DimensionReading
from georisk.core.extraction.document import Document
from georisk.core.extraction.lexicon import compile_groups
from georisk.core.extraction.rules import Context, evidence_of, near, reading
from georisk.models import SignalKind

VOCABULARY: dict[str, tuple[str, ...]] = {
    "campaign": (
        "Volt Typhoon",
        "Salt Typhoon",
        "Flax Typhoon",
        "Silk Typhoon",
        "APT*",
        "state-sponsored",
        "state sponsored",
        "state-backed",
        "state-linked",
        "nation-state",
        "Lazarus Group",
        "Sandworm",
        "Fancy Bear",
        "Cozy Bear",
        "MSS",
        "Ministry of State Security",
    ),
    "topic": (
        "cyber*",
        "ransomware",
        "malware",
        "hack*",
        "breach*",
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
        "data leak*",
        "infiltrat*",
        "unauthorized access",
        "unauthorised access",
        "intrusion*",
        "exploit*",
        "vulnerabilit*",
        "IT systems",
        "IT outage",
        "compromis*",
    ),
    "scale": (
        "critical infrastructure",
        "critical national infrastructure",
        "nationwide",
        "national security",
        "telecom*",
        "ISPs",
        "internet service providers",
        "power grid*",
        "electricity grid",
        "water systems",
        "ports",
        "port operator*",
        "ports operator",
        "healthcare system",
        "hospitals",
        "claims processing",
        "pipeline",
        "wiretap*",
        "lifeline sectors",
        "for weeks",
        "several weeks",
        "billing crisis",
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
        "hacked",
        "infiltrated",
        "compromised",
        "intercept*",
        "exfiltrat*",
        "dismantl*",
        "takedown",
        "taken down",
        "seized",
        "seizure",
        "attribut*",
        "exposes",
        "exposed",
        "called out",
        "calls out",
        "advisory",
        "targeted",
        "targeting",
        "unauthorized access",
        "unauthorised access",
        "intrusion*",
        "incident",
        "DDoS",
        "pen and paper",
    ),
    "policy": (
        "law",
        "legislation",
        "bill",
        "strategy",
        "active cyber defense",
        "active cyber defence",
        "cyber defence*",
        "cyber defense*",
        "cybersecurity",
        "cyber security",
        "cyber resilience",
        "resilience",
        "partnership",
        "cooperation",
        "hybrid threat*",
        "cyber threat*",
        "cyberattacks",
        "cyber-attacks",
        "pre-positioning",
        "regulat*",
        "framework",
        "capabilit*",
        "defence*",
        "defense*",
    ),
}

_PATTERN = compile_groups(VOCABULARY)


def read_cyber(doc: Document, context: Context) -> DimensionReading:
    hits = doc.scan(_PATTERN)
    topic = hits.get("topic", []) + hits.get("campaign", [])
    if not topic:
        return reading(0, 0, (), None)
    acts = hits.get("act", [])
    incident = near(topic, acts)
    campaign = near(hits.get("campaign", []), acts + topic, window=1)
    scaled = incident & near(hits.get("scale", []), topic + acts, window=1)
    firm = {s for s in campaign | scaled if context.in_lead(s) and not context.hedged(s)}
    policy = near(hits.get("policy", []), topic) | {h.sentence for h in topic}
    if context.genres and len(incident) < 3:
        return reading(0, 0, ("cyber",), None)
    kind: SignalKind
    if firm and len(incident) >= 2:
        level, kind, support = 3, "act", firm | incident
    elif len(incident) >= 2 or any(context.in_lead(s) for s in incident):
        level, kind, support = 2, "act", incident
    elif incident or len(policy) >= 2:
        level, kind, support = 1, "background", incident | policy
    else:
        return reading(0, 0, ("cyber",), None)
    groups = ("campaign", "topic", "scale", "act", "policy")
    evidence = evidence_of([h for g in groups for h in hits.get(g, [])], support)
    return reading(level, len(support), evidence, kind)
