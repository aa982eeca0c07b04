"""Webhook delivery against real HTTP servers on loopback: signing, retries, dead letters."""

from __future__ import annotations

import asyncio
import base64
import logging
import random
import time
from collections.abc import Coroutine
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import format_datetime
from typing import Any, TypeVar

import orjson
import pytest
from aiohttp import web
from hypothesis import given
from hypothesis import strategies as st
from prometheus_client import generate_latest
from standardwebhooks import Webhook, WebhookVerificationError

from georisk.io.metrics import REGISTRY
from georisk.io.webhooks import (
    WebhookConfig,
    WebhookDispatcher,
    alert_body,
    backoff_s,
    redact,
    retry_after_s,
    signature,
    signing_key,
    slack_body,
)
from georisk.models import Alert, EvidenceItem

T = TypeVar("T")
RAW_KEY = b"0123456789abcdef0123456789abcdef"
WHSEC = "whsec_" + base64.b64encode(RAW_KEY).decode()
PLAIN = "plain-text-shared-secret-42"


def run(coro: Coroutine[Any, Any, T], timeout: float = 15.0) -> T:
    """Run one async test body with a hard bound on its duration."""
    return asyncio.run(asyncio.wait_for(coro, timeout))


def make_alert(n: int = 0) -> Alert:
    return Alert(
        id=f"alert-{n}",
        kind="band_change",
        scope="gb-jp",
        dimension="cyber",
        band_from="low",
        band_to="elevated",
        score=88.5,
        reason="fast score 88.5 reached elevated (entry 84)",
        evidence=[
            EvidenceItem(doc_id="d1", title="Ransomware <hits> port", level=3, contribution=1)
        ],
        as_of=datetime(2026, 3, 2, 12, tzinfo=UTC),
        emitted_at=datetime(2026, 3, 2, 12, 0, 5, tzinfo=UTC),
    )


def deliveries(outcome: str) -> float:
    value = REGISTRY.get_sample_value("georisk_webhook_deliveries_total", {"outcome": outcome})
    return value or 0.0


class Counts:
    """Deltas of the delivery counter over a block."""

    def __init__(self) -> None:
        self.start = {o: deliveries(o) for o in ("delivered", "retried", "failed", "deadletter")}

    def delta(self) -> dict[str, int]:
        return {o: int(deliveries(o) - v) for o, v in self.start.items()}


# --- a real receiver on loopback --------------------------------------------------------------

HANG: tuple[int, dict[str, str]] = (0, {})  # never answers until the receiver closes


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    body: bytes
    at: float


@dataclass
class Receiver:
    """aiohttp server on 127.0.0.1:<ephemeral>; replies from a script, then with `default`."""

    script: list[tuple[int, dict[str, str]]] = field(default_factory=list)
    default: int = 200
    secret: str | bytes | None = None  # verify with the standardwebhooks library when set
    seen: list[Seen] = field(default_factory=list)
    processed: list[str] = field(default_factory=list)  # the application's deduped deliveries
    verify_errors: list[str] = field(default_factory=list)

    async def __aenter__(self) -> Receiver:
        self._arrived = asyncio.Condition()
        self._release = asyncio.Event()
        app = web.Application()
        app.router.add_post("/{tail:.*}", self._handle)
        # No access log: it would print the receiver's paths, tokens included, into caplog.
        self._runner = web.AppRunner(app, access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._release.set()
        await self._runner.cleanup()

    def url(self, path: str = "/hook") -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    async def wait_for(self, n: int, within_s: float = 5.0) -> None:
        async with asyncio.timeout(within_s), self._arrived:
            await self._arrived.wait_for(lambda: len(self.seen) >= n)

    async def _handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        headers = dict(request.headers)
        async with self._arrived:
            self.seen.append(Seen(request.path, headers, body, time.monotonic()))
            self._arrived.notify_all()
        status, extra = self.script.pop(0) if self.script else (self.default, {})
        if (status, extra) == HANG:
            await self._release.wait()
            return web.Response(status=503)
        if self.secret is not None:
            try:
                Webhook(self.secret).verify(body, headers)
            except WebhookVerificationError as error:
                self.verify_errors.append(str(error))
                return web.Response(status=401)
        if 200 <= status < 300 and headers["webhook-id"] not in self.processed:
            self.processed.append(headers["webhook-id"])
        return web.Response(status=status, headers=extra)


@dataclass
class DeadLetters:
    items: list[tuple[str, str, str]] = field(default_factory=list)

    def __call__(self, alert: Alert, url: str, reason: str) -> None:
        self.items.append((alert.id, url, reason))


def config(urls: list[str], **overrides: Any) -> WebhookConfig:
    values: dict[str, Any] = {
        "secret": WHSEC,
        "timeout_s": 2.0,
        "max_attempts": 3,
        "backoff_base_s": 0.001,
        "backoff_max_s": 0.01,
        "queue_size": 10,
    }
    return WebhookConfig(urls=tuple(urls), **(values | overrides))


# --- pure parts -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("secret", "key"),
    [
        (WHSEC, RAW_KEY),
        (WHSEC.rstrip("="), RAW_KEY),
        (PLAIN, PLAIN.encode()),
        ("", b""),
    ],
)
def test_signing_key(secret: str, key: bytes) -> None:
    assert signing_key(secret) == key


