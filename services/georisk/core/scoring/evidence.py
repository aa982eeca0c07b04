"""Explanations: which documents carry a score's raw input A, and how much of it.

All contributions of one (horizon, series) decay with the same half-life, so their order never
changes with time: rank = ln(value) + t·ln2/h orders the decayed contributions at any moment.
That makes a bounded top-k of folded (old) clusters exact: together with the live clusters it
always holds the true top k.
"""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from typing import NamedTuple

from georisk.core.scoring.clusters import Cluster
from georisk.core.scoring.decay import decay
from georisk.core.scoring.params import ScoringParams
from georisk.core.scoring.series import N_HORIZONS, N_SERIES, THREAT_SLOTS

LN2 = math.log(2.0)


class Evidence(NamedTuple):
    """One cluster's raw input to one series, valued at its representative's event time."""

    rank: float
    doc_id: str
    title: str | None
    level: int
    value: float
    time: float

    def contribution(self, at: float, half_life: float) -> float:
        return self.value * decay(at - self.time, half_life)


# Evidence per horizon, then per series (None where the cluster carries nothing). Tuples of
# plain values: the garbage collector stops tracking them, and many are alive at once.
Rows = tuple[tuple[Evidence | None, ...], ...]


def _order(item: Evidence) -> tuple[float, str]:
    return (-item.rank, item.doc_id)


def top(items: Iterable[Evidence], k: int) -> list[Evidence]:
    return heapq.nsmallest(k, items, key=_order)


def of_cluster(cluster: Cluster, params: ScoringParams) -> Rows:
    """Evidence per horizon and series (None where the cluster carries nothing)."""
    values = cluster.values(params.breadth_cap)
    at = cluster.rep.time
    rows: list[tuple[Evidence | None, ...]] = []
    for horizon in range(N_HORIZONS):
        h = params.half_lives[horizon]
        row: list[Evidence | None] = []
        for d, value in enumerate(values):
            lead = cluster.leads[d]
            if lead is None or value <= 0.0:
                row.append(None)
                continue
            rank = math.log(value) + at * LN2 / h
            row.append(Evidence(rank, lead.doc_id, lead.title, lead.levels[d], value, at))
        row.append(_composite(row, at, h))
        rows.append(tuple(row))
    return tuple(rows)


def _composite(row: list[Evidence | None], at: float, half_life: float) -> Evidence | None:
    parts = [item for d in THREAT_SLOTS if (item := row[d]) is not None]
    if not parts:
        return None
    value = 0.0
    for part in parts:
        value += part.value
    lead = min(parts, key=lambda e: (-e.value, -e.level, e.doc_id))
    level = max(part.level for part in parts)
    return Evidence(
        math.log(value) + at * LN2 / half_life, lead.doc_id, lead.title, level, value, at
    )


class LiveEvidence:
    """Evidence of the live clusters, with a lazy max-heap per (horizon, series).

    Replacing or dropping a cluster leaves its old heap entries behind as stale (their version no
    longer matches); they are skipped when met and swept out when they outnumber live ones.
    """

    def __init__(self) -> None:
        self._version = 0
        self._current: dict[int, tuple[int, Rows]] = {}
        self._heaps: list[list[list[tuple[float, str, int, int]]]] = [
            [[] for _ in range(N_SERIES)] for _ in range(N_HORIZONS)
        ]
        self._entries = 0  # heap entries, stale included
        self._live = 0  # heap entries of current evidence

    def __len__(self) -> int:
        return len(self._current)

    def put(self, key: int, rows: Rows) -> None:
        self._version += 1
        self._current[key] = (self._version, rows)
        for horizon, row in enumerate(rows):
            for series, item in enumerate(row):
                if item is not None:
                    entry = (-item.rank, item.doc_id, self._version, key)
                    heapq.heappush(self._heaps[horizon][series], entry)
                    self._entries += 1
                    self._live += 1
        if self._entries > 2 * self._live + 1024:
            self._sweep()

    def drop(self, key: int) -> Rows:
        rows = self._current.pop(key)[1]
        self._live -= sum(item is not None for row in rows for item in row)
        return rows

    def _item(
        self, entry: tuple[float, str, int, int], horizon: int, series: int
    ) -> Evidence | None:
        current = self._current.get(entry[3])
        if current is None or current[0] != entry[2]:
            return None
        return current[1][horizon][series]

    def _sweep(self) -> None:
        for horizon, row in enumerate(self._heaps):
            for series, heap in enumerate(row):
                row[series] = [e for e in heap if self._item(e, horizon, series) is not None]
                heapq.heapify(row[series])
        self._entries = sum(len(heap) for row in self._heaps for heap in row)

    def top(self, horizon: int, series: int, k: int) -> list[Evidence]:
        heap = self._heaps[horizon][series]
        kept: list[tuple[float, str, int, int]] = []
        found: list[Evidence] = []
        while heap and len(found) < k:
            entry = heapq.heappop(heap)
            item = self._item(entry, horizon, series)
            if item is None:
                self._entries -= 1
                continue
            kept.append(entry)
            found.append(item)
        for entry in kept:
            heapq.heappush(heap, entry)
        return found

    def all(self, horizon: int, series: int) -> list[Evidence]:
        return [item for _, rows in self._current.values() if (item := rows[horizon][series])]


class Archive:
    """The top k evidence of clusters already folded out of itemised state."""

    def __init__(self, k: int) -> None:
        self._k = k
        self._rows: list[list[list[Evidence]]] = [
            [[] for _ in range(N_SERIES)] for _ in range(N_HORIZONS)
        ]

    def add(self, evidence: Rows) -> None:
        for horizon, row in enumerate(evidence):
            for series, item in enumerate(row):
                if item is not None:
                    kept = self._rows[horizon][series]
                    kept.append(item)
                    self._rows[horizon][series] = top(kept, self._k)

    def items(self, horizon: int, series: int) -> list[Evidence]:
        return self._rows[horizon][series]

    def __len__(self) -> int:
        return sum(len(items) for row in self._rows for items in row)
