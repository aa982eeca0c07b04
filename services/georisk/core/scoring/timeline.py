"""The decayed sums and baseline history walked along the fixed event-time grid.

`GridState` at grid point g holds A and V decayed to g from every bin before g, and the
history of samples at grid points ≤ g. Stepping is a fixed sequence of float operations on
integer bin contents, so the result depends only on the bins, never on arrival order.
"""

from __future__ import annotations

from dataclasses import dataclass

from georisk.core.scoring.baseline import History, Reading
from georisk.core.scoring.decay import decay
from georisk.core.scoring.params import ScoringParams
from georisk.core.scoring.series import (
    N_DIMS,
    N_HORIZONS,
    N_SERIES,
    STRIDE,
    THREAT_SLOTS,
    VECTOR,
    series_name,
)

TINY_VOLUME = 1e-200


@dataclass(frozen=True, slots=True)
class Steps:
    """Per-grid-step constants derived from the parameters."""

    decays: tuple[float, ...]  # 2^(−step/h) per horizon
    keep: float  # 2^(−step/baseline half-life)
    inv_scale: float

    @classmethod
    def of(cls, params: ScoringParams) -> Steps:
        step = params.grid_step_s
        return cls(
            tuple(decay(step, h) for h in params.half_lives),
            decay(step, params.baseline_half_life_s),
            1.0 / (1 << params.fixed_point_bits),
        )


def shares(sums: list[float], horizon: int) -> list[float] | None:
    """A/V per series (composite = sum of threats), or None while there is no volume."""
    base = horizon * STRIDE
    volume = sums[base]
    if volume <= TINY_VOLUME:
        return None
    dims = [sums[base + 1 + d] / volume for d in range(N_DIMS)]
    composite = sums[base + 1 + THREAT_SLOTS[0]]
    for d in THREAT_SLOTS[1:]:
        composite += sums[base + 1 + d]
    return [*dims, composite / volume]


class GridState:
    """Sums and histories at grid point `g` (bins < g folded, samples ≤ g applied)."""

    __slots__ = ("g", "histories", "sums")

    def __init__(self, g: int, sums: list[float], histories: list[list[History]]) -> None:
        self.g = g
        self.sums = sums
        self.histories = histories

    @classmethod
    def empty(cls, g: int, params: ScoringParams) -> GridState:
        histories = [
            [History.prior(params, series_name(s)) for s in range(N_SERIES)]
            for _ in range(N_HORIZONS)
        ]
        return cls(g, [0.0] * VECTOR, histories)

    def copy(self) -> GridState:
        return GridState(
            self.g, list(self.sums), [[h.copy() for h in row] for row in self.histories]
        )

    def is_empty(self) -> bool:
        return all(value == 0.0 for value in self.sums)

    def advance(self, bin_sums: list[int] | None, steps: Steps) -> None:
        """Fold bin g into the sums and move to grid point g+1 (no sample yet)."""
        for horizon in range(N_HORIZONS):
            keep = steps.decays[horizon]
            for j in range(horizon * STRIDE, (horizon + 1) * STRIDE):
                added = bin_sums[j] * steps.inv_scale if bin_sums is not None else 0.0
                self.sums[j] = (self.sums[j] + added) * keep
        self.g += 1

    def sample(self, params: ScoringParams, steps: Steps) -> None:
        """Record the shares at grid point g in every series' history."""
        for horizon in range(N_HORIZONS):
            values = shares(self.sums, horizon)
            if values is None:
                continue
            for s, share in enumerate(values):
                self.histories[horizon][s].update(share, steps.keep, params)

    def readings(self, sums: list[float], params: ScoringParams) -> list[list[Reading] | None]:
        """Readings of `sums` (taken at some t after g) against the history of samples ≤ g."""
        out: list[list[Reading] | None] = []
        for horizon in range(N_HORIZONS):
            values = shares(sums, horizon)
            if values is None:
                out.append(None)
                continue
            row = self.histories[horizon]
            out.append([row[s].read(share, params) for s, share in enumerate(values)])
        return out
