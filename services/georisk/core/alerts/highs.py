"""The rolling maximum of an index over a long event-time history, in bounded memory.

Every update is sampled, but only each bucket's (e.g. each day's) maximum is kept, so 365 days
cost at most 366 numbers whatever the update rate.
"""

from __future__ import annotations

from collections import deque
from datetime import datetime, timedelta

from georisk.core.alerts.velocity import EPOCH


class RollingMax:
    """Per-bucket maxima over the last `buckets` buckets of event time."""

    def __init__(self, bucket: timedelta, buckets: int) -> None:
        self._bucket = bucket
        self._buckets = buckets
        self._maxima: deque[tuple[int, float]] = deque()
        self._first: int | None = None

    def __len__(self) -> int:
        return len(self._maxima)

    def prior_max(self, when: datetime) -> float | None:
        """The highest value retained for the history ending at `when`."""
        oldest = self._index(when) - self._buckets + 1
        values = [value for index, value in self._maxima if index >= oldest]
        return max(values) if values else None

    def history(self, when: datetime) -> timedelta:
        """How much event time lies behind `when` since the first sample (warm-up check)."""
        if self._first is None:
            return timedelta(0)
        return when - (EPOCH + self._bucket * self._first)

    def add(self, when: datetime, value: float) -> None:
        index = self._index(when)
        self._first = index if self._first is None else min(self._first, index)
        if self._maxima and self._maxima[-1][0] == index:
            self._maxima[-1] = (index, max(self._maxima[-1][1], value))
        elif not self._maxima or self._maxima[-1][0] < index:
            self._maxima.append((index, value))
        else:
            # A late sample for an older bucket: rare, so a linear merge is fine.
            merged = dict(self._maxima)
            merged[index] = max(merged.get(index, value), value)
            self._maxima = deque(sorted(merged.items()))
        newest = self._maxima[-1][0]
        while self._maxima and self._maxima[0][0] <= newest - self._buckets:
            self._maxima.popleft()

    def _index(self, when: datetime) -> int:
        return (when - EPOCH) // self._bucket
