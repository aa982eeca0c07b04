"""Event-time arithmetic: the fixed grid, exponential decay and fixed-point accumulators.

Sums of floats depend on the order of addition; sums of integers do not. Each document's
decayed weight is rounded once to a fixed-point integer relative to the start of its bin, so
a bin holds the same integer whatever order its documents arrived in.
"""

from __future__ import annotations

import math
from datetime import UTC, datetime


def seconds(moment: datetime) -> float:
    """Seconds since the Unix epoch (event time; tz-aware datetimes only)."""
    return moment.timestamp()


def moment(at: float) -> datetime:
    return datetime.fromtimestamp(at, UTC)


def grid_index(at: float, step: int) -> int:
    """Index of the grid cell [i·step, (i+1)·step) holding `at` (the grid starts at the epoch)."""
    return math.floor(at / step)


def decay(elapsed: float, half_life: float) -> float:
    """Weight left after `elapsed` seconds: 2^(−elapsed/h)."""
    return math.pow(2.0, -elapsed / half_life)


def growth(offset: float, half_life: float) -> float:
    """2^(offset/h): a weight at `offset` seconds into a bin, expressed at the bin's start."""
    return math.pow(2.0, offset / half_life)


def to_fixed(value: float, bits: int) -> int:
    return round(value * (1 << bits))
