"""Alert delivery to webhooks: Standard Webhooks signatures, retries, dead letters.

`submit(alert)` never blocks: each URL has its own bounded queue and worker task, so a slow or
dead receiver delays only itself, and a full queue dead-letters instead of stalling scoring.
Each attempt is signed afresh (`webhook-timestamp` is the attempt's time, so a late retry still
passes the receiver's 5-minute tolerance); `webhook-id` is the alert id, stable across retries,
for receiver-side dedupe. Retries use exponential backoff with full jitter, or the receiver's
`Retry-After`, on timeouts, connection errors, 429 and 5xx; other statuses are final.

Secret handling follows the Standard Webhooks spec: a `whsec_`-prefixed secret is base64
decoded to the HMAC key, any other secret is used as its UTF-8 bytes. The secret is never
logged, never put in a metric, and left out of `repr(WebhookConfig)`; URLs are logged as
scheme://host:port only (Slack URLs carry a token in their path).

A URL written `slack+https://…` receives a Slack-compatible body (`text` + `blocks`) instead of
the Alert JSON; the signature headers are sent either way.
"""

from __future__ import annotations

import asyncio
import base64
import binascii
import hashlib
import hmac
import inspect
import logging
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import aiohttp
import orjson

from georisk.io import metrics
from georisk.models import Alert, utc_iso

logger = logging.getLogger(__name__)

SLACK_PREFIX = "slack+"
SECRET_PREFIX = "whsec_"  # noqa: S105 - the spec's prefix, not a secret

# Called once per (alert, url) that cannot be delivered; may be a coroutine function.
Undeliverable = Callable[[Alert, str, str], Awaitable[None] | None]


@dataclass(frozen=True, slots=True)
class WebhookConfig:
    """Where and how alerts are delivered; the worker builds it from Settings."""

    urls: tuple[str, ...]
    secret: str = field(default="", repr=False)
    timeout_s: float = 5.0
    max_attempts: int = 5
    backoff_base_s: float = 0.5
    backoff_max_s: float = 30.0
    queue_size: int = 1000
    # A receiver asking for a longer pause than this gets this.
    retry_after_max_s: float = 300.0

    def __post_init__(self) -> None:
        object.__setattr__(self, "urls", tuple(self.urls))
        checks = {
            "timeout_s > 0": self.timeout_s > 0,
            "max_attempts >= 1": self.max_attempts >= 1,
            "0 <= backoff_base_s <= backoff_max_s": 0 <= self.backoff_base_s <= self.backoff_max_s,
            "queue_size >= 1": self.queue_size >= 1,
            "retry_after_max_s >= 0": self.retry_after_max_s >= 0,
        }
        failed = [rule for rule, ok in checks.items() if not ok]
        if failed:
            raise ValueError(f"invalid WebhookConfig: {', '.join(failed)}")
        for url in self.urls:
            _Target.parse(url)
        signing_key(self.secret)


# --- signing ----------------------------------------------------------------------------------


def signing_key(secret: str) -> bytes:
    """The HMAC key: `whsec_<base64>` decoded, any other secret as its UTF-8 bytes."""
    if not secret.startswith(SECRET_PREFIX):
        return secret.encode()
    encoded = secret.removeprefix(SECRET_PREFIX)
    try:
        return base64.b64decode(encoded + "=" * (-len(encoded) % 4), validate=True)
    except (binascii.Error, ValueError):
        # Never echo the value: it is the secret.
        raise ValueError("webhook secret has the whsec_ prefix but is not base64") from None


