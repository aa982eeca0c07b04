"""The alert state machine: ScoreUpdates and document observations in, Alerts out. Pure.

Time is injected: decisions use the input's event time (`as_of`, `event_time`); `now` only
stamps `emitted_at`. Replaying the same inputs in the same order yields the same alerts with
the same ids.
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Literal

from georisk.core.alerts.bands import RANK, entry_threshold, target_band
from georisk.core.alerts.config import AlertConfig
from georisk.core.alerts.highs import RollingMax
from georisk.core.alerts.velocity import VelocityWindow
from georisk.models import BANDS, Alert, Band, EvidenceItem, ScoreDimension, ScoreUpdate, utc_iso

AlertKind = Literal["band_change", "velocity", "new_high"]
Key = tuple[str, ScoreDimension]


def alert_id(scope: str, dimension: str, kind: str, band_to: str, as_of: datetime) -> str:
    """Deterministic: a retry or a replay of the same alert carries the same id."""
    material = "\x1f".join((scope, dimension, kind, band_to, utc_iso(as_of.astimezone(UTC))))
    return hashlib.sha256(material.encode()).hexdigest()[:32]


@dataclass(slots=True)
class _KeyState:
    """Everything remembered about one (scope, dimension): bounded by the config."""

    velocity: VelocityWindow
    highs: RollingMax
    band: Band = "low"
    entered_at: datetime | None = None
    last_as_of: datetime | None = None
    last_score: float = 0.0
    evidence: list[EvidenceItem] = field(default_factory=list)
    last_alert: dict[AlertKind, datetime] = field(default_factory=dict)


class AlertEngine:
    """Band changes with hysteresis, dwell and cooldown, plus velocity and new-high novelties."""

    def __init__(self, config: AlertConfig | None = None) -> None:
        self.config = config or AlertConfig()
        self._states: OrderedDict[Key, _KeyState] = OrderedDict()

    def band(self, scope: str, dimension: ScoreDimension) -> Band:
        """The band the state machine holds for (scope, dimension)."""
        state = self._states.get((scope, dimension))
        return state.band if state else "low"

    def __len__(self) -> int:
        return len(self._states)

    def observe_score(self, update: ScoreUpdate, now: datetime) -> list[Alert]:
        """Feed one ScoreUpdate; updates of the other horizon and stale ones are ignored."""
        if update.horizon != self.config.horizon:
            return []
        state = self._state(update.scope, update.dimension)
        if state.last_as_of is not None and update.as_of < state.last_as_of:
            return []
        state.last_as_of = update.as_of
        state.last_score = update.score
        state.evidence = list(update.top_evidence)
        alerts = [self._band_change(state, update, now), self._new_high(state, update, now)]
        return [alert for alert in alerts if alert is not None]

    def observe_document(
        self,
        scope: str,
        dimension: ScoreDimension,
        doc_id: str,
        source: str | None,
        event_time: datetime,
        now: datetime,
    ) -> list[Alert]:
        """Feed one relevant document; may return a velocity alert."""
        state = self._state(scope, dimension)
        if not state.velocity.add(doc_id, source, event_time):
            return []
        alert = self._velocity(state, scope, dimension, now)
        return [alert] if alert else []

    def _velocity(
        self, state: _KeyState, scope: str, dimension: ScoreDimension, now: datetime
    ) -> Alert | None:
        cfg = self.config
        rate = state.velocity.rate()
        if rate is None or not state.velocity.warmed_up():
            return None
        spiking = (
            rate.current >= cfg.velocity_min_docs
            and rate.current >= cfg.velocity_ratio * rate.baseline_mean
            and rate.sources >= cfg.velocity_min_sources
        )
        if not spiking or self._cooling(state, "velocity", rate.window_end, cfg.cooldown):
            return None
        minutes = cfg.velocity_window.total_seconds() / 60
        reason = (
            f"velocity: {rate.current} documents from {rate.sources}+ sources in the "
            f"{minutes:g} min to {utc_iso(rate.window_end)}, against a mean of "
            f"{rate.baseline_mean:.1f} in the {cfg.velocity_baseline_windows} windows before"
        )
        return self._emit(
            state,
            scope,
            dimension,
            "velocity",
            state.band,
            rate.window_end,
            state.last_score,
            reason,
            now,
        )

    def _band_change(self, state: _KeyState, update: ScoreUpdate, now: datetime) -> Alert | None:
        cfg = self.config
        target = target_band(
            state.band, update.score, update.band, cfg.elevated, cfg.high, cfg.clear_margin
        )
        if target == state.band:
            return None
        escalating = RANK[target] > RANK[state.band]
        dwelling = state.entered_at is not None and update.as_of - state.entered_at < cfg.min_dwell
        if not escalating and dwelling:
            return None
        bypass = escalating and cfg.escalation_bypasses_cooldown
        if not bypass and self._cooling(state, "band_change", update.as_of, cfg.cooldown):
            return None
        band_from = state.band
        state.band = target
        state.entered_at = update.as_of
        reason = self._band_reason(band_from, target, update)
        return self._emit(
            state,
            update.scope,
            update.dimension,
            "band_change",
            band_from,
            update.as_of,
            update.score,
            reason,
            now,
        )

    def _band_reason(self, band_from: Band, band_to: Band, update: ScoreUpdate) -> str:
        cfg = self.config
        score = f"{update.horizon} score {update.score:.1f}"
        if band_to == "critical":
            return f"{score}: the scorer marked the update critical"
        if RANK[band_to] > RANK[band_from]:
            threshold = entry_threshold(band_to, cfg.elevated, cfg.high)
            return f"{score} reached {band_to} (entry {threshold:g})"
        if band_from == "critical":
            return f"{score}: no longer critical, held at {band_to}"
        # Name the exit of the lowest band left: high -> low crossed the exit of elevated too.
        left = BANDS[RANK[band_to] + 1]
        exit_at = entry_threshold(left, cfg.elevated, cfg.high) - cfg.clear_margin
        return f"{score} fell below {exit_at:g}, the exit of {left}"

    def _new_high(self, state: _KeyState, update: ScoreUpdate, now: datetime) -> Alert | None:
        cfg = self.config
        # A thin-data fluke must neither fire nor mask a later, well-supported high.
        if update.n_docs < cfg.new_high_min_docs:
            return None
        prior = state.highs.prior_max(update.as_of)
        warmed = state.highs.history(update.as_of) >= cfg.new_high_min_history
        state.highs.add(update.as_of, update.index)
        if prior is None or not warmed or update.index <= prior:
            return None
        if self._cooling(state, "new_high", update.as_of, cfg.new_high_cooldown):
            return None
        days = cfg.new_high_history.total_seconds() / 86_400
        reason = (
            f"new high: index {update.index:.1f} above the {days:g}-day maximum {prior:.1f} "
            f"({update.n_docs} documents)"
        )
        return self._emit(
            state,
            update.scope,
            update.dimension,
            "new_high",
            state.band,
            update.as_of,
            update.score,
            reason,
            now,
        )

    @staticmethod
    def _cooling(state: _KeyState, kind: AlertKind, as_of: datetime, cooldown: timedelta) -> bool:
        last = state.last_alert.get(kind)
        return last is not None and as_of - last < cooldown

    def _emit(
        self,
        state: _KeyState,
        scope: str,
        dimension: ScoreDimension,
        kind: AlertKind,
        band_from: Band,
        as_of: datetime,
        score: float,
        reason: str,
        now: datetime,
    ) -> Alert:
        state.last_alert[kind] = as_of
        return Alert(
            id=alert_id(scope, dimension, kind, state.band, as_of),
            kind=kind,
            scope=scope,
            dimension=dimension,
            band_from=band_from,
            band_to=state.band,
            score=score,
            reason=reason,
            evidence=state.evidence,
            as_of=as_of,
            emitted_at=now,
        )

    def _state(self, scope: str, dimension: ScoreDimension) -> _KeyState:
        key = (scope, dimension)
        state = self._states.get(key)
        if state is None:
            state = self._new_state()
            self._states[key] = state
            if len(self._states) > self.config.max_keys:
                self._states.popitem(last=False)
        else:
            self._states.move_to_end(key)
        return state

    def _new_state(self) -> _KeyState:
        cfg = self.config
        return _KeyState(
            velocity=VelocityWindow(
                cfg.velocity_slot,
                cfg.velocity_slots,
                cfg.velocity_baseline_windows,
                cfg.velocity_min_sources,
                cfg.velocity_dedupe_capacity,
            ),
            highs=RollingMax(cfg.new_high_bucket, cfg.new_high_buckets),
        )
