"""Export-control notices: a control on a tracked material sets `minerals` by its measure and is
handed on as a state (effective/expiry dates) for the scoring engine to hold."""

from __future__ import annotations

import re
from functools import lru_cache

from georisk.core.documents import DimensionReading
from georisk.core.events.readings import Finding, coverage_confidence
from georisk.models import Event, ExportControl
from georisk.scopes import ScopeConfig

# Outright ban 3 (the rubric's "new outright export ban"), licensing or quota 2 (a
# licensing-type control), suspension or lifting 1 (a state change worth recording, not a risk).
MEASURE_LEVEL = {"ban": 3, "licensing": 2, "quota": 2, "suspension": 1, "lifted": 1, "other": 1}
# Official notices are primary sources.
CONTROL_CONFIDENCE = 0.9

# IUPAC: the 15 lanthanides plus scandium and yttrium.
RARE_EARTH_ELEMENTS = frozenset({
    "lanthanum", "cerium", "praseodymium", "neodymium", "promethium", "samarium", "europium",
    "gadolinium", "terbium", "dysprosium", "holmium", "erbium", "thulium", "ytterbium",
    "lutetium", "scandium", "yttrium",
})  # fmt: skip
_RARE_EARTHS = re.compile(r"\brare[\s-]*earths?\b")
_WORD = re.compile(r"[a-z]+")


def control_findings(event: Event, scope: ScopeConfig) -> list[Finding]:
    """A `minerals` state finding for a control on a tracked material."""
    control = event.control
    matched = tracked_matches(control.material, tuple(scope.materials)) if control else ()
    if control is None or not matched:
        return []
    coverage = coverage_confidence(event.num_sources, event.num_mentions)
    confidence = max(CONTROL_CONFIDENCE, coverage or 0.0)
    evidence = (describe_control(control), f"tracked: {', '.join(matched)}", *_parties(control))
    level = MEASURE_LEVEL[control.measure]
    return [("minerals", DimensionReading(level, confidence, evidence, "state"))]


@lru_cache(maxsize=4096)
def tracked_matches(material: str, tracked: tuple[str, ...]) -> tuple[str, ...]:
    """The tracked materials a control's material names (case-insensitive; a tracked "rare
    earths" also matches any named rare-earth element)."""
    text = material.lower()
    words = set(_WORD.findall(text))
    return tuple(name for name in tracked if _names(name.lower(), text, words))


def describe_control(control: ExportControl) -> str:
    """Evidence line, e.g. "export ban on gallium effective 2024-12-03"."""
    what = {
        "ban": f"export ban on {control.material}",
        "licensing": f"export licensing on {control.material}",
        "quota": f"export quota on {control.material}",
        "suspension": f"suspension of export controls on {control.material}",
        "lifted": f"export controls on {control.material} lifted",
        "other": f"export control on {control.material}",
    }[control.measure]
    text = f"{what} effective {control.effective_from.date().isoformat()}"
    if control.expires_at is not None:
        text += f" until {control.expires_at.date().isoformat()}"
    return text


def _names(tracked: str, text: str, words: set[str]) -> bool:
    if _RARE_EARTHS.search(tracked):
        return bool(_RARE_EARTHS.search(text) or words & RARE_EARTH_ELEMENTS)
    return re.search(rf"\b{re.escape(tracked)}s?\b", text) is not None


def _parties(control: ExportControl) -> tuple[str, ...]:
    parties = []
    if control.issuer:
        parties.append(f"issued by {control.issuer}")
    if control.targets:
        parties.append(f"targets {', '.join(control.targets)}")
    return tuple(parties)
