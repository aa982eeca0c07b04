"""Every constant of the scoring method in one frozen record (docs/methodology.md explains each).

Changing any value changes scores: bump `MODEL_VERSION` with it, and with the extractor's
version too (`EXTRACTOR_VERSION`): levels feed every score, so a new extractor is a new method.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MODEL_VERSION = "score-1.11.0"  # score-1.1.0 with extractor rules-21 (1.10.0: rules-20)

HOUR = 3600
DAY = 24 * HOUR


def _default_prior_share() -> dict[str, float]:
    # Cold-start baseline share A/V per series: 10% of volume at level 2 (weight 3) read with
    # confidence 2/3 gives 0.2 per dimension; the composite sums the three threat dimensions.
    return {
        "china_tension": 0.2,
        "cyber": 0.2,
        "minerals": 0.2,
        "partnership": 0.2,
        "composite": 0.6,
    }


@dataclass(frozen=True, slots=True)
class ScoringParams:
    """The constants of the scoring method. Durations are in seconds of event time."""

    # Decay: GPR's daily series catches episodes of days (fast); GPR is native monthly and
    # HDX Signals uses a 30-day window (slow).
    half_life_fast_s: int = 3 * DAY
    half_life_slow_s: int = 30 * DAY
    # The fixed event-time grid of baseline samples, and the width of the volume bins.
    grid_step_s: int = 6 * HOUR
    # How far behind the watermark a document may arrive and still be folded in exactly.
    lateness_s: int = 30 * DAY
    # Near-duplicates: MinHash over word shingles, linked when Jaccard ≥ threshold and the two
    # event times are at most `cluster_window_s` apart.
    num_perm: int = 64
    minhash_seed: int = 1
    shingle_words: int = 3
    jaccard_threshold: float = 0.5
    cluster_window_s: int = 3 * DAY
    breadth_cap: float = 3.0
    # Baseline (BGRI-style recency-weighted history of the share and of ln I).
    baseline_half_life_s: int = 365 * DAY
    prior_weight: float = 8.0
    prior_share: dict[str, float] = field(default_factory=_default_prior_share)
    prior_log_sd: float = 0.5
    min_log_sd: float = 0.25
    share_floor: float = 0.01
    # Bands: z ≥ 1 (BGRI +1 SD) and z ≥ 2 (GPR's 2-SD shock) as percentiles of the normal.
    elevated_at: float = 84.0
    high_at: float = 97.7
    # Critical: level-3 act/state signals from ≥ 2 independent sources within the window.
    critical_level: int = 3
    critical_kinds: tuple[str, ...] = ("act", "state")
    critical_min_sources: int = 2
    critical_window_s: int = 48 * HOUR
    # Export controls in force hold a floor on minerals: min(cap, base + step·active).
    control_floor_base: float = 40.0
    control_floor_step: float = 10.0
    control_floor_cap: float = 70.0
    # Partnership strength P = w_struct·P_struct + w_flow·P_flow.
    partnership_struct_weight: float = 0.5
    partnership_flow_weight: float = 0.5
    # Explanations.
    evidence_k: int = 5
    # Fixed-point scale of the per-bin integer accumulators (order-independent sums).
    fixed_point_bits: int = 32
    # Delta horizon.
    delta_s: int = 24 * HOUR

    @property
    def half_lives(self) -> tuple[int, int]:
        return (self.half_life_fast_s, self.half_life_slow_s)

    @property
    def retention_s(self) -> int:
        """How far behind the watermark state stays itemised (then it is folded into sums)."""
        span = max(
            self.lateness_s + self.cluster_window_s,
            self.half_life_slow_s,
            self.critical_window_s,
            2 * self.delta_s,
        )
        return span + self.grid_step_s


DEFAULT_PARAMS = ScoringParams()
