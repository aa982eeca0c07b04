"""The rolling scoring engine (pure core): one engine for the streaming worker and `replay`.

See docs/methodology.md for the method and every constant.
"""

from georisk.core.scoring.engine import ScoringEngine, TooLate
from georisk.core.scoring.fingerprint import fingerprint
from georisk.core.scoring.params import DEFAULT_PARAMS, MODEL_VERSION, ScoringParams
from georisk.core.scoring.replay import replay

__all__ = [
    "DEFAULT_PARAMS",
    "MODEL_VERSION",
    "ScoringEngine",
    "ScoringParams",
    "TooLate",
    "fingerprint",
    "replay",
]
