"""Export controls as states: in force between effective and expiry dates, holding a floor.

A control in force on a tracked material holds `minerals` at min(cap, base + step·n) for n
controls in force, whatever the news flow does, until it expires. States come from the scope
configuration and from documents announcing a control; an announcement that repeats a
configured control (same material, measure and start day) is not counted twice. Suspensions
and lifts are expressed through expiry dates in configuration, not counted as controls.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import datetime

from georisk.core.scoring.decay import seconds
from georisk.core.scoring.params import ScoringParams
from georisk.models import ExportControl
from georisk.scopes import ScopeConfig

RESTRICTIVE = frozenset({"ban", "licensing", "quota", "other"})
NEVER = float("inf")


def _material(name: str) -> str:
    key = name.strip().lower()
    return key[:-1] if key.endswith("s") else key


def _day(at: float) -> int:
    return int(at // 86_400)


@dataclass(frozen=True, slots=True)
class ControlSpan:
    materials: frozenset[str]
    measure: str
    start: float
    end: float
    label: str = ""

    def active(self, at: float) -> bool:
        return self.start <= at < self.end

    def covers(self, other: ControlSpan) -> bool:
        return (
            self.measure == other.measure
            and _day(self.start) == _day(other.start)
            and other.materials <= self.materials
        )


class ControlBook:
    """The control states of one scope: configured ones plus those announced by documents."""

    def __init__(self, scope: ScopeConfig, params: ScoringParams) -> None:
        self._params = params
        self._tracked = frozenset(_material(m) for m in scope.materials)
        self._configured = [
            span
            for c in scope.controls
            if (span := self._span(c.materials, c.measure, c.effective_from, c.expires_at, c.name))
        ]
        # One state per (materials, measure, start day); repeats widen it.
        self._announced: dict[tuple[frozenset[str], str, int], ControlSpan] = {}

    def _span(
        self,
        materials: list[str],
        measure: str,
        start: datetime,
        end: datetime | None,
        label: str = "",
    ) -> ControlSpan | None:
        tracked = frozenset(_material(m) for m in materials) & self._tracked
        if not tracked or measure not in RESTRICTIVE:
            return None
        name = label or f"{measure} on {', '.join(sorted(tracked))} from {start.date()}"
        return ControlSpan(tracked, measure, seconds(start), seconds(end) if end else NEVER, name)

    def __len__(self) -> int:
        return len(self._announced)

    def announce(self, control: ExportControl) -> None:
        span = self._span(
            [control.material], control.measure, control.effective_from, control.expires_at
        )
        if span is None:
            return
        key = (span.materials, span.measure, _day(span.start))
        known = self._announced.get(key)
        if known is not None:  # min start, max end: the same whatever the arrival order
            span = replace(known, start=min(known.start, span.start), end=max(known.end, span.end))
        self._announced[key] = span

    def forget_before(self, at: float) -> None:
        """Drop announced controls that expired before `at` (the folded past)."""
        self._announced = {k: span for k, span in self._announced.items() if span.end >= at}

    def active(self, at: float) -> int:
        return len(self.active_spans(at))

    def active_spans(self, at: float) -> list[ControlSpan]:
        """The control states in force at `at`, newest first (the evidence behind a floor)."""
        configured = [span for span in self._configured if span.active(at)]
        extra = {
            span
            for span in self._announced.values()
            if span.active(at) and not any(c.covers(span) for c in configured)
        }
        return sorted([*configured, *extra], key=lambda s: (-s.start, s.label))

    def floor(self, at: float) -> float:
        n = self.active(at)
        if n == 0:
            return 0.0
        p = self._params
        return min(p.control_floor_cap, p.control_floor_base + p.control_floor_step * n)