def test_bad_whsec_secret_is_rejected_without_echoing_it() -> None:
    with pytest.raises(ValueError, match="not base64") as error:
        WebhookConfig(urls=(), secret="whsec_!!not-base64-zzz")
    assert "not-base64-zzz" not in str(error.value)


@given(st.text(min_size=1, max_size=40), st.binary(max_size=300), st.integers(0, 2**32))
def test_signature_matches_the_reference_library(msg_id: str, body: bytes, ts: int) -> None:
    text = body.decode("latin-1")
    when = datetime.fromtimestamp(ts, tz=UTC)
    for secret, reference in ((WHSEC, Webhook(WHSEC)), (PLAIN, Webhook(PLAIN.encode()))):
        expected = reference.sign(msg_id, when, text)
        assert signature(signing_key(secret), msg_id, ts, text.encode()) == expected


NOW_TS = 1_800_000_000.0


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (None, None),
        ("", None),
        ("7", 7.0),
        ("0", 0.0),
        ("-3", None),
        ("soon", None),
        (format_datetime(datetime.fromtimestamp(NOW_TS + 30, tz=UTC), usegmt=True), 30.0),
        (format_datetime(datetime.fromtimestamp(NOW_TS - 30, tz=UTC), usegmt=True), 0.0),
    ],
)
def test_retry_after(header: str | None, expected: float | None) -> None:
    assert retry_after_s(header, NOW_TS) == expected


@given(st.integers(1, 30), st.floats(0.0, 5.0), st.floats(5.0, 60.0), st.integers(0, 2**31))
def test_backoff_is_full_jitter_under_the_cap(
    attempt: int, base: float, cap: float, seed: int
) -> None:
    delay = backoff_s(attempt, base, cap, random.Random(seed))
    assert 0.0 <= delay <= min(cap, base * 2 ** (attempt - 1))


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://hooks.slack.com/services/T0/B0/SECRETTOKEN", "https://hooks.slack.com"),
        ("http://user:pw@10.0.0.1:8080/x?token=abc", "http://10.0.0.1:8080"),
    ],
)
def test_redact_keeps_only_scheme_host_port(url: str, safe: str) -> None:
    assert redact(url) == safe


def test_config_hides_the_secret_and_validates() -> None:
    cfg = config(["http://127.0.0.1:1/x"])
    assert WHSEC not in repr(cfg)
    assert "secret" not in repr(cfg)
    with pytest.raises(ValueError, match="http"):
        WebhookConfig(urls=("ftp://example.org/x",))
    with pytest.raises(ValueError, match="max_attempts"):
        config([], max_attempts=0)


def test_bodies() -> None:
    alert = make_alert()
    assert orjson.loads(alert_body(alert)) == alert.model_dump(mode="json")
    slack = orjson.loads(slack_body(alert))
    assert slack["text"].startswith("georisk gb-jp/cyber: low → elevated")
    assert "Ransomware &lt;hits&gt; port" in slack["blocks"][0]["text"]["text"]
    assert "alert-0" in slack["blocks"][1]["elements"][0]["text"]


# --- delivery over loopback -------------------------------------------------------------------


