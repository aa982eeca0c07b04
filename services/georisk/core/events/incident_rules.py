"""Cyber-incident reports: the UK NCSC category sets the `cyber` level; attribution to a threat
actor of the scope also registers on `china_tension`."""

from __future__ import annotations

from georisk.core.documents import DimensionReading
from georisk.core.events.readings import Finding, coverage_confidence, coverage_evidence
from georisk.models import CyberIncident, Event
from georisk.scopes import ScopeConfig

# NCSC categories (1 = national cyber emergency … 6 = localised) against the 0–3 rubric:
# 1–2 hit essential services, central government or much of the economy (nationwide /
# critical infrastructure: 3); 3–4 hit one large organisation or local government (one hospital
# or port: 2); 5–6 are moderate or localised (background: 1).
NCSC_LEVEL = {1: 3, 2: 3, 3: 2, 4: 2, 5: 1, 6: 1}
NCSC_NAMES = {
    1: "national cyber emergency",
    2: "highly significant",
    3: "significant",
    4: "substantial",
    5: "moderate",
    6: "localised",
}
# A structured incident report is curated, so it starts well above a single news row.
INCIDENT_CONFIDENCE = 0.8
ATTRIBUTION_LEVEL = 1


def incident_findings(event: Event, scope: ScopeConfig) -> list[Finding]:
    """`cyber` from the NCSC category; `china_tension` when attributed to a threat actor."""
    incident = event.incident
    if incident is None:
        return []
    confidence = _confidence(event)
    evidence = (
        f"NCSC category {incident.category} incident",
        f"{NCSC_NAMES[incident.category]} (category {incident.category} of 6)",
        *_details(incident),
        *coverage_evidence(event.num_sources, event.num_mentions),
    )
    findings: list[Finding] = [
        ("cyber", DimensionReading(NCSC_LEVEL[incident.category], confidence, evidence, "act"))
    ]
    if incident.attributed_to is not None and incident.attributed_to in scope.threat_actors:
        why = f"cyber incident attributed to {incident.attributed_to}"
        detail = f"NCSC category {incident.category} incident"
        reading = DimensionReading(ATTRIBUTION_LEVEL, confidence, (why, detail), "act")
        findings.append(("china_tension", reading))
    return findings


def _details(incident: CyberIncident) -> tuple[str, ...]:
    details = []
    if incident.victim:
        sector = f" ({incident.sector})" if incident.sector else ""
        details.append(f"victim: {incident.victim}{sector}")
    elif incident.sector:
        details.append(f"sector: {incident.sector}")
    if incident.actor:
        details.append(f"actor: {incident.actor}")
    if incident.attributed_to:
        details.append(f"attributed to {incident.attributed_to}")
    return tuple(details)


def _confidence(event: Event) -> float:
    coverage = coverage_confidence(event.num_sources, event.num_mentions)
    return INCIDENT_CONFIDENCE if coverage is None else max(INCIDENT_CONFIDENCE, coverage)
