"""Band hysteresis as pure functions of (current band, score, the scorer's band).

Entering a band needs its threshold; staying in it needs only the threshold minus the clear
margin. Critical is the scorer's call (rule-based, confirmed by several sources), so it is held
exactly as long as the scorer keeps the update critical.
"""

from __future__ import annotations

from georisk.models import BANDS, Band

RANK: dict[Band, int] = {band: rank for rank, band in enumerate(BANDS)}


def entry_threshold(band: Band, elevated: float, high: float) -> float:
    """The score that enters `band` (critical has none: the scorer decides it)."""
    return {"low": 0.0, "elevated": elevated, "high": high, "critical": float("inf")}[band]


def entered_band(score: float, scorer_band: Band, elevated: float, high: float) -> Band:
    """The band an update reaches from below."""
    if scorer_band == "critical":
        return "critical"
    if score >= high:
        return "high"
    if score >= elevated:
        return "elevated"
    return "low"


def held_band(
    current: Band, score: float, scorer_band: Band, elevated: float, high: float, margin: float
) -> Band:
    """The highest band at or below `current` that the update still supports."""
    for band in reversed(BANDS[: RANK[current] + 1]):
        if band == "low":
            return band
        if band == "critical":
            if scorer_band == "critical":
                return band
            continue
        if score >= entry_threshold(band, elevated, high) - margin:
            return band
    return "low"


def target_band(
    current: Band, score: float, scorer_band: Band, elevated: float, high: float, margin: float
) -> Band:
    """Where hysteresis puts the state machine, before dwell and cooldown have their say."""
    up = entered_band(score, scorer_band, elevated, high)
    down = held_band(current, score, scorer_band, elevated, high, margin)
    return up if RANK[up] >= RANK[down] else down
