"""Alert state: band changes with hysteresis, dwell and cooldown; velocity and new-high novelties.

Pure and clock-injected (see docs/alerts.md). The worker feeds it ScoreUpdates and relevant
documents, publishes what it returns and counts `georisk_alerts_total`.
"""

from georisk.core.alerts.config import AlertConfig
from georisk.core.alerts.engine import AlertEngine, AlertKind, alert_id

__all__ = ["AlertConfig", "AlertEngine", "AlertKind", "alert_id"]
