"""The faust application: two agents that move records between Kafka and the stages.

Everything that decides anything lives in `georisk.io.stages` and the pure core; this module
only converts faust events to records, sends the results and keeps metrics and readiness.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any, cast

import faust
from faust import Stream
from faust.types import TP, EventT, StreamT

from georisk.core.decode import Rejection
from georisk.io import metrics
from georisk.io.broker import ensure_topics, internal_topic, split_host_port
from georisk.io.consumer import cap_fetch_wait, read_to_end
from georisk.io.http import register_pages
from georisk.io.records import InRecord, OutRecord, dead_letter, dumps
from georisk.io.stages import InputStage, ScoringStage, StageResult
from georisk.io.webhooks import WebhookConfig, WebhookDispatcher, redact
from georisk.models import Alert
from georisk.scopes import ScopeConfig
from georisk.settings import Settings

log = logging.getLogger(__name__)

BATCH_MAX = 1000
# A batch closes after this long even if not full: the latency each stage may add.
BATCH_WITHIN_S = 0.005


def _record(event: EventT[bytes]) -> InRecord:
    message = event.message
    key = message.key if isinstance(message.key, bytes) or message.key is None else None
    return InRecord(
        message.topic,
        message.partition,
        message.offset,
        key,
        message.value if isinstance(message.value, bytes) else b"",
        int(message.timestamp * 1000),
    )


class Runtime:
    """The worker's live state: stages, readiness and the faust app they run in."""

    def __init__(self, settings: Settings, scopes: Sequence[ScopeConfig]) -> None:
        self.settings = settings
        self.scopes = tuple(scopes)
        self.inputs = InputStage(settings, scopes)
        self.scoring = ScoringStage(settings, scopes)
        self.internal = internal_topic(settings)
        self.scoring_ready = asyncio.Event()
        self.scoring_owned = False
        self.broker_up = False
        self.app: faust.App | None = None
        self.webhooks = (
            WebhookDispatcher(
                WebhookConfig(
                    urls=tuple(settings.webhook_urls),
                    secret=settings.webhook_secret.get_secret_value(),
                    timeout_s=settings.webhook_timeout_s,
                    max_attempts=settings.webhook_max_attempts,
                ),
                self.undeliverable,
            )
            if settings.webhook_urls
            else None
        )

    def readiness(self) -> dict[str, bool]:
        assert self.app is not None
        assigned = bool(self.app.consumer.assignment()) if self.app.consumer else False
        return {
            "partitions_assigned": assigned and not self.app.rebalancing,
            "broker_reachable": self.broker_up,
            "state_recovered": self.scoring_ready.is_set() or not self.scoring_owned,
        }

    async def send(self, records: list[OutRecord]) -> None:
        """Send and wait for the broker's acknowledgement before the inputs are committed."""
        assert self.app is not None
        producer = self.app.producer
        futures = [
            await producer.send(
                r.topic,
                r.key,
                r.value,
                None,
                r.timestamp_ms / 1000 if r.timestamp_ms else None,
                None,
            )
            for r in records
        ]
        if futures:
            await asyncio.gather(*futures)

    def count(self, result: StageResult) -> None:
        for (topic, outcome), n in result.outcomes.items():
            metrics.messages.labels(topic, outcome).inc(n)
        for reason, n in result.rejections.items():
            metrics.deadletters.labels(reason).inc(n)
        for alert in result.alerts:
            metrics.alerts.labels(alert.scope, alert.dimension, alert.band_to).inc()
            if self.webhooks is not None:
                self.webhooks.submit(alert)

    async def undeliverable(self, alert: Alert, url: str, reason: str) -> None:
        """An alert no receiver accepted: keep it on the dead-letter topic."""
        record = InRecord(
            self.settings.topics.alerts,
            -1,
            -1,
            f"{alert.scope}/{alert.dimension}".encode(),
            dumps(alert),
            int(time.time() * 1000),
        )
        rejection = Rejection("webhook_undeliverable", f"{redact(url)}: {reason}"[:300])
        await self.send(
            [dead_letter(record, rejection, self.settings.topics.deadletter, datetime.now(UTC))]
        )
        metrics.deadletters.labels("webhook_undeliverable").inc()

    def observe(self, records: Sequence[InRecord]) -> None:
        now_ms = time.time() * 1000
        for record in records:
            metrics.event_to_score.observe(max(0.0, (now_ms - record.timestamp_ms) / 1000))
        for (scope, dimension, horizon), update in self.scoring.latest.items():
            labels = (scope, dimension, horizon)
            metrics.score.labels(*labels).set(update.score)
            metrics.adjusted_score.labels(*labels).set(update.adjusted_score)
            metrics.index.labels(*labels).set(update.index)
            metrics.band.labels(*labels).set(
                ("low", "elevated", "high", "critical").index(update.band)
            )
            if dimension == "composite":
                metrics.partnership_offset.labels(scope, horizon).set(update.partnership_offset)

    async def restore_topics(self) -> None:
        """After an outage the broker may have lost its topics (the embedded one keeps none)."""
        try:
            await ensure_topics(self.settings, timeout_s=5.0)
        except Exception as exc:  # the next probe tries again
            log.warning("could not ensure topics after reconnecting: %r", exc)
            self.broker_up = False

    def release_scoring(self) -> None:
        """Another worker owns scoring now: drop the state and the gauges it would go stale in."""
        self.scoring = ScoringStage(self.settings, self.scopes)
        self.scoring_ready.clear()
        self.scoring_owned = False
        for gauge in (
            metrics.score,
            metrics.adjusted_score,
            metrics.index,
            metrics.band,
            metrics.partnership_offset,
        ):
            gauge.clear()

    async def recover(self, partitions: set[int]) -> None:
        """Rebuild scoring state from the internal topic, then publish the recovered scores."""
        started = time.monotonic()
        loaded = 0
        for partition in sorted(partitions):
            async for values in read_to_end(
                self.settings.bootstrap_servers, self.internal, partition
            ):
                loaded += self.scoring.load(values)
        now = datetime.now(UTC)
        await self.send(self.scoring.publish_records(self.scoring.engines, now))
        self.observe(())
        log.info("recovered %d documents in %.2fs", loaded, time.monotonic() - started)
        self.scoring_ready.set()