def test_receiver_failing_twice_then_recovering_gets_the_alert_exactly_once() -> None:
    async def scenario() -> tuple[Receiver, DeadLetters, dict[str, int]]:
        counts, dead = Counts(), DeadLetters()
        async with Receiver(script=[(503, {}), (503, {})]) as rx:
            dispatcher = WebhookDispatcher(config([rx.url()]), dead)
            await dispatcher.start()
            dispatcher.submit(make_alert())
            await rx.wait_for(3)
            await dispatcher.stop(timeout_s=5)
        return rx, dead, counts.delta()

    rx, dead, delta = run(scenario())
    assert rx.processed == ["alert-0"]
    assert len(rx.seen) == 3
    assert {s.headers["webhook-id"] for s in rx.seen} == {"alert-0"}
    assert dead.items == []
    assert delta == {"delivered": 1, "retried": 2, "failed": 0, "deadletter": 0}


@pytest.mark.parametrize(
    ("secret", "verifier"),
    [(WHSEC, WHSEC), (PLAIN, PLAIN.encode())],
    ids=["whsec-base64", "raw-bytes"],
)
def test_signatures_verify_with_the_standardwebhooks_library(secret: str, verifier: Any) -> None:
    async def scenario() -> tuple[Receiver, DeadLetters]:
        dead = DeadLetters()
        async with Receiver(secret=verifier) as rx:
            dispatcher = WebhookDispatcher(config([rx.url()], secret=secret), dead)
            await dispatcher.start()
            for n in range(3):
                dispatcher.submit(make_alert(n))
            await dispatcher.stop(timeout_s=5)
        return rx, dead

    rx, dead = run(scenario())
    assert rx.verify_errors == []
    assert rx.processed == ["alert-0", "alert-1", "alert-2"]
    assert orjson.loads(rx.seen[0].body) == make_alert(0).model_dump(mode="json")
    assert rx.seen[0].headers["Content-Type"] == "application/json"
    assert dead.items == []


def test_a_wrong_secret_fails_verification() -> None:
    async def scenario() -> tuple[Receiver, DeadLetters]:
        dead = DeadLetters()
        async with Receiver(secret=WHSEC) as rx:
            dispatcher = WebhookDispatcher(config([rx.url()], secret=PLAIN), dead)
            await dispatcher.start()
            dispatcher.submit(make_alert())
            await dispatcher.stop(timeout_s=5)
        return rx, dead

    rx, dead = run(scenario())
    assert rx.verify_errors == ["No matching signature found"]
    assert [reason for _, _, reason in dead.items] == ["http_401"]


def test_429_retry_after_is_honoured() -> None:
    async def scenario() -> tuple[Receiver, DeadLetters]:
        dead = DeadLetters()
        async with Receiver(script=[(429, {"Retry-After": "1"})]) as rx:
            dispatcher = WebhookDispatcher(config([rx.url()]), dead)
            await dispatcher.start()
            dispatcher.submit(make_alert())
            await rx.wait_for(2)
            await dispatcher.stop(timeout_s=5)
        return rx, dead

    rx, dead = run(scenario())
    gap = rx.seen[1].at - rx.seen[0].at
    assert 0.9 <= gap < 3.0  # the backoff alone would be ≤ 10 ms
    assert rx.processed == ["alert-0"]
    assert dead.items == []


def test_retry_after_is_capped() -> None:
    async def scenario() -> tuple[Receiver, float]:
        async with Receiver(script=[(503, {"Retry-After": "3600"})]) as rx:
            dispatcher = WebhookDispatcher(
                config([rx.url()], retry_after_max_s=0.05), DeadLetters()
            )
            await dispatcher.start()
            dispatcher.submit(make_alert())
            await rx.wait_for(2)
            await dispatcher.stop(timeout_s=5)
        return rx, rx.seen[1].at - rx.seen[0].at

    rx, gap = run(scenario())
    assert gap < 1.0
    assert rx.processed == ["alert-0"]


@pytest.mark.parametrize("status", [400, 404, 410, 422])
def test_other_4xx_is_not_retried_and_is_dead_lettered(status: int) -> None:
    async def scenario() -> tuple[Receiver, DeadLetters, dict[str, int], str]:
        counts, dead = Counts(), DeadLetters()
        async with Receiver(default=status) as rx:
            url = rx.url()
            dispatcher = WebhookDispatcher(config([url]), dead)
            await dispatcher.start()
            dispatcher.submit(make_alert())
            await dispatcher.stop(timeout_s=5)
        return rx, dead, counts.delta(), url

    rx, dead, delta, url = run(scenario())
    assert len(rx.seen) == 1
    assert dead.items == [("alert-0", url, f"http_{status}")]
    assert delta == {"delivered": 0, "retried": 0, "failed": 1, "deadletter": 1}


