"""Bands: thresholds on the percentile score, plus rule-based `critical`.

elevated ≥ 84 (z ≥ 1, BGRI's +1 SD) and high ≥ 97.7 (z ≥ 2, GPR's 2-SD shock). `critical` is
not a threshold: it fires when level-3 `act`/`state` signals on a threat dimension (a new
export ban, a nationwide or critical-infrastructure cyberattack, live-fire drills around Taiwan)
come from at least two independent sources within the window. Independent means distinct
near-duplicate clusters *and* distinct outlets: one syndicated story confirms nothing.
"""

from __future__ import annotations

from collections.abc import Iterable

from georisk.core.scoring.params import ScoringParams
from georisk.models import Band


def band_for(score: float, critical: bool, params: ScoringParams) -> Band:
    if critical:
        return "critical"
    if score >= params.high_at:
        return "high"
    if score >= params.elevated_at:
        return "elevated"
    return "low"


def confirmations(reports: Iterable[tuple[int, str]]) -> int:
    """Independent confirmations among (cluster id, source) reports: min(clusters, sources)."""
    clusters: set[int] = set()
    sources: set[str] = set()
    for cluster, source in reports:
        clusters.add(cluster)
        sources.add(source)
    return min(len(clusters), len(sources))
