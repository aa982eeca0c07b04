"""Recency-weighted history of one series (BGRI-style), sampled on the fixed event-time grid.

Per grid sample the share r = A/V updates an EWMA baseline b (the index is I = 100·r/b), and
x = ln(r + ε) updates the EWMA mean μ and variance σ² of the log share. ln I differs from x only
by the slowly moving baseline term, so z = (x − μ)/σ is the z of ln I against a baseline taken
as the history's geometric mean; a steady share gives x = μ, z = 0, S = 50. A reading at time t
compares x(t) with the history of samples strictly before t: S = 100·Φ(z). A prior (share b₀,
μ₀ = ln(b₀ + ε), σ₀) enters as `prior_weight` pseudo-samples that decay like data, so it is
blended out as history accrues.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from georisk.core.scoring.params import ScoringParams

MAX_INDEX = 1e9


def normal_cdf(z: float) -> float:
    return 0.5 * (1.0 + math.erf(z / math.sqrt(2.0)))


@dataclass(frozen=True, slots=True)
class Reading:
    """A series at one moment: share-normalised index, z against history, percentile score."""

    index: float
    z: float
    percentile: float


@dataclass(slots=True)
class History:
    """EWMA sums: total weight, weighted share, weighted log index and its square."""

    weight: float
    share_sum: float
    log_sum: float
    log_sq_sum: float

    @classmethod
    def prior(cls, params: ScoringParams, series: str) -> History:
        w = params.prior_weight
        share = params.prior_share[series]
        mean = math.log(share + params.share_floor)
        return cls(w, w * share, w * mean, w * (params.prior_log_sd**2 + mean * mean))

    def copy(self) -> History:
        return History(self.weight, self.share_sum, self.log_sum, self.log_sq_sum)

    def baseline(self) -> float:
        return self.share_sum / self.weight

    @staticmethod
    def log_share(share: float, params: ScoringParams) -> float:
        return math.log(share + params.share_floor)

    def read(self, share: float, params: ScoringParams) -> Reading:
        base = self.baseline()
        index = min(MAX_INDEX, 100.0 * share / base) if base > 0 else 100.0
        mean = self.log_sum / self.weight
        variance = max(0.0, self.log_sq_sum / self.weight - mean * mean)
        sd = max(params.min_log_sd, math.sqrt(variance))
        z = (self.log_share(share, params) - mean) / sd
        return Reading(index, z, 100.0 * normal_cdf(z))

    def update(self, share: float, keep: float, params: ScoringParams) -> None:
        """Add one grid sample; older samples keep `keep` = 2^(−step/baseline half-life)."""
        x = self.log_share(share, params)
        self.weight = keep * self.weight + 1.0
        self.share_sum = keep * self.share_sum + share
        self.log_sum = keep * self.log_sum + x
        self.log_sq_sum = keep * self.log_sq_sum + x * x