def test_unreachable_receiver_is_retried_then_dead_lettered() -> None:
    async def scenario() -> tuple[DeadLetters, dict[str, int]]:
        async with Receiver() as rx:
            url = rx.url()  # the port is closed once the receiver is gone
        counts, dead = Counts(), DeadLetters()
        dispatcher = WebhookDispatcher(config([url]), dead)
        await dispatcher.start()
        dispatcher.submit(make_alert())
        await dispatcher.stop(timeout_s=5)
        return dead, counts.delta()

    dead, delta = run(scenario())
    assert [reason for _, _, reason in dead.items] == ["connection_error"]
    assert delta == {"delivered": 0, "retried": 2, "failed": 1, "deadletter": 1}


def test_a_hanging_receiver_blocks_neither_submit_nor_other_receivers() -> None:
    async def scenario() -> tuple[float, Receiver, list[tuple[str, str, str]], DeadLetters]:
        dead = DeadLetters()
        async with Receiver() as stuck, Receiver() as healthy:
            stuck.script = [HANG] * 10
            cfg = config([stuck.url(), healthy.url()], timeout_s=0.3, max_attempts=2)
            dispatcher = WebhookDispatcher(cfg, dead)
            await dispatcher.start()
            began = time.monotonic()
            for n in range(3):
                dispatcher.submit(make_alert(n))
            submit_s = time.monotonic() - began
            await healthy.wait_for(3, within_s=2.0)
            before_any_timeout = list(dead.items)
            await dispatcher.stop(timeout_s=0.2)
        return submit_s, healthy, before_any_timeout, dead

    submit_s, healthy, early, dead = run(scenario())
    assert submit_s < 0.1
    assert healthy.processed == ["alert-0", "alert-1", "alert-2"]
    assert early == []
    # Nothing is lost: every alert for the stuck receiver ends in the dead-letter callback.
    assert sorted(alert_id for alert_id, _, _ in dead.items) == ["alert-0", "alert-1", "alert-2"]
    assert {reason for _, _, reason in dead.items} <= {"timeout", "shutdown"}


def test_a_full_queue_dead_letters_instead_of_blocking() -> None:
    async def scenario() -> tuple[float, DeadLetters]:
        dead = DeadLetters()
        async with Receiver() as stuck:
            stuck.script = [HANG] * 20
            dispatcher = WebhookDispatcher(config([stuck.url()], queue_size=2), dead)
            await dispatcher.start()
            began = time.monotonic()
            for n in range(10):
                dispatcher.submit(make_alert(n))
            submit_s = time.monotonic() - began
            await dispatcher.stop(timeout_s=0.2)
        return submit_s, dead

    submit_s, dead = run(scenario())
    assert submit_s < 0.1
    reasons = [reason for _, _, reason in dead.items]
    assert reasons.count("queue_full") == 8
    assert reasons.count("shutdown") == 2
    assert sorted(a for a, _, _ in dead.items) == sorted(f"alert-{n}" for n in range(10))


def test_stop_drains_and_later_submits_are_dead_lettered() -> None:
    async def scenario() -> tuple[Receiver, DeadLetters]:
        dead = DeadLetters()
        async with Receiver(script=[(500, {})]) as rx:
            dispatcher = WebhookDispatcher(config([rx.url()]), dead)
            await dispatcher.start()
            for n in range(5):
                dispatcher.submit(make_alert(n))
            await dispatcher.stop(timeout_s=5)
            assert dispatcher.pending == 0
            dispatcher.submit(make_alert(9))
            await dispatcher.stop(timeout_s=1)
        return rx, dead

    rx, dead = run(scenario())
    assert rx.processed == [f"alert-{n}" for n in range(5)]
    assert [(a, r) for a, _, r in dead.items] == [("alert-9", "stopped")]


def test_async_dead_letter_callbacks_are_awaited() -> None:
    received: list[str] = []

    async def to_topic(alert: Alert, url: str, reason: str) -> None:
        await asyncio.sleep(0)
        received.append(f"{alert.id}:{reason}")

    async def scenario() -> None:
        async with Receiver(default=400) as rx:
            dispatcher = WebhookDispatcher(config([rx.url()], queue_size=1), to_topic)
            await dispatcher.start()
            dispatcher.submit(make_alert(0))
            dispatcher.submit(make_alert(1))  # queue full
            await dispatcher.stop(timeout_s=5)

    run(scenario())
    assert sorted(received) == ["alert-0:http_400", "alert-1:queue_full"]


