"""Real embedded broker + real `georisk worker` processes for integration tests.

Every test gets its own topic namespace and app id (Tansu keeps a group's session timeout for
the broker's lifetime, and shared topics would leak records between tests). Every wait is
bounded; failures print the worker's log.
"""

from __future__ import annotations

import asyncio
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import orjson
from aiokafka import AIOKafkaConsumer, AIOKafkaProducer
from aiokafka.structs import TopicPartition

from georisk.io.broker import ensure_topics, internal_topic
from georisk.io.processes import free_port, http_get, kill_group, spawn_worker, stop_group
from georisk.settings import Settings


def http_post(url: str, body: bytes = b"{}", timeout: float = 3.0) -> int:
    request = urllib.request.Request(url, data=body, method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return int(response.status)
    except urllib.error.HTTPError as exc:
        return exc.code


def wait_for(check: Callable[[], bool], timeout: float, what: str, interval: float = 0.1) -> None:
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(interval)


@dataclass
class Deployment:
    """One test's topics, app id and workers on the shared broker."""

    bootstrap: str
    tmp: Path
    env_extra: dict[str, str] = field(default_factory=dict)
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    workers: list[Worker] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        return {
            "GEORISK_BOOTSTRAP": self.bootstrap,
            "GEORISK_APP_ID": f"georisk-{self.tag}",
            "GEORISK_TOPIC_NAMESPACE": f"t{self.tag}.",
            "GEORISK_SESSION_TIMEOUT_S": "6",
            "GEORISK_HEARTBEAT_INTERVAL_S": "1",
            "GEORISK_DATA_DIR": str(self.tmp / "faust-data"),
            **self.env_extra,
        }

    @property
    def settings(self) -> Settings:
        return Settings(**{k.removeprefix("GEORISK_").lower(): v for k, v in self.env.items()})

    def create_topics(self) -> None:
        asyncio.run(ensure_topics(self.settings))

    def start_worker(self, ready_timeout: float = 90.0) -> Worker:
        worker = Worker(self, free_port(), self.tmp / f"worker-{len(self.workers)}.log")
        self.workers.append(worker)
        worker.start()
        if ready_timeout:
            worker.wait_ready(ready_timeout)
        return worker

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()

    def produce(self, records: Iterable[tuple[str, bytes | None, bytes]]) -> int:
        return asyncio.run(_produce(self.bootstrap, list(records)))

    def read_topic(
        self,
        topic: str,
        *,
        until: Callable[[list[bytes]], bool],
        timeout: float,
        partitions: int = 1,
    ) -> list[bytes]:
        """All values of `topic` from the start, re-read until `until(values)` or the timeout."""
        deadline = time.monotonic() + timeout
        while True:
            values = asyncio.run(_read_all(self.bootstrap, topic, partitions))
            if until(values):
                return values
            if time.monotonic() > deadline:
                raise TimeoutError(
                    f"{topic}: condition not met in {timeout}s ({len(values)} records)"
                )
            time.sleep(0.3)

    @property
    def internal_topic(self) -> str:
        return internal_topic(self.settings)


@dataclass
class Worker:
    deployment: Deployment
    http_port: int
    log_path: Path
    proc: subprocess.Popen[bytes] | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    def start(self) -> None:
        env = {**self.deployment.env, "GEORISK_HTTP_PORT": str(self.http_port)}
        self.proc = spawn_worker(env, self.log_path)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def ready(self) -> bool:
        return http_get(f"{self.base}/readyz")[0] == 200

    def wait_ready(self, timeout: float) -> None:
        def check() -> bool:
            if not self.alive():
                raise RuntimeError(f"worker died:\n{self.log()}")
            return self.ready()

        try:
            wait_for(check, timeout, "worker /readyz")
        except TimeoutError:
            raise TimeoutError(f"worker not ready in {timeout}s:\n{self.log()}") from None

    def get_json(self, path: str) -> object:
        status, body = http_get(f"{self.base}{path}")
        assert status == 200, (status, body[:300])
        return orjson.loads(body)

    def metrics(self) -> str:
        status, body = http_get(f"{self.base}/metrics")
        assert status == 200
        return body.decode()

    def kill(self) -> None:
        if self.proc is not None:
            kill_group(self.proc)

    def stop(self) -> None:
        if self.proc is not None:
            stop_group(self.proc)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-6000:] if self.log_path.exists() else ""


async def _produce(bootstrap: str, records: list[tuple[str, bytes | None, bytes]]) -> int:
    producer = AIOKafkaProducer(
        bootstrap_servers=bootstrap, linger_ms=5, max_request_size=4 * 1024 * 1024
    )
    await asyncio.wait_for(producer.start(), 20)
    try:
        futures = [await producer.send(topic, value, key=key) for topic, key, value in records]
        await asyncio.wait_for(asyncio.gather(*futures), 60)
    finally:
        await producer.stop()
    return len(records)


async def _read_all(bootstrap: str, topic: str, partitions: int) -> list[bytes]:
    """Read every partition from 0 to its fetch high watermark (never ListOffsets)."""
    consumer = AIOKafkaConsumer(
        bootstrap_servers=bootstrap, enable_auto_commit=False, group_id=None, fetch_max_wait_ms=50
    )
    await asyncio.wait_for(consumer.start(), 20)
    values: list[bytes] = []
    try:
        tps = [TopicPartition(topic, p) for p in range(partitions)]
        consumer.assign(tps)
        await consumer.seek_to_beginning(*tps)
        deadline = time.monotonic() + 30
        done: set[TopicPartition] = set()
        while len(done) < len(tps) and time.monotonic() < deadline:
            batch = await consumer.getmany(timeout_ms=200, max_records=10_000)
            for records in batch.values():
                values.extend(r.value for r in records if r.value is not None)
            for tp in tps:
                high = consumer.highwater(tp)
                if high is not None and await consumer.position(tp) >= high:
                    done.add(tp)
    finally:
        await consumer.stop()
    return values
