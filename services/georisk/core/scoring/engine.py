"""The rolling scoring engine of one scope: documents in (any order), ScoreUpdates out.

State is a pure function of the set of documents: volume and raw input are fixed-point
integers in event-time bins (integer sums do not depend on order), clusters are connected
components, and everything derived (baseline history, scores, evidence) is recomputed from
sorted bins. Bins older than the retention horizon are folded, in grid order, into one
`GridState`; that is what bounds memory.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime

from georisk.core.documents import ScoredDocument
from georisk.core.scoring.bands import band_for, confirmations
from georisk.core.scoring.baseline import Reading
from georisk.core.scoring.clusters import Cluster, ClusterIndex, Member
from georisk.core.scoring.controls import ControlBook
from georisk.core.scoring.decay import decay, grid_index, growth, seconds, to_fixed
from georisk.core.scoring.evidence import Archive, Evidence, LiveEvidence, of_cluster, top
from georisk.core.scoring.fingerprint import as_minhash
from georisk.core.scoring.params import DEFAULT_PARAMS, MODEL_VERSION, ScoringParams
from georisk.core.scoring.partnership import (
    adjusted,
    composite_alpha,
    strength,
    structural_strength,
)
from georisk.core.scoring.series import (
    COMPOSITE,
    MINERALS,
    N_DIMS,
    N_SERIES,
    PARTNERSHIP,
    STRIDE,
    THREAT_SLOTS,
    THREATS,
    VECTOR,
    slot,
)
from georisk.core.scoring.timeline import GridState, Steps
from georisk.models import (
    DIMENSIONS,
    HORIZONS,
    SCORE_DIMENSIONS,
    EvidenceItem,
    Horizon,
    ScoreDimension,
    ScoreUpdate,
)
from georisk.scopes import ScopeConfig


class TooLate(ValueError):
    """A document older than the allowed lateness behind the watermark (dead-letter it)."""

    def __init__(self, doc_id: str, event_time: datetime, watermark: datetime, lateness_s: int):
        super().__init__(
            f"document {doc_id!r} at {event_time.isoformat()} is more than {lateness_s} s "
            f"behind the watermark {watermark.isoformat()}"
        )
        self.doc_id = doc_id
        self.event_time = event_time
        self.watermark = watermark


@dataclass(slots=True)
class _Bin:
    """One grid cell: fixed-point sums, signal-document counts and what to forget on folding."""

    sums: list[int] = field(default_factory=lambda: [0] * VECTOR)
    counts: list[int] = field(default_factory=lambda: [0] * N_SERIES)
    doc_ids: list[str] = field(default_factory=list)
    placed: dict[int, Cluster] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class _Now:
    sums: list[float]
    readings: list[list[Reading] | None]
    past: list[list[Reading] | None] | None


def _round_sig(value: float, digits: int = 6) -> float:
    return float(f"{value:.{digits}g}")


class ScoringEngine:
    """Rolling explainable scores of one scope, per dimension and horizon, at the watermark."""

    def __init__(self, scope: ScopeConfig, params: ScoringParams = DEFAULT_PARAMS) -> None:
        self.scope = scope
        self.params = params
        self.watermark: datetime | None = None
        self._wm: float | None = None
        self._steps = Steps.of(params)
        self._bins: dict[int, _Bin] = {}
        self._seen: dict[str, int] = {}
        self._clusters = ClusterIndex(params)
        self._evidence = LiveEvidence()
        self._archive = Archive(params.evidence_k)
        self._alarms: list[dict[str, Member]] = [{} for _ in THREATS]
        self._controls = ControlBook(scope, params)
        self._frozen: GridState | None = None
        self._alphas = [scope.offset_alpha.get(d, 0.0) for d in THREATS]

    # ---- ingestion -------------------------------------------------------------------------

    def ingest(self, doc: ScoredDocument) -> bool:
        """Fold one document in; False when its id was already ingested. Raises TooLate."""
        if doc.doc_id in self._seen:
            return False
        if doc.scope != self.scope.name:
            raise ValueError(f"document for scope {doc.scope!r} given to {self.scope.name!r}")
        at = seconds(doc.event_time)
        late = self._wm is not None and at < self._wm - self.params.lateness_s
        if late and self.watermark is not None:
            raise TooLate(doc.doc_id, doc.event_time, self.watermark, self.params.lateness_s)
        self._advance(at, doc.event_time)
        index = grid_index(at, self.params.grid_step_s)
        cell = self._bins.get(index)
        if cell is None:
            cell = self._bins[index] = _Bin()
        self._seen[doc.doc_id] = index
        cell.doc_ids.append(doc.doc_id)
        offset = at - index * self.params.grid_step_s
        for horizon, half_life in enumerate(self.params.half_lives):
            cell.sums[horizon * STRIDE] += to_fixed(
                growth(offset, half_life), self.params.fixed_point_bits
            )
        if doc.control is not None:
            self._controls.announce(doc.control)
        member = self._member(doc, at, index)
        if member is not None:
            self._add(member, cell)
        return True

    def _member(self, doc: ScoredDocument, at: float, index: int) -> Member | None:
        strengths = [0.0] * N_DIMS
        levels = [0] * N_DIMS
        kinds: list[str | None] = [None] * N_DIMS
        for signal in doc.signals:
            d = DIMENSIONS.index(signal.dimension)
            value = signal.weight * signal.confidence
            if signal.level > 0 and value > strengths[d]:
                strengths[d], levels[d], kinds[d] = value, signal.level, signal.kind
        if not any(strengths):
            return None
        params = self.params
        signature = doc.fingerprint
        minhash = as_minhash(signature, params.num_perm, params.minhash_seed) if signature else None
        return Member(
            doc.doc_id,
            at,
            index,
            doc.source or "",
            doc.title,
            tuple(strengths),
            tuple(levels),
            tuple(kinds),
            minhash,
        )

    def _add(self, member: Member, cell: _Bin) -> None:
        threat = False
        for d, value in enumerate(member.strengths):
            if value > 0:
                cell.counts[d] += 1
                threat = threat or d in THREAT_SLOTS
                if d in THREAT_SLOTS and self._alarming(member, d):
                    self._alarms[THREAT_SLOTS.index(d)][member.doc_id] = member
        cell.counts[COMPOSITE] += threat
        cluster, replaced = self._clusters.link(member)
        for old in replaced:
            self._unplace(old)
        self._place(cluster)

    def _alarming(self, member: Member, d: int) -> bool:
        params = self.params
        return (
            member.levels[d] >= params.critical_level and member.kinds[d] in params.critical_kinds
        )

    def _place(self, cluster: Cluster) -> None:
        """Add a cluster's raw input to its representative's bin (fixed point, exact to remove)."""
        rep = cluster.rep
        offset = rep.time - rep.bin * self.params.grid_step_s
        values = cluster.values(self.params.breadth_cap)
        cell = self._bins[rep.bin]
        vector: list[int] = []
        for horizon, half_life in enumerate(self.params.half_lives):
            lift = growth(offset, half_life)
            for d in range(N_DIMS):
                amount = to_fixed(values[d] * lift, self.params.fixed_point_bits)
                cell.sums[slot(horizon, d)] += amount
                vector.append(amount)
        cluster.placement = (rep.bin, tuple(vector))
        cell.placed[id(cluster)] = cluster
        self._evidence.put(id(cluster), of_cluster(cluster, self.params))

    def _unplace(self, cluster: Cluster) -> None:
        if cluster.placement is None:
            return
        index, vector = cluster.placement
        cell = self._bins[index]
        for horizon in range(len(HORIZONS)):
            for d in range(N_DIMS):
                cell.sums[slot(horizon, d)] -= vector[horizon * N_DIMS + d]
        del cell.placed[id(cluster)]
        self._evidence.drop(id(cluster))
        cluster.placement = None

    # ---- folding the past --------------------------------------------------------------------

    def _advance(self, at: float, when: datetime) -> None:
        if self._wm is None or at > self._wm:
            self._wm = at
            self.watermark = when.astimezone(UTC)
        target = grid_index(self._wm - self.params.retention_s, self.params.grid_step_s)
        if self._frozen is None:
            self._frozen = GridState.empty(target, self.params)
        self._fold_until(target)

    def _fold_until(self, target: int) -> None:
        state = self._frozen
        assert state is not None
        if state.g >= target:
            return
        while state.g < target:
            if state.is_empty():  # nothing to decay or sample yet: jump to the first bin
                first = min((i for i in self._bins if i < target), default=target)
                if first > state.g:
                    state.g = first
                    continue
            cell = self._bins.pop(state.g, None)
            state.advance(cell.sums if cell else None, self._steps)
            state.sample(self.params, self._steps)
            if cell is not None:
                self._retire(cell)
        self._controls.forget_before(target * self.params.grid_step_s)

    def _retire(self, cell: _Bin) -> None:
        """Forget what a folded bin itemised: ids, alarms, and the clusters placed in it."""
        for doc_id in cell.doc_ids:
            del self._seen[doc_id]
            for alarms in self._alarms:
                alarms.pop(doc_id, None)
        for key, cluster in cell.placed.items():
            self._archive.add(self._evidence.drop(key))
            self._clusters.close(cluster)
            cluster.placement = None

    # ---- reading the scores ------------------------------------------------------------------

    def _now(self) -> _Now:
        """Walk the live bins from the folded state to the watermark."""
        assert self._frozen is not None
        assert self._wm is not None
        step = self.params.grid_step_s
        wm = self._wm
        last = math.ceil(wm / step) - 1
        earlier = grid_index(wm - self.params.delta_s, step)
        state = self._frozen.copy()
        past = None
        while state.g < last:
            cell = self._bins.get(state.g)
            state.advance(cell.sums if cell else None, self._steps)
            if state.g == earlier:
                past = state.readings(state.sums, self.params)
            state.sample(self.params, self._steps)
        sums = self._decay_to(state, wm)
        return _Now(sums, state.readings(sums, self.params), past)

    def _decay_to(self, state: GridState, at: float) -> list[float]:
        step = self.params.grid_step_s
        sums = list(state.sums)
        for horizon, half_life in enumerate(self.params.half_lives):
            keep = decay(at - state.g * step, half_life)
            for j in range(horizon * STRIDE, (horizon + 1) * STRIDE):
                sums[j] *= keep
        for index in sorted(i for i in self._bins if i >= state.g):
            cell = self._bins[index]
            for horizon, half_life in enumerate(self.params.half_lives):
                keep = decay(at - index * step, half_life) * self._steps.inv_scale
                for j in range(horizon * STRIDE, (horizon + 1) * STRIDE):
                    sums[j] += cell.sums[j] * keep
        return sums

    def _critical(self, k: int, at: float) -> bool:
        since = at - self.params.critical_window_s
        reports = [
            (id(cluster), member.source)
            for member in self._alarms[k].values()
            if since < member.time <= at and (cluster := self._clusters.by_doc.get(member.doc_id))
        ]
        return confirmations(reports) >= self.params.critical_min_sources

    def _counts(self, horizon: int) -> list[int]:
        start = grid_index(
            self._wm_or_fail() - self.params.half_lives[horizon], self.params.grid_step_s
        )
        totals = [0] * N_SERIES
        for index, cell in self._bins.items():
            if index >= start:
                for s in range(N_SERIES):
                    totals[s] += cell.counts[s]
        return totals

    def _wm_or_fail(self) -> float:
        assert self._wm is not None
        return self._wm

    def _candidates(self, horizon: int, series: int, k: int | None = None) -> list[Evidence]:
        """Live evidence (its top k, or all) and the archived top k of folded clusters."""
        live = (
            self._evidence.all(horizon, series)
            if k is None
            else self._evidence.top(horizon, series, k)
        )
        return live + self._archive.items(horizon, series)

    def _top_evidence(self, horizon: int, series: int) -> list[EvidenceItem]:
        at = self._wm_or_fail()
        half_life = self.params.half_lives[horizon]
        k = self.params.evidence_k
        return [
            EvidenceItem(
                doc_id=item.doc_id,
                title=item.title,
                level=item.level,
                contribution=_round_sig(item.contribution(at, half_life)),
            )
            for item in top(self._candidates(horizon, series, k), k)
        ]

    def contributions(self, dimension: ScoreDimension, horizon: Horizon) -> list[tuple[str, float]]:
        """Every itemised contribution (doc_id, share of A at the watermark), largest first."""
        at = self._wm_or_fail()
        h_index = HORIZONS.index(horizon)
        half_life = self.params.half_lives[h_index]
        items = top(self._candidates(h_index, SCORE_DIMENSIONS.index(dimension)), 1 << 62)
        return [(item.doc_id, item.contribution(at, half_life)) for item in items]

    def raw_input(self, dimension: ScoreDimension, horizon: Horizon) -> float:
        """A for the series at the watermark (the composite sums the three threats)."""
        if self._wm is None:
            return 0.0
        sums = self._now().sums
        h_index = HORIZONS.index(horizon)
        if dimension == "composite":
            return sum(sums[slot(h_index, d)] for d in THREAT_SLOTS)
        return sums[slot(h_index, DIMENSIONS.index(dimension))]

    def state_size(self) -> int:
        """Itemised entries held: bins, ids, cluster members, evidence, alarms, controls."""
        return (
            len(self._bins)
            + len(self._seen)
            + len(self._clusters)
            + len(self._evidence)
            + len(self._archive)
            + sum(len(a) for a in self._alarms)
            + len(self._controls)
        )

    def scores(self) -> list[ScoreUpdate]:
        """The current ScoreUpdate of every (dimension, horizon) at the watermark."""
        if self._wm is None or self.watermark is None:
            return []
        now = self._now()
        at = self._wm
        critical = [self._critical(k, at) for k in range(len(THREATS))]
        structural = structural_strength(self.scope, self.watermark)
        floors = (self._controls.floor(at), self._controls.floor(self._past_time()))
        updates: list[ScoreUpdate] = []
        for h_index, horizon in enumerate(HORIZONS):
            updates.extend(self._horizon(h_index, horizon, now, critical, structural, floors))
        return updates

    def _past_time(self) -> float:
        step = self.params.grid_step_s
        return grid_index(self._wm_or_fail() - self.params.delta_s, step) * step

    def _horizon(
        self,
        h_index: int,
        horizon: Horizon,
        now: _Now,
        critical: list[bool],
        structural: float,
        floors: tuple[float, float],
    ) -> list[ScoreUpdate]:
        readings = now.readings[h_index]
        assert readings is not None
        assert self.watermark is not None
        past = now.past[h_index] if now.past is not None else None
        partnership_score = self._score(PARTNERSHIP, readings[PARTNERSHIP], 0.0)
        partnership = round(strength(structural, partnership_score, self.params), 6)
        inputs = [now.sums[slot(h_index, d)] for d in THREAT_SLOTS]
        counts = self._counts(h_index)
        out = []
        for series, dimension in enumerate(SCORE_DIMENSIONS):
            score = self._score(series, readings[series], floors[0])
            previous = self._score(series, past[series], floors[1]) if past else score
            alpha = self._alpha(series, inputs)
            is_critical = (
                any(critical)
                if series == COMPOSITE
                else (series in THREAT_SLOTS and critical[THREAT_SLOTS.index(series)])
            )
            out.append(
                ScoreUpdate(
                    scope=self.scope.name,
                    dimension=dimension,
                    horizon=horizon,
                    index=round(readings[series].index, 4),
                    score=score,
                    band=band_for(score, is_critical, self.params),
                    partnership_offset=partnership,
                    adjusted_score=min(
                        score, math.ceil(adjusted(score, alpha, partnership) * 1e4) / 1e4
                    ),
                    n_docs=counts[series],
                    as_of=self.watermark,
                    delta_24h=round(score - previous, 4),
                    top_evidence=self._explained(h_index, series, score),
                    model_version=MODEL_VERSION,
                )
            )
        return out

    def _explained(self, h_index: int, series: int, score: float) -> list[EvidenceItem]:
        """Documents first; where a control floor holds minerals up, the controls in force too."""
        evidence = self._top_evidence(h_index, series)
        k = self.params.evidence_k
        if series != MINERALS or score <= 0 or len(evidence) >= k:
            return evidence
        at = self._wm_or_fail()
        controls = [
            EvidenceItem(
                doc_id=f"control:{span.label}"[:512],
                title=span.label,
                level=3 if span.measure == "ban" else 2,
                contribution=0.0,
            )
            for span in self._controls.active_spans(at)
        ]
        return evidence + controls[: k - len(evidence)]

    def _score(self, series: int, reading: Reading, floor: float) -> float:
        # No contributing document, nothing to explain: zero attention is not a "normal" 50.
        score = reading.percentile if reading.index > 0 else 0.0
        if series == MINERALS:
            score = max(score, floor)
        return round(min(100.0, max(0.0, score)), 4)

    def _alpha(self, series: int, inputs: list[float]) -> float:
        if series == COMPOSITE:
            return composite_alpha(self._alphas, inputs)
        if series in THREAT_SLOTS:
            return self._alphas[THREAT_SLOTS.index(series)]
        return 0.0
