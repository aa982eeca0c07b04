"""`georisk produce FILE`: publish articles/events JSONL or a GDELT export to the input topics."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import orjson
from aiokafka import AIOKafkaProducer

from georisk.cli.options import bootstrap_option, load_settings
from georisk.core.events.gdelt import GdeltFormatError, iter_gdelt_events
from georisk.io.records import dumps

Record = tuple[str, bytes, bytes]


def _jsonl(
    lines: Iterator[bytes], articles: str, events: str, topic: str | None
) -> Iterator[Record]:
    for line in lines:
        line = line.strip()
        if not line:
            continue
        key = b""
        target = topic or articles
        try:
            data = orjson.loads(line)
            if isinstance(data, dict):
                key = str(data.get("id", "")).encode()
                target = topic or (events if "occurred_at" in data else articles)
        except orjson.JSONDecodeError:
            pass  # sent as-is: the worker dead-letters it with a reason
        yield target, key, line


def _gdelt(lines: Iterator[bytes], events: str, topic: str | None) -> Iterator[Record]:
    text = (line.decode("utf-8", "replace") for line in lines)
    for item in iter_gdelt_events(text):
        if isinstance(item, GdeltFormatError):
            click.echo(f"line {item.line}: {item.reason}", err=True)
            continue
        yield topic or events, item.id.encode(), dumps(item)


async def _send(bootstrap: list[str], records: Iterator[Record]) -> int:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, linger_ms=5, acks="all", max_request_size=8 * 1024 * 1024
    )
    await producer.start()
    sent = 0
    try:
        pending = []
        for topic, key, value in records:
            pending.append(await producer.send(topic, value, key=key or None))
            sent += 1
            if len(pending) >= 5000:
                await asyncio.gather(*pending)
                pending.clear()
        await asyncio.gather(*pending)
    finally:
        await producer.stop()
    return sent


@click.command()
@click.argument("file", type=click.Path(allow_dash=True, dir_okay=False, path_type=Path))
@click.option("--topic", default=None, help="Send everything to this topic instead.")
@click.option(
    "--format", "fmt", type=click.Choice(["jsonl", "gdelt"]), default="jsonl", show_default=True
)
@bootstrap_option
def produce(file: Path, topic: str | None, fmt: str, bootstrap: str | None) -> None:
    """Publish FILE: articles and events JSONL (events have occurred_at) or a GDELT export."""
    settings = load_settings(bootstrap=bootstrap)
    handle = sys.stdin.buffer if str(file) == "-" else file.open("rb")
    with handle:
        lines = iter(handle)
        records = (
            _gdelt(lines, settings.topics.events, topic)
            if fmt == "gdelt"
            else _jsonl(lines, settings.topics.articles, settings.topics.events, topic)
        )
        sent = asyncio.run(_send(settings.bootstrap_servers, records))
    click.echo(f"published {sent} messages", err=True)
