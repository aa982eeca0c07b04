"""Document-rate spikes on one (scope, dimension): a bounded ring of event-time slots.

The last window (e.g. one hour, six 10-minute slots) is compared with the mean of the windows
before it. Each slot keeps a count and at most `min_sources` distinct sources: capping every
slot's set at N keeps "the window holds ≥ N distinct sources" exact, since either one slot
reaches N on its own or no slot was capped. Window ends sit on the slot grid, so the alert's
event time does not depend on which document tipped it.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


@dataclass(slots=True)
class _Slot:
    count: int = 0
    sources: set[str] = field(default_factory=set)


@dataclass(frozen=True, slots=True)
class Rate:
    """The last window's document count against the baseline windows' mean."""

    window_end: datetime
    current: int
    baseline_mean: float
    sources: int


class VelocityWindow:
    """Counts recent documents per slot, deduplicated by document id (bounded LRU)."""

    def __init__(
        self,
        slot: timedelta,
        slots_per_window: int,
        baseline_windows: int,
        min_sources: int,
        dedupe_capacity: int,
    ) -> None:
        self._slot = slot
        self._per_window = slots_per_window
        self._baseline_windows = baseline_windows
        self._ring = slots_per_window * (1 + baseline_windows)
        self._min_sources = min_sources
        self._capacity = dedupe_capacity
        self._slots: dict[int, _Slot] = {}
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._head: int | None = None
        self._first: int | None = None

    def __len__(self) -> int:
        return len(self._slots)

    def add(self, doc_id: str, source: str | None, event_time: datetime) -> bool:
        """Count a document; False when it is a repeat or older than the ring."""
        index = (event_time - EPOCH) // self._slot
        if self._head is not None and index <= self._head - self._ring:
            return False
        if not self._remember(doc_id):
            return False
        if self._head is None or index > self._head:
            self._head = index
            self._prune()
        self._first = index if self._first is None else min(self._first, index)
        slot = self._slots.setdefault(index, _Slot())
        slot.count += 1
        if source and len(slot.sources) < self._min_sources:
            slot.sources.add(source)
        return True

    def warmed_up(self) -> bool:
        """True once the whole baseline period has been observed (else every start spikes)."""
        if self._head is None or self._first is None:
            return False
        return self._head - self._first >= self._ring - 1

    def rate(self) -> Rate | None:
        """The window ending with the latest slot seen, or None before any document."""
        if self._head is None:
            return None
        start = self._head - self._per_window + 1
        current = [self._slots[i] for i in range(start, self._head + 1) if i in self._slots]
        before = sum(
            slot.count
            for i, slot in self._slots.items()
            if i < start and i > self._head - self._ring
        )
        sources: set[str] = set()
        for slot in current:
            sources |= slot.sources
        return Rate(
            window_end=EPOCH + self._slot * (self._head + 1),
            current=sum(slot.count for slot in current),
            baseline_mean=before / self._baseline_windows,
            sources=len(sources),
        )

    def _remember(self, doc_id: str) -> bool:
        if doc_id in self._seen:
            self._seen.move_to_end(doc_id)
            return False
        self._seen[doc_id] = None
        if len(self._seen) > self._capacity:
            self._seen.popitem(last=False)
        return True

    def _prune(self) -> None:
        assert self._head is not None
        oldest = self._head - self._ring + 1
        for index in [i for i in self._slots if i < oldest]:
            del self._slots[index]
