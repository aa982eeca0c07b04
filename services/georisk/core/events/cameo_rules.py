"""CAMEO-coded events (GDELT rows): conflict by a threat actor → `china_tension`, cooperation
between two members of the scope → `partnership`. Tables are documented in docs/events.md."""

from __future__ import annotations

from georisk.core.documents import DimensionReading
from georisk.core.events.cameo import label_of, quad_class_of, root_of
from georisk.core.events.readings import (
    SINGLE_SOURCE_CONFIDENCE,
    Finding,
    coverage_confidence,
    coverage_evidence,
)
from georisk.models import Event, SignalKind
from georisk.scopes import ScopeConfig

# Goldstein at or below this is war-like whatever the code (blockade −9.5, aerial weapons −10).
SEVERE_GOLDSTEIN = -9.0
# Conflict level by CAMEO root: verbal conflict 1; threats, force posture, sanctions, coercion
# and assault 2; fighting and mass violence 3.
CONFLICT_LEVEL_BY_ROOT: dict[str, int] = {
    "10": 1, "11": 1, "12": 1, "14": 1,
    "13": 2, "15": 2, "16": 2, "17": 2, "18": 2,
    "19": 3, "20": 3,
}  # fmt: skip
CONFLICT_LEVEL_BY_QUAD = {3: 1, 4: 2}
# Threats and force posture (drills, mobilisation) announce harm; the rest inflict it (the GPR
# split of threats, incl. military build-ups, from acts).
THREAT_ROOTS = frozenset({"13", "15"})
# A conflict the scope's side starts against a threat actor (a protest, a sanction) shows
# friction, not the threat actor's pressure: it reads as background at most.
RESPONSE_LEVEL_CAP = 1

SIGN_AGREEMENT = "057"
MATERIAL_COOPERATION_ROOT = "06"
STRONG_COOPERATION_GOLDSTEIN = 6.0
COOPERATIVE_ROOTS = frozenset({"02", "03", "04", "05", "06", "07"})

QUAD_NAMES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}


def cameo_findings(event: Event, scope: ScopeConfig) -> list[Finding]:
    """Findings of a CAMEO-coded event: needs a QuadClass (or a code) and two distinct actors."""
    quad = event.quad_class or (quad_class_of(event.code) if event.code else None)
    actor1, actor2 = event.actor1_country, event.actor2_country
    if quad is None or actor1 is None or actor2 is None or actor1 == actor2:
        return []
    if quad >= 3:
        return _conflict(event, quad, actor1, actor2, scope)
    return _cooperation(event, quad, actor1, actor2, scope)


def conflict_level(code: str | None, goldstein: float | None, quad: int) -> int:
    """0–3 severity of a conflictual event (before the direction cap)."""
    if goldstein is not None and goldstein <= SEVERE_GOLDSTEIN:
        return 3
    by_root = CONFLICT_LEVEL_BY_ROOT.get(root_of(code)) if code else None
    return by_root if by_root is not None else CONFLICT_LEVEL_BY_QUAD.get(quad, 0)


def conflict_kind(code: str | None) -> SignalKind:
    return "threat" if code and root_of(code) in THREAT_ROOTS else "act"


def cooperation_level(code: str | None, goldstein: float | None) -> int:
    """0–2 strength of a cooperative event between two members."""
    if code and code.startswith(SIGN_AGREEMENT):
        return 2
    if code and root_of(code) == MATERIAL_COOPERATION_ROOT:
        return 2 if goldstein is not None and goldstein >= STRONG_COOPERATION_GOLDSTEIN else 1
    if goldstein is not None:
        # Neutral statements (010 at 0) and investigations (09x, negative) are not cooperation.
        return 1 if goldstein > 0 else 0
    return 1 if code is None or root_of(code) in COOPERATIVE_ROOTS else 0


def _conflict(
    event: Event, quad: int, actor1: str, actor2: str, scope: ScopeConfig
) -> list[Finding]:
    threats = frozenset(scope.threat_actors)
    interested = scope.interested - threats
    note: tuple[str, ...] = ()
    if actor1 in threats and actor2 in interested:
        cap = 3
    elif actor1 in interested and actor2 in threats:
        cap, note = RESPONSE_LEVEL_CAP, (f"initiated by {actor1}: read as background",)
    else:
        return []
    level = min(cap, conflict_level(event.code, event.goldstein, quad))
    if level == 0:
        return []
    evidence = (_describe(event, quad, actor1, actor2), *note, *_coverage(event))
    reading = DimensionReading(level, _confidence(event), evidence, conflict_kind(event.code))
    return [("china_tension", reading)]


def _cooperation(
    event: Event, quad: int, actor1: str, actor2: str, scope: ScopeConfig
) -> list[Finding]:
    if actor1 not in scope.members or actor2 not in scope.members:
        return []
    level = cooperation_level(event.code, event.goldstein)
    if level == 0:
        return []
    evidence = (_describe(event, quad, actor1, actor2), *_coverage(event))
    return [("partnership", DimensionReading(level, _confidence(event), evidence, "cooperation"))]


def _describe(event: Event, quad: int, actor1: str, actor2: str) -> str:
    """Evidence line, e.g. "CAMEO 195 (aerial weapons) CN→TW, Goldstein -10"."""
    what = f"CAMEO {event.code} ({label_of(event.code)})" if event.code else QUAD_NAMES[quad]
    text = f"{what} {actor1}→{actor2}"
    return text if event.goldstein is None else f"{text}, Goldstein {event.goldstein:g}"


def _coverage(event: Event) -> tuple[str, ...]:
    return coverage_evidence(event.num_sources, event.num_mentions)


def _confidence(event: Event) -> float:
    coverage = coverage_confidence(event.num_sources, event.num_mentions)
    return SINGLE_SOURCE_CONFIDENCE if coverage is None else coverage
