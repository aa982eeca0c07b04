"""`georisk demo` (what `make run` starts): broker + worker + synthetic feed + live scores."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import click
import orjson
from aiokafka import AIOKafkaProducer
from rich.console import Console
from rich.live import Live

from georisk.cli.options import bootstrap_option, load_settings
from georisk.cli.table import score_table
from georisk.demo.feed import demo_articles
from georisk.io.broker import EmbeddedBroker, ensure_topics, port_open, split_host_port
from georisk.io.processes import http_get, spawn_worker, stop_group
from georisk.settings import Settings

console = Console()


def _worker_env(settings: Settings, logs: Path) -> dict[str, str]:
    return {
        "GEORISK_DATA_DIR": str(logs / "faust-data"),
        "GEORISK_BOOTSTRAP": settings.bootstrap,
        "GEORISK_HTTP_PORT": str(settings.http_port),
        "GEORISK_APP_ID": settings.app_id,
    }


def _wait_ready(base: str, worker: subprocess.Popen[bytes], timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while http_get(f"{base}/readyz")[0] != 200:
        if worker.poll() is not None:
            raise click.ClickException(f"worker exited with code {worker.returncode}")
        if time.monotonic() > deadline:
            raise click.ClickException(f"worker not ready after {timeout_s:.0f}s")
        time.sleep(0.25)


async def _feed(
    settings: Settings, articles: Iterator[dict[str, str]], rate: float, base: str, until: float
) -> None:
    """Publish the demo stream at `rate` and redraw the table once a second until stopped."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    producer = AIOKafkaProducer(bootstrap_servers=settings.bootstrap_servers, linger_ms=5)
    await asyncio.wait_for(producer.start(), 20)
    try:
        with Live(console=console, refresh_per_second=2) as live:
            last_draw = 0.0
            for article in articles:
                if stop.is_set() or time.monotonic() >= until:
                    break
                await producer.send(
                    settings.topics.articles, orjson.dumps(article), key=article["id"].encode()
                )
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(stop.wait(), 1 / rate)
                if time.monotonic() - last_draw >= 1.0:
                    last_draw = time.monotonic()
                    _redraw(live, base, article["published_at"])
    finally:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(producer.stop(), 5)


def _redraw(live: Live, base: str, fed_up_to: str) -> None:
    status, body = http_get(f"{base}/v1/scores")
    if status == 200:
        rows = orjson.loads(body)["scores"]
        title = f"georisk live scores — fed up to {fed_up_to[:16]} (synthetic demo)"
        live.update(score_table(rows, title))


@click.command()
@bootstrap_option
@click.option("--rate", type=float, default=8.0, show_default=True, help="Articles per second.")
@click.option("--duration", type=float, default=None, help="Stop after this many seconds.")
@click.option(
    "--logs",
    type=click.Path(path_type=Path),
    default=Path(".georisk-demo"),
    show_default=True,
    help="Folder for the broker and worker logs.",
)
def demo(bootstrap: str | None, rate: float, duration: float | None, logs: Path) -> None:
    """Start the embedded broker and a worker, feed a synthetic stream and show live scores."""
    settings = load_settings(bootstrap=bootstrap)
    host, port = split_host_port(settings.bootstrap)
    if port_open(host, port):
        raise click.ClickException(
            f"{settings.bootstrap} is in use: stop the other broker or set GEORISK_BOOTSTRAP"
        )
    logs.mkdir(parents=True, exist_ok=True)
    base = f"http://{settings.http_host}:{settings.http_port}"
    broker = EmbeddedBroker(host, port, logs / "broker.log")
    worker: subprocess.Popen[bytes] | None = None
    with contextlib.ExitStack() as stack:
        broker.start()
        stack.callback(broker.stop)
        asyncio.run(ensure_topics(settings))
        console.print(
            f"broker on {settings.bootstrap}; starting the worker (log: {logs}/worker.log)"
        )
        worker = spawn_worker(_worker_env(settings, logs), logs / "worker.log")
        stack.callback(stop_group, worker, 10.0)
        _wait_ready(base, worker, timeout_s=90)
        console.print(
            f"worker ready — metrics at {base}/metrics, scores at {base}/v1/scores; "
            "Ctrl-C stops everything"
        )
        until = time.monotonic() + duration if duration else float("inf")
        asyncio.run(_feed(settings, demo_articles(), rate, base, until))
        console.print("stopping worker and broker…")