def _faust_settings(settings: Settings) -> dict[str, Any]:
    session = settings.session_timeout_s
    folder = {} if settings.data_dir is None else {"datadir": str(settings.data_dir)}
    return {
        **folder,
        "broker": [f"kafka://{server}" for server in settings.bootstrap_servers],
        "store": "memory://",
        "autodiscover": False,
        "web_enabled": True,
        "web_bind": settings.http_host,
        "web_host": settings.http_host,
        "web_port": settings.http_port,
        "topic_partitions": settings.partitions,
        "topic_replication_factor": 1,
        "processing_guarantee": "at_least_once",
        "broker_session_timeout": session,
        "broker_heartbeat_interval": settings.heartbeat_interval_s,
        "broker_rebalance_timeout": max(session, 5.0),
        "broker_request_timeout": max(session * 2, 40.0),
        "broker_commit_interval": 0.5,
        "broker_max_poll_records": 2000,
        "stream_wait_empty": False,
        "consumer_auto_offset_reset": "earliest",
        "producer_linger": 0.001,
        "producer_max_request_size": max(1_048_576, 3 * settings.max_message_bytes),
        "consumer_max_fetch_size": max(4_194_304, 3 * settings.max_message_bytes),
        "producer_acks": -1,
    }


def create_app(settings: Settings, scopes: Sequence[ScopeConfig]) -> tuple[faust.App, Runtime]:
    cap_fetch_wait(settings.fetch_max_wait_ms)
    runtime = Runtime(settings, scopes)
    app = faust.App(settings.app_id, **_faust_settings(settings))
    runtime.app = app
    raw = {"key_serializer": "raw", "value_serializer": "raw"}
    inputs = app.topic(*settings.topics.inputs(), **raw)  # type: ignore[arg-type]
    scored = app.topic(runtime.internal, partitions=1, internal=True, **raw)  # type: ignore[arg-type]

    @app.agent(inputs)
    async def read_inputs(stream: StreamT[Any]) -> None:
        async for events in cast(Stream[bytes], stream).take_events(
            BATCH_MAX, within=BATCH_WITHIN_S
        ):
            result = runtime.inputs.process([_record(e) for e in events], datetime.now(UTC))
            await runtime.send(result.out)
            runtime.count(result)

    @app.agent(scored)
    async def score_documents(stream: StreamT[Any]) -> None:
        async for events in cast(Stream[bytes], stream).take_events(
            BATCH_MAX, within=BATCH_WITHIN_S
        ):
            await runtime.scoring_ready.wait()
            records = [_record(e) for e in events]
            result = runtime.scoring.process(records, datetime.now(UTC))
            await runtime.send(result.out)
            runtime.count(result)
            runtime.observe(records)

    @app.on_partitions_assigned.connect
    async def on_assigned(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        assigned: set[TP] = args[0]
        mine = {tp.partition for tp in assigned if tp.topic == runtime.internal}
        runtime.scoring_owned = bool(mine)
        if mine and not runtime.scoring_ready.is_set():
            asyncio.get_running_loop().create_task(runtime.recover(mine))

    @app.on_partitions_revoked.connect
    async def on_revoked(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        revoked: set[TP] = args[0]
        if any(tp.topic == runtime.internal for tp in revoked):
            runtime.release_scoring()

    @app.task  # type: ignore[untyped-decorator]
    async def start_webhooks() -> None:
        if runtime.webhooks is not None:
            await runtime.webhooks.start()

    @app.on_before_shutdown.connect
    async def stop_webhooks(sender: Any, /, *args: Any, signal: Any, **kwargs: Any) -> None:
        if runtime.webhooks is not None:
            await runtime.webhooks.stop(timeout_s=5.0)

    @app.timer(interval=1.0)  # type: ignore[untyped-decorator]
    async def probe_broker() -> None:
        host, port = split_host_port(settings.bootstrap)
        was_up = runtime.broker_up
        try:
            _, writer = await asyncio.wait_for(asyncio.open_connection(host, port), 1.0)
            writer.close()
            runtime.broker_up = True
        except (OSError, TimeoutError):
            runtime.broker_up = False
        if runtime.broker_up and not was_up:
            await runtime.restore_topics()
        metrics.ready.set(1 if all(runtime.readiness().values()) else 0)

    register_pages(app, runtime)
    return app, runtime
