"""Consumer tuning faust does not expose, and reading a partition to its end without ListOffsets.

faust hard-codes `fetch_max_wait_ms=1500`; Tansu answers an empty fetch only after that wait,
which puts ~0.4-0.7 s on every message. The subclass caps it at the configured value.
Tansu's ListOffsets(LATEST) is wrong, so `read_to_end` stops at the fetch high watermark.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator
from typing import Any

import aiokafka
from aiokafka.structs import TopicPartition

_ORIGINAL = aiokafka.AIOKafkaConsumer


def cap_fetch_wait(max_wait_ms: int) -> None:
    """Make every AIOKafkaConsumer faust creates wait at most `max_wait_ms` on an empty fetch."""

    class CappedConsumer(_ORIGINAL):  # type: ignore[misc,valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs["fetch_max_wait_ms"] = min(kwargs.get("fetch_max_wait_ms", 500), max_wait_ms)
            super().__init__(*args, **kwargs)

    import faust.transport.drivers.aiokafka as driver

    driver.aiokafka.AIOKafkaConsumer = CappedConsumer  # type: ignore[attr-defined]


async def read_to_end(
    bootstrap: list[str], topic: str, partition: int, timeout_s: float = 120.0
) -> AsyncIterator[list[bytes]]:
    """Yield batches of values of one partition from offset 0 up to its high watermark."""
    tp = TopicPartition(topic, partition)
    consumer = _ORIGINAL(
        bootstrap_servers=bootstrap,
        enable_auto_commit=False,
        group_id=None,
        fetch_max_wait_ms=50,
        max_partition_fetch_bytes=8 * 1024 * 1024,
    )
    await asyncio.wait_for(consumer.start(), timeout_s)
    deadline = time.monotonic() + timeout_s
    try:
        consumer.assign([tp])
        await consumer.seek_to_beginning(tp)
        while True:
            batch = await consumer.getmany(tp, timeout_ms=200, max_records=5000)
            values = [msg.value for msg in batch.get(tp, []) if msg.value is not None]
            if values:
                yield values
            highwater = consumer.highwater(tp)
            if highwater is not None and await consumer.position(tp) >= highwater:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{topic}[{partition}] not read to its end in {timeout_s}s")
    finally:
        await consumer.stop()
