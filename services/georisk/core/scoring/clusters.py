"""Near-duplicate clusters: syndicated reprints of one story count once, widened by breadth.

Two documents are linked when their MinHash signatures (datasketch LSH candidates, verified by
estimated Jaccard ≥ threshold) match and their event times are within the cluster window. A
cluster is a connected component of that graph, so it does not depend on arrival order: the
links are symmetric, and every quantity of a cluster is a min, max or set union over members.
"""

from __future__ import annotations

import math
from typing import NamedTuple

from datasketch import LeanMinHash, MinHashLSH

from georisk.core.scoring.fingerprint import similarity
from georisk.core.scoring.params import ScoringParams
from georisk.core.scoring.series import N_DIMS


class Member(NamedTuple):
    """A relevant document (level > 0 on some dimension) as clustering sees it.

    A tuple: without a signature it holds only plain values, so the garbage collector stops
    tracking it.
    """

    doc_id: str
    time: float
    bin: int
    source: str  # "" when unknown: all unknown sources count as one
    title: str | None
    strengths: tuple[float, ...]  # weight · confidence per dimension (0 when no signal)
    levels: tuple[int, ...]
    kinds: tuple[str | None, ...]
    minhash: LeanMinHash | None

    @property
    def order(self) -> tuple[float, str]:
        return (self.time, self.doc_id)


def breadth(sources: int, cap: float) -> float:
    """min(1 + log10(distinct sources), cap): a story carried widely counts more, sublinearly."""
    return min(1.0 + math.log10(max(1, sources)), cap)


def _lead_key(member: Member, dim: int) -> tuple[float, int, float, str]:
    # Strongest reading wins; ties go to the higher level, then the earliest, then the id.
    return (-member.strengths[dim], -member.levels[dim], member.time, member.doc_id)


class Cluster:
    """One story: its members, the earliest report (where it is placed) and per-dimension leads."""

    __slots__ = ("leads", "members", "placement", "rep", "sources")

    def __init__(self, first: Member) -> None:
        self.members: list[Member] = [first]
        self.sources: set[str] = {first.source}
        self.rep = first
        self.leads: list[Member | None] = [
            first if first.strengths[d] > 0 else None for d in range(N_DIMS)
        ]
        self.placement: tuple[int, tuple[int, ...]] | None = None

    def add(self, member: Member) -> None:
        self.members.append(member)
        self.sources.add(member.source)
        if member.order < self.rep.order:
            self.rep = member
        for d in range(N_DIMS):
            lead = self.leads[d]
            if member.strengths[d] > 0 and (
                lead is None or _lead_key(member, d) < _lead_key(lead, d)
            ):
                self.leads[d] = member

    def absorb(self, other: Cluster) -> None:
        for member in other.members:
            self.add(member)

    def values(self, cap: float) -> list[float]:
        """Raw input per dimension at the representative's event time: s = strength · breadth."""
        width = breadth(len(self.sources), cap)
        return [
            lead.strengths[d] * width if (lead := self.leads[d]) else 0.0 for d in range(N_DIMS)
        ]


class ClusterIndex:
    """The live clusters and the LSH index of their members' signatures."""

    def __init__(self, params: ScoringParams) -> None:
        self._params = params
        self._lsh = MinHashLSH(threshold=params.jaccard_threshold, num_perm=params.num_perm)
        self.by_doc: dict[str, Cluster] = {}
        self._members: dict[str, Member] = {}

    def __len__(self) -> int:
        return len(self.by_doc)

    def _neighbours(self, member: Member) -> list[Cluster]:
        if member.minhash is None:
            return []
        found: dict[int, Cluster] = {}
        for key in self._lsh.query(member.minhash):
            cluster = self.by_doc[key]
            other = self._members[key]
            if other.minhash is None:
                continue
            close_in_time = abs(other.time - member.time) <= self._params.cluster_window_s
            if (
                close_in_time
                and similarity(member.minhash, other.minhash) >= self._params.jaccard_threshold
            ):
                found[id(cluster)] = cluster
        return list(found.values())

    def link(self, member: Member) -> tuple[Cluster, list[Cluster]]:
        """Add `member`; returns its cluster and the clusters it replaced (merged into it)."""
        neighbours = self._neighbours(member)
        self._members[member.doc_id] = member
        if member.minhash is not None:
            self._lsh.insert(member.doc_id, member.minhash)
        if not neighbours:
            cluster = Cluster(member)
            self.by_doc[member.doc_id] = cluster
            return cluster, []
        target = max(neighbours, key=lambda c: len(c.members))
        for other in neighbours:
            if other is not target:
                target.absorb(other)
                for moved in other.members:
                    self.by_doc[moved.doc_id] = target
        target.add(member)
        self.by_doc[member.doc_id] = target
        return target, neighbours

    def close(self, cluster: Cluster) -> None:
        """Forget a cluster whose placement has been folded: it can no longer change."""
        for member in cluster.members:
            if self.by_doc.get(member.doc_id) is cluster:
                del self.by_doc[member.doc_id]
                del self._members[member.doc_id]
                if member.minhash is not None:
                    self._lsh.remove(member.doc_id)
