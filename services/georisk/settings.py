"""Runtime settings: environment variables with the `GEORISK_` prefix (also CLI flags).

Frozen: a worker's configuration never changes under it. Defaults suit a laptop with the
embedded broker; production overrides them through the environment (see deploy/).
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

CONTRACT_TOPICS = {
    "articles": "georisk.articles.v1",
    "events": "georisk.events.v1",
    "signals": "georisk.signals.v1",
    "scores": "georisk.scores.v1",
    "alerts": "georisk.alerts.v1",
    "deadletter": "georisk.deadletter.v1",
}


class Topics:
    """Topic names: the contract names, optionally behind a namespace prefix (tests use one)."""

    def __init__(self, namespace: str = "") -> None:
        self.namespace = namespace
        self.articles = namespace + CONTRACT_TOPICS["articles"]
        self.events = namespace + CONTRACT_TOPICS["events"]
        self.signals = namespace + CONTRACT_TOPICS["signals"]
        self.scores = namespace + CONTRACT_TOPICS["scores"]
        self.alerts = namespace + CONTRACT_TOPICS["alerts"]
        self.deadletter = namespace + CONTRACT_TOPICS["deadletter"]

    def inputs(self) -> list[str]:
        return [self.articles, self.events]

    def all(self) -> list[str]:
        return [getattr(self, name) for name in CONTRACT_TOPICS]


class Settings(BaseSettings):
    """Every knob of a georisk process. Secrets are `SecretStr` and never printed."""

    model_config = SettingsConfigDict(env_prefix="GEORISK_", frozen=True, extra="ignore")

    bootstrap: str = "127.0.0.1:19092"
    http_host: str = "127.0.0.1"
    http_port: int = Field(default=6066, ge=0, le=65535)
    app_id: str = "georisk"
    # Faust's own folder (table metadata; the store is in memory). Unset, Faust makes
    # `<app_id>-data` in the working directory; the demo, bench and tests keep it in theirs.
    data_dir: Path | None = None
    webhook_urls: Annotated[list[str], NoDecode] = Field(default_factory=list)
    webhook_secret: SecretStr = SecretStr("")
    webhook_timeout_s: float = Field(default=5.0, gt=0.0)
    webhook_max_attempts: int = Field(default=5, ge=1)
    scopes_file: Path | None = None
    partitions: int = Field(default=4, ge=1, le=256)
    topic_namespace: str = ""
    max_message_bytes: int = Field(default=1_000_000, ge=1024)
    max_future_skew_s: float = Field(default=86_400.0, ge=0.0)
    allowed_lateness_s: float = Field(default=7 * 86_400.0, ge=0.0)
    log_level: str = "info"
    # The embedded broker (Tansu) holds JoinGroup for session/2: keep these small there and
    # raise them on real Kafka (deploy/ sets 10-30 s).
    session_timeout_s: float = Field(default=6.0, gt=0.0)
    heartbeat_interval_s: float = Field(default=1.0, gt=0.0)
    fetch_max_wait_ms: int = Field(default=10, ge=1)

    @field_validator("webhook_urls", mode="before")
    @classmethod
    def _split_urls(cls, value: object) -> object:
        if isinstance(value, str):
            return [url.strip() for url in value.split(",") if url.strip()]
        return value

    @property
    def topics(self) -> Topics:
        return Topics(self.topic_namespace)

    @property
    def bootstrap_servers(self) -> list[str]:
        return [server.strip() for server in self.bootstrap.split(",") if server.strip()]
