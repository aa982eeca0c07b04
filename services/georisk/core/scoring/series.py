"""Names and layout of the scored series.

Four dimensions are accumulated; `composite` is the sum of the three threat dimensions.
A bin's integer vector holds, for each horizon, the decayed volume V then A per dimension.
"""

from __future__ import annotations

from typing import Final

from georisk.models import DIMENSIONS, HORIZONS, SCORE_DIMENSIONS, Dimension, ScoreDimension

THREATS: Final[tuple[Dimension, ...]] = ("china_tension", "cyber", "minerals")
THREAT_SLOTS: Final[tuple[int, ...]] = tuple(DIMENSIONS.index(d) for d in THREATS)
N_DIMS: Final = len(DIMENSIONS)
N_SERIES: Final = len(SCORE_DIMENSIONS)  # dimensions + composite
COMPOSITE: Final = SCORE_DIMENSIONS.index("composite")
PARTNERSHIP: Final = DIMENSIONS.index("partnership")
MINERALS: Final = DIMENSIONS.index("minerals")
N_HORIZONS: Final = len(HORIZONS)
STRIDE: Final = 1 + N_DIMS  # V, then A per dimension
VECTOR: Final = N_HORIZONS * STRIDE


def slot(horizon: int, dimension: int) -> int:
    """Position of A_dimension for `horizon` in a bin vector (V is at horizon·STRIDE)."""
    return horizon * STRIDE + 1 + dimension


def series_name(series: int) -> ScoreDimension:
    return SCORE_DIMENSIONS[series]