def test_slack_urls_get_a_slack_body() -> None:
    async def scenario() -> Receiver:
        async with Receiver() as rx:
            slack_url = "slack+" + rx.url("/services/T0/B0/TOKEN")
            dispatcher = WebhookDispatcher(config([slack_url, rx.url("/plain")]), DeadLetters())
            await dispatcher.start()
            dispatcher.submit(make_alert())
            await dispatcher.stop(timeout_s=5)
        return rx

    rx = run(scenario())
    bodies = {seen.path: orjson.loads(seen.body) for seen in rx.seen}
    assert set(bodies) == {"/services/T0/B0/TOKEN", "/plain"}
    assert set(bodies["/services/T0/B0/TOKEN"]) == {"text", "blocks"}
    assert bodies["/plain"]["id"] == "alert-0"


def test_the_secret_never_reaches_logs_or_metrics(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    token_path = "/services/T0/B0/SLACKTOKEN"

    async def scenario() -> None:
        async with Receiver(script=[(503, {}), (400, {})]) as rx, Receiver() as slack:
            urls = [rx.url(), "slack+" + slack.url(token_path)]
            dispatcher = WebhookDispatcher(config(urls), DeadLetters())
            await dispatcher.start()
            dispatcher.submit(make_alert())
            await dispatcher.stop(timeout_s=5)

    run(scenario())
    logged = caplog.text
    assert "undeliverable: http_400" in logged  # the scenario did log, and what it logged:
    assert "delivered to http://127.0.0.1" in logged
    exposition = generate_latest(REGISTRY).decode()
    for leak in (WHSEC, WHSEC.removeprefix("whsec_"), RAW_KEY.decode(), "SLACKTOKEN"):
        assert leak not in logged
        assert leak not in exposition


def test_unsigned_when_no_secret(caplog: pytest.LogCaptureFixture) -> None:
    async def scenario() -> Receiver:
        async with Receiver() as rx:
            dispatcher = WebhookDispatcher(config([rx.url()], secret=""), DeadLetters())
            await dispatcher.start()
            dispatcher.submit(make_alert())
            await dispatcher.stop(timeout_s=5)
        return rx

    rx = run(scenario())
    assert "webhook-signature" not in {k.lower() for k in rx.seen[0].headers}
    assert rx.seen[0].headers["webhook-id"] == "alert-0"
    assert "not signed" in caplog.text


def test_timestamps_are_fresh_per_attempt() -> None:
    async def scenario() -> Receiver:
        async with Receiver(script=[(503, {})]) as rx:
            # The injected clock moves on 1000 s with every request the receiver has seen.
            clock = lambda: 1000.0 * (1 + len(rx.seen))  # noqa: E731
            dispatcher = WebhookDispatcher(config([rx.url()]), DeadLetters(), clock=clock)
            await dispatcher.start()
            dispatcher.submit(make_alert())
            await dispatcher.stop(timeout_s=5)
        return rx

    rx = run(scenario())
    assert [s.headers["webhook-timestamp"] for s in rx.seen] == ["1000", "2000"]
    assert {s.headers["webhook-id"] for s in rx.seen} == {"alert-0"}


def test_stop_without_start_dead_letters_at_once_and_start_restarts() -> None:
    async def scenario() -> tuple[float, DeadLetters, Receiver]:
        dead = DeadLetters()
        async with Receiver() as rx:
            dispatcher = WebhookDispatcher(config([rx.url()]), dead)
            dispatcher.submit(make_alert(0))  # queued before start
            began = time.monotonic()
            await dispatcher.stop(timeout_s=5)
            stop_s = time.monotonic() - began
            await dispatcher.start()
            dispatcher.submit(make_alert(1))
            await dispatcher.stop(timeout_s=5)
        return stop_s, dead, rx

    stop_s, dead, rx = run(scenario())
    assert stop_s < 1.0  # no worker to wait for
    assert [(a, r) for a, _, r in dead.items] == [("alert-0", "shutdown")]
    assert rx.processed == ["alert-1"]
