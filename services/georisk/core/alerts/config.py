"""Tuning of the alert state machine. Every duration is event time, never wall-clock time."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from georisk.models import Horizon


@dataclass(frozen=True, slots=True)
class AlertConfig:
    """Thresholds, hysteresis, cooldowns and the bounds of every retained structure.

    Defaults follow DESIGN.md and the scoring notes: elevated at S ≥ 84 (z ≥ 1), high at
    S ≥ 97.7 (z ≥ 2), critical when the scorer says so.
    """

    # Band alerts read one horizon only: the fast one reacts within days, the slow one lags.
    horizon: Horizon = "fast"
    elevated: float = 84.0
    high: float = 97.7
    # A band is left downward only once the score is this far below its entry threshold.
    clear_margin: float = 10.0
    # Time spent in a band before it may be left downward.
    min_dwell: timedelta = timedelta(hours=6)
    # Minimum event time between two alerts of one kind on one (scope, dimension).
    cooldown: timedelta = timedelta(hours=1)
    # A worsening situation must not wait out the cooldown of the alert before it.
    escalation_bypasses_cooldown: bool = True

    # Velocity: the document rate of the last window against the mean of the windows before.
    velocity_window: timedelta = timedelta(hours=1)
    velocity_slots: int = 6
    velocity_baseline_windows: int = 3
    velocity_ratio: float = 2.0
    velocity_min_docs: int = 6
    velocity_min_sources: int = 3
    velocity_dedupe_capacity: int = 4096

    # New high: the highest index in a rolling history of per-bucket maxima.
    new_high_history: timedelta = timedelta(days=365)
    new_high_bucket: timedelta = timedelta(days=1)
    new_high_min_history: timedelta = timedelta(days=30)
    new_high_min_docs: int = 20
    new_high_cooldown: timedelta = timedelta(hours=24)

    # (scope, dimension) pairs come from configuration; this only guards against a runaway.
    max_keys: int = 1024

    def __post_init__(self) -> None:
        checks = {
            "0 < elevated < high <= 100": 0.0 < self.elevated < self.high <= 100.0,
            "clear_margin >= 0": self.clear_margin >= 0.0,
            "durations >= 0": min(self.min_dwell, self.cooldown, self.new_high_cooldown)
            >= timedelta(0),
            "velocity_window > 0": self.velocity_window > timedelta(0),
            "velocity_slots >= 1": self.velocity_slots >= 1,
            "velocity_baseline_windows >= 1": self.velocity_baseline_windows >= 1,
            "velocity_ratio >= 1": self.velocity_ratio >= 1.0,
            "velocity_min_sources >= 1": self.velocity_min_sources >= 1,
            "velocity_dedupe_capacity >= 1": self.velocity_dedupe_capacity >= 1,
            "new_high_bucket > 0": self.new_high_bucket > timedelta(0),
            "new_high_history >= new_high_bucket": self.new_high_history >= self.new_high_bucket,
            "max_keys >= 1": self.max_keys >= 1,
        }
        failed = [rule for rule, ok in checks.items() if not ok]
        if failed:
            raise ValueError(f"invalid AlertConfig: {', '.join(failed)}")

    @property
    def velocity_slot(self) -> timedelta:
        return self.velocity_window / self.velocity_slots

    @property
    def new_high_buckets(self) -> int:
        return max(1, self.new_high_history // self.new_high_bucket)