def signature(key: bytes, msg_id: str, timestamp: int, body: bytes) -> str:
    """`v1,<base64 HMAC-SHA256(key, "{id}.{timestamp}.{body}")>`."""
    signed = f"{msg_id}.{timestamp}.".encode() + body
    digest = hmac.new(key, signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(digest).decode()


def signed_headers(key: bytes, msg_id: str, timestamp: int, body: bytes) -> dict[str, str]:
    headers = {
        "content-type": "application/json",
        "webhook-id": msg_id,
        "webhook-timestamp": str(timestamp),
    }
    if key:
        headers["webhook-signature"] = signature(key, msg_id, timestamp, body)
    return headers


# --- bodies -----------------------------------------------------------------------------------


def alert_body(alert: Alert) -> bytes:
    """The Alert exactly as published on georisk.alerts.v1."""
    return orjson.dumps(alert.model_dump(mode="json"))


def slack_body(alert: Alert) -> bytes:
    """A Slack/Mattermost incoming-webhook message for one alert."""
    what = {
        "band_change": f"{alert.band_from} → {alert.band_to}",
        "velocity": "velocity spike",
        "new_high": "new high",
    }[alert.kind]
    title = _slack_escape(f"georisk {alert.scope}/{alert.dimension}: {what}")
    detail = _slack_escape(f"score {alert.score:.1f} · {alert.reason}")
    evidence = "\n".join(
        f"• {_slack_escape(item.title or item.doc_id)}" for item in alert.evidence[:3]
    )
    section = f"*{title}*\n{detail}" + (f"\n{evidence}" if evidence else "")
    context = f"as of {utc_iso(alert.as_of)} · id {alert.id}"
    return orjson.dumps(
        {
            "text": f"{title} ({detail})",
            "blocks": [
                {"type": "section", "text": {"type": "mrkdwn", "text": section}},
                {"type": "context", "elements": [{"type": "mrkdwn", "text": context}]},
            ],
        }
    )


def _slack_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# --- retry policy -----------------------------------------------------------------------------


def retry_after_s(value: str | None, now: float) -> float | None:
    """Seconds to wait from a Retry-After header (delay-seconds or HTTP date); None if absent."""
    if value is None or not value.strip():
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    try:
        when = parsedate_to_datetime(text)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        return None
    return max(0.0, when.timestamp() - now)


def backoff_s(attempt: int, base: float, cap: float, rng: random.Random) -> float:
    """Full jitter: uniform over [0, min(cap, base · 2^(attempt-1))]."""
    return rng.uniform(0.0, min(cap, base * 2 ** (attempt - 1)))


def redact(url: str) -> str:
    """scheme://host[:port]: enough to tell receivers apart, no credentials or path tokens."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname or '?'}{port}"


# --- delivery ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Target:
    url: str  # as configured, handed back to on_undeliverable
    post_url: str
    slack: bool
    label: str  # safe to log

    @classmethod
    def parse(cls, url: str) -> _Target:
        slack = url.startswith(SLACK_PREFIX)
        post_url = url.removeprefix(SLACK_PREFIX)
        parts = urlsplit(post_url)
        label = redact(post_url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"webhook URL must be http(s)://host/…: {label}")
        return cls(url=url, post_url=post_url, slack=slack, label=label)


@dataclass(frozen=True, slots=True)
class _Result:
    delivered: bool
    retryable: bool = False
    reason: str = ""
    retry_after: float | None = None


class WebhookDispatcher:
    """Delivers alerts to every configured URL in the background (see the module docstring)."""

    def __init__(
        self,
        config: WebhookConfig,
        on_undeliverable: Undeliverable,
        *,
        clock: Callable[[], float] = time.time,
        rng: random.Random | None = None,
    ) -> None:
        self._config = config
        self._key = signing_key(config.secret)
        self._on_undeliverable = on_undeliverable
        self._clock = clock
        self._rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography
        self._targets = [_Target.parse(url) for url in config.urls]
        self._queues: dict[str, asyncio.Queue[Alert]] = {
            target.url: asyncio.Queue(maxsize=config.queue_size) for target in self._targets
        }
        self._workers: list[asyncio.Task[None]] = []
        self._callbacks: set[asyncio.Task[None]] = set()
        self._session: aiohttp.ClientSession | None = None
        self._accepting = True

    @property
    def pending(self) -> int:
        """Alert deliveries queued and not yet picked up by a worker."""
        return sum(queue.qsize() for queue in self._queues.values())

    async def start(self) -> None:
        if self._session is not None:
            return
        if self._targets and not self._key:
            logger.warning("webhook secret is empty: deliveries are not signed")
        self._accepting = True
        self._session = aiohttp.ClientSession()
        self._workers = [
            asyncio.create_task(self._work(target), name=f"webhook {target.label}")
            for target in self._targets
        ]

    def submit(self, alert: Alert) -> None:
        """Queue an alert for every URL; never blocks, never raises on a full queue."""
        for target in self._targets:
            if not self._accepting:
                self._dead_letter_soon(alert, target, "stopped")
                continue
            try:
                self._queues[target.url].put_nowait(alert)
            except asyncio.QueueFull:
                self._dead_letter_soon(alert, target, "queue_full")

    async def stop(self, timeout_s: float = 10.0) -> None:
        """Stop accepting, let the queues drain for up to `timeout_s`, dead-letter the rest."""
        self._accepting = False
        if self._workers:
            drained = asyncio.gather(*(queue.join() for queue in self._queues.values()))
            try:
                await asyncio.wait_for(drained, timeout_s)
            except TimeoutError:
                logger.warning("webhook queues not drained in %.1f s", timeout_s)
        for task in self._workers:
            task.cancel()
        await asyncio.gather(*self._workers, return_exceptions=True)
        self._workers = []
        for target in self._targets:
            queue = self._queues[target.url]
            while not queue.empty():
                await self._dead_letter(queue.get_nowait(), target, "shutdown")
                queue.task_done()
        if self._callbacks:
            await asyncio.wait(self._callbacks, timeout=timeout_s)
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def _work(self, target: _Target) -> None:
        queue = self._queues[target.url]
        while True:
            alert = await queue.get()
            try:
                await self._deliver(target, alert)
            except asyncio.CancelledError:
                await self._dead_letter(alert, target, "shutdown")
                raise
            except Exception:
                # A bug here must not kill the worker and silently strand the queue.
                logger.exception("webhook delivery of %s to %s crashed", alert.id, target.label)
                await self._dead_letter(alert, target, "internal_error")
            finally:
                queue.task_done()

    async def _deliver(self, target: _Target, alert: Alert) -> None:
        cfg = self._config
        body = slack_body(alert) if target.slack else alert_body(alert)
        for attempt in range(1, cfg.max_attempts + 1):
            result = await self._attempt(target, alert.id, body)
            if result.delivered:
                metrics.webhook_deliveries.labels(outcome="delivered").inc()
                logger.info(
                    "alert %s delivered to %s (attempt %d)", alert.id, target.label, attempt
                )
                return
            if not result.retryable or attempt == cfg.max_attempts:
                metrics.webhook_deliveries.labels(outcome="failed").inc()
                await self._dead_letter(alert, target, result.reason)
                return
            metrics.webhook_deliveries.labels(outcome="retried").inc()
            delay = self._delay(attempt, result.retry_after)
            logger.info(
                "alert %s to %s: %s, retry %d/%d in %.2f s",
                alert.id,
                target.label,
                result.reason,
                attempt + 1,
                cfg.max_attempts,
                delay,
            )
            await asyncio.sleep(delay)

    def _delay(self, attempt: int, retry_after: float | None) -> float:
        cfg = self._config
        if retry_after is not None:
            return min(retry_after, cfg.retry_after_max_s)
        return backoff_s(attempt, cfg.backoff_base_s, cfg.backoff_max_s, self._rng)

    async def _attempt(self, target: _Target, msg_id: str, body: bytes) -> _Result:
        assert self._session is not None, "start() before delivering"
        headers = signed_headers(self._key, msg_id, int(self._clock()), body)
        timeout = aiohttp.ClientTimeout(total=self._config.timeout_s)
        try:
            async with self._session.post(
                target.post_url, data=body, headers=headers, timeout=timeout, allow_redirects=False
            ) as response:
                status = response.status
                retry_after = response.headers.get("Retry-After")
        except TimeoutError:
            return _Result(delivered=False, retryable=True, reason="timeout")
        except (aiohttp.ClientConnectionError, aiohttp.ClientPayloadError):
            return _Result(delivered=False, retryable=True, reason="connection_error")
        except aiohttp.ClientError:
            return _Result(delivered=False, retryable=False, reason="client_error")
        if 200 <= status < 300:
            return _Result(delivered=True)
        retryable = status == 429 or status >= 500
        wait = retry_after_s(retry_after, self._clock()) if retryable else None
        return _Result(
            delivered=False, retryable=retryable, reason=f"http_{status}", retry_after=wait
        )

    def _dead_letter_soon(self, alert: Alert, target: _Target, reason: str) -> None:
        """Dead-letter from synchronous code: an async callback runs as a tracked task."""
        task = asyncio.get_running_loop().create_task(self._dead_letter(alert, target, reason))
        self._callbacks.add(task)
        task.add_done_callback(self._callbacks.discard)

    async def _dead_letter(self, alert: Alert, target: _Target, reason: str) -> None:
        metrics.webhook_deliveries.labels(outcome="deadletter").inc()
        logger.warning("alert %s to %s undeliverable: %s", alert.id, target.label, reason)
        try:
            outcome = self._on_undeliverable(alert, target.url, reason)
            if inspect.isawaitable(outcome):
                await outcome
        except Exception:
            logger.exception("on_undeliverable failed for alert %s", alert.id)
