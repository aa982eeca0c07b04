"""Partnership strength P (0–1) and the capped offset it applies to threat scores.

P = w_struct · P_struct + w_flow · P_flow, where P_struct = 1 − Π(1 − strength_i) over the
structural agreements in force at as_of (states: they do not decay, and each further agreement
adds less), and P_flow = S_partnership / 100, the percentile of decaying cooperation news.
The adjusted score is S' = S · (1 − α·P), so the offset S − S' never exceeds α·S.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from georisk.core.scoring.params import ScoringParams
from georisk.scopes import ScopeConfig


def structural_strength(scope: ScopeConfig, at: datetime) -> float:
    remaining = 1.0
    for agreement in scope.agreements:
        if agreement.active(at):
            remaining *= 1.0 - agreement.strength
    return 1.0 - remaining


def strength(structural: float, flow_score: float, params: ScoringParams) -> float:
    value = (
        params.partnership_struct_weight * structural
        + params.partnership_flow_weight * flow_score / 100.0
    )
    return min(1.0, max(0.0, value))


def composite_alpha(alphas: Sequence[float], inputs: Sequence[float]) -> float:
    """The composite's α: each threat's α weighted by its share of the composite raw input."""
    total = sum(inputs)
    if total <= 0.0:
        return sum(alphas) / len(alphas)
    return sum(a * x for a, x in zip(alphas, inputs, strict=True)) / total


def adjusted(score: float, alpha: float, partnership: float) -> float:
    return score * (1.0 - alpha * partnership)
