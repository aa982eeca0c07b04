"""(a) The ceiling a Python consume→produce loop reaches on this broker: a bare aiokafka relay.

Pre-fill a fresh one-partition topic with the articles, then consume → `orjson.loads` → modify a
field → `orjson.dumps` → produce into a second topic, waiting for each batch's acknowledgements
before fetching the next (what an at-least-once relay that commits per batch does).
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Sequence
from dataclasses import dataclass

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.structs import TopicPartition

from georisk.bench.data import Record

FETCH_MAX_WAIT_MS = 50
LINGER_MS = 5
MAX_RECORDS = 5000


@dataclass(frozen=True)
class RelayResult:
    n: int
    seconds: float

    @property
    def msgs_per_s(self) -> float:
        return self.n / self.seconds if self.seconds > 0 else 0.0


async def create_topics(bootstrap: str, names: Sequence[str], partitions: int = 1) -> None:
    admin = AIOKafkaAdminClient(bootstrap_servers=bootstrap, request_timeout_ms=20_000)
    await asyncio.wait_for(admin.start(), 20)
    try:
        await asyncio.wait_for(
            admin.create_topics([NewTopic(name, partitions, 1) for name in names]), 20
        )
    finally:
        await admin.close()


def producer(bootstrap: str) -> AIOKafkaProducer:
    return AIOKafkaProducer(
        bootstrap_servers=bootstrap,
        linger_ms=LINGER_MS,
        max_batch_size=65536,
        max_request_size=4 * 1024 * 1024,
    )


async def produce_all(bootstrap: str, topic: str, records: Sequence[Record]) -> float:
    """Send every record as fast as the producer goes; returns seconds until all acknowledged."""
    out = producer(bootstrap)
    await asyncio.wait_for(out.start(), 20)
    try:
        started = time.perf_counter()
        futures = [await out.send(topic, value, key=key) for key, value in records]
        await asyncio.wait_for(asyncio.gather(*futures), 120)
        return time.perf_counter() - started
    finally:
        await out.stop()


async def relay(bootstrap: str, source: str, target: str, n: int, timeout_s: float) -> float:
    """Relay `n` records from `source` to `target`; seconds from first consumed to last acked."""
    tp = TopicPartition(source, 0)
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap,
        group_id=None,
        enable_auto_commit=False,
        auto_offset_reset="earliest",
        fetch_max_wait_ms=FETCH_MAX_WAIT_MS,
        max_partition_fetch_bytes=8 * 1024 * 1024,
    )
    out = producer(bootstrap)
    await asyncio.wait_for(consumer.start(), 20)
    try:
        await asyncio.wait_for(out.start(), 20)
        consumer.assign([tp])
        await consumer.seek_to_beginning(tp)
        deadline = time.monotonic() + timeout_s
        relayed = 0
        first: float | None = None
        while relayed < n:
            if time.monotonic() > deadline:
                raise TimeoutError(f"relay: {relayed}/{n} records in {timeout_s:.0f}s")
            batch = await consumer.getmany(tp, timeout_ms=500, max_records=MAX_RECORDS)
            messages = batch.get(tp, [])
            if not messages:
                continue
            if first is None:
                first = time.perf_counter()
            futures = []
            for message in messages:
                doc = orjson.loads(message.value)
                doc["relayed"] = True
                futures.append(await out.send(target, orjson.dumps(doc), key=message.key))
            await asyncio.wait_for(asyncio.gather(*futures), 60)
            relayed += len(messages)
        assert first is not None
        return time.perf_counter() - first
    finally:
        await consumer.stop()
        await out.stop()


async def run_relay(bootstrap: str, records: Sequence[Record], tag: str) -> RelayResult:
    source, target = f"bench-{tag}.relay-in", f"bench-{tag}.relay-out"
    await create_topics(bootstrap, [source, target])
    await produce_all(bootstrap, source, records)
    seconds = await relay(bootstrap, source, target, len(records), 60 + len(records) / 500)
    return RelayResult(len(records), seconds)
