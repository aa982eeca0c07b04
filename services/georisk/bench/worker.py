"""(c)-(e) Real `georisk worker` processes: throughput, fixed-rate latency, RSS and soak.

Every deployment has its own app id and topic namespace. The driver knows a document is scored
when the workers' `georisk_event_to_score_seconds_count` (stage 2 observes once per document
and scope it scored) reaches the number sent. Every wait is bounded.
"""

from __future__ import annotations

import asyncio
import os
import subprocess
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

from georisk.bench.data import Record
from georisk.bench.latency import HISTOGRAM, Buckets, metric_sum, parse_buckets, quantiles_ms
from georisk.bench.relay import producer
from georisk.io.broker import ensure_topics
from georisk.io.processes import free_port, http_get, spawn_worker, stop_group
from georisk.scopes import load_scopes
from georisk.settings import Settings

POLL_S = 0.1


def peak_rss_mb(pid: int) -> float:
    """VmHWM (peak resident set) of a live process, in MB; 0 when it is gone."""
    try:
        with open(f"/proc/{pid}/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return rss_mb(pid)


def rss_mb(pid: int) -> float:
    try:
        return float(psutil.Process(pid).memory_info().rss) / (1024 * 1024)
    except psutil.Error:
        return 0.0


def scopes_count() -> int:
    return len(load_scopes())


@dataclass
class WorkerProcess:
    env: dict[str, str]
    log_path: Path
    http_port: int = field(default_factory=free_port)
    proc: subprocess.Popen[bytes] | None = None
    peak_mb: float = 0.0

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.http_port}"

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    def start(self) -> None:
        self.proc = spawn_worker(
            {**self.env, "GEORISK_HTTP_PORT": str(self.http_port)}, self.log_path
        )

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def ready(self) -> bool:
        if not self.alive():
            raise RuntimeError(f"worker exited ({self.log_path}):\n{self.log_tail()}")
        return http_get(f"{self.base}/readyz", timeout=2.0)[0] == 200

    def metrics(self) -> str:
        status, body = http_get(f"{self.base}/metrics", timeout=5.0)
        if status != 200:
            raise RuntimeError(f"worker /metrics answered {status} ({self.log_path})")
        return body.decode()

    def sample_peak(self) -> float:
        if self.alive():
            self.peak_mb = max(self.peak_mb, peak_rss_mb(self.pid))
        return self.peak_mb

    def log_tail(self, chars: int = 3000) -> str:
        if not self.log_path.exists():
            return ""
        return self.log_path.read_text(errors="replace")[-chars:]

    def stop(self, timeout_s: float = 15.0) -> None:
        if self.proc is None or self.proc.poll() is not None:
            return
        self.sample_peak()
        stop_group(self.proc, timeout_s)


def wait_until(check: Callable[[], bool], timeout_s: float, what: str) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():
        if time.monotonic() > deadline:
            raise TimeoutError(f"timed out after {timeout_s:.0f}s waiting for {what}")
        time.sleep(POLL_S)


@dataclass
class Deployment:
    """One set of topics, one app id and the workers of that group on the broker."""

    bootstrap: str
    logs: Path
    partitions: int = 4
    tag: str = field(default_factory=lambda: uuid.uuid4().hex[:10])
    workers: list[WorkerProcess] = field(default_factory=list)

    @property
    def env(self) -> dict[str, str]:
        inherited = {k: v for k, v in os.environ.items() if not k.startswith("GEORISK_")}
        return {
            **inherited,
            "GEORISK_BOOTSTRAP": self.bootstrap,
            "GEORISK_APP_ID": f"georisk-bench-{self.tag}",
            "GEORISK_TOPIC_NAMESPACE": f"bench-{self.tag}.",
            "GEORISK_HTTP_HOST": "127.0.0.1",
            "GEORISK_PARTITIONS": str(self.partitions),
            "GEORISK_LOG_LEVEL": "warning",
            "GEORISK_DATA_DIR": str(self.logs / f"data-{self.tag}"),
        }

    @property
    def settings(self) -> Settings:
        return Settings(
            bootstrap=self.bootstrap,
            app_id=f"georisk-bench-{self.tag}",
            topic_namespace=f"bench-{self.tag}.",
            partitions=self.partitions,
        )

    def create_topics(self) -> None:
        asyncio.run(ensure_topics(self.settings))

    def start(self, count: int, ready_timeout_s: float) -> None:
        """Start `count` workers of one group and wait until all are ready together."""
        for _ in range(count):
            worker = WorkerProcess(
                self.env, self.logs / f"worker-{self.tag}-{len(self.workers)}.log"
            )
            self.workers.append(worker)
            worker.start()
        wait_until(self.all_ready, ready_timeout_s, f"{count} worker(s) /readyz")
        if count > 1:  # a second member makes the first rebalance: wait for a settled group
            stable_since = time.monotonic()
            deadline = time.monotonic() + ready_timeout_s
            while time.monotonic() - stable_since < 3.0:
                if time.monotonic() > deadline:
                    raise TimeoutError("worker group did not settle")
                if not self.all_ready():
                    stable_since = time.monotonic()
                time.sleep(POLL_S)

    def all_ready(self) -> bool:
        return all(worker.ready() for worker in self.workers)

    def scored(self) -> float:
        """Documents the group has scored (stage 2 observations, summed over workers)."""
        return sum(metric_sum(w.metrics(), f"{HISTOGRAM}_count") for w in self.workers)

    def buckets(self) -> Buckets:
        merged: dict[float, float] = {}
        for worker in self.workers:
            for bound, count in parse_buckets(worker.metrics()):
                merged[bound] = merged.get(bound, 0.0) + count
        return sorted(merged.items())

    def outcomes(self) -> dict[str, float]:
        texts = [w.metrics() for w in self.workers]
        return {
            outcome: sum(metric_sum(t, "georisk_messages_total", outcome=outcome) for t in texts)
            for outcome in ("scored", "irrelevant", "duplicate", "deadletter")
        }

    def peak_rss(self) -> list[float]:
        return [worker.sample_peak() for worker in self.workers]

    def stop(self) -> None:
        for worker in self.workers:
            worker.stop()

    def log_tails(self) -> str:
        return "\n".join(f"--- {w.log_path}\n{w.log_tail()}" for w in self.workers)


async def _poll_until(
    deployment: Deployment, target: float, timeout_s: float, sample: Callable[[float], None]
) -> float:
    """Poll the metrics until `target` documents are scored; returns the time (perf_counter)."""
    deadline = time.monotonic() + timeout_s
    while True:
        scored = await asyncio.to_thread(deployment.scored)
        now = time.perf_counter()
        sample(scored)
        if scored >= target:
            return now
        if time.monotonic() > deadline:
            raise TimeoutError(
                f"worker scored {scored:.0f}/{target:.0f} in {timeout_s:.0f}s "
                f"(outcomes {deployment.outcomes()})"
            )
        await asyncio.sleep(POLL_S)


def _sample_rss(deployment: Deployment) -> None:
    deployment.peak_rss()


@dataclass(frozen=True)
class Throughput:
    n: int
    seconds: float
    send_seconds: float

    @property
    def msgs_per_s(self) -> float:
        return self.n / self.seconds if self.seconds > 0 else 0.0


async def throughput(
    deployment: Deployment, records: Sequence[Record], timeout_s: float
) -> Throughput:
    """Send every record as fast as possible; time from first send until all are scored."""
    base = await asyncio.to_thread(deployment.scored)
    target = base + len(records) * scopes_count()
    out = producer(deployment.bootstrap)
    await asyncio.wait_for(out.start(), 20)
    topic = deployment.settings.topics.articles
    try:
        started = time.perf_counter()
        poll = asyncio.create_task(
            _poll_until(deployment, target, timeout_s, lambda _: _sample_rss(deployment))
        )
        try:
            futures = [await out.send(topic, value, key=key) for key, value in records]
            await asyncio.wait_for(asyncio.gather(*futures), timeout_s)
            sent = time.perf_counter()
            finished = await poll
        finally:
            poll.cancel()
    finally:
        await out.stop()
    return Throughput(len(records), finished - started, sent - started)


@dataclass(frozen=True)
class Latency:
    sent: int
    rate: float
    p50_ms: float
    p99_ms: float
    delta: Buckets


async def paced_send(
    bootstrap: str,
    topic: str,
    records: Sequence[Record],
    rate: float,
    on_tick: Callable[[int], None] | None = None,
) -> None:
    """Send at a steady `rate` (a schedule, not sleeps that drift); acks gathered at the end."""
    out = producer(bootstrap)
    await asyncio.wait_for(out.start(), 20)
    try:
        started = time.perf_counter()
        futures = []
        for i, (key, value) in enumerate(records):
            delay = started + i / rate - time.perf_counter()
            if delay > 0:
                await asyncio.sleep(delay)
            futures.append(await out.send(topic, value, key=key))
            if on_tick is not None:
                on_tick(i + 1)
        await asyncio.wait_for(asyncio.gather(*futures), 60)
    finally:
        await out.stop()


async def latency(
    deployment: Deployment, records: Sequence[Record], rate: float, timeout_s: float
) -> Latency:
    """Send at `rate`; quantiles of the histogram's difference over the run."""
    before = await asyncio.to_thread(deployment.buckets)
    base = await asyncio.to_thread(deployment.scored)
    topic = deployment.settings.topics.articles
    await paced_send(deployment.bootstrap, topic, records, rate)
    target = base + len(records) * scopes_count()
    await _poll_until(deployment, target, timeout_s, lambda _: None)
    after = await asyncio.to_thread(deployment.buckets)
    q = quantiles_ms(before, after)
    delta = [(bound, count - dict(before).get(bound, 0.0)) for bound, count in after]
    return Latency(len(records), rate, q[0.5], q[0.99], delta)


async def soak(
    deployment: Deployment,
    records: Sequence[Record],
    rate: float,
    sample_every_s: float,
    timeout_s: float,
    progress: Callable[[dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    """Send at `rate` and sample (time, sent, scored, RSS) every `sample_every_s` until drained."""
    worker = deployment.workers[0]
    sent = 0
    started = time.perf_counter()
    curve: list[dict[str, Any]] = []
    target = len(records) * scopes_count()

    def tick(count: int) -> None:
        nonlocal sent
        sent = count

    async def sampler() -> None:
        deadline = time.monotonic() + timeout_s
        while True:
            scored = await asyncio.to_thread(deployment.scored)
            point = {
                "t_s": round(time.perf_counter() - started, 2),
                "sent": sent,
                "scored": int(scored),
                "rss_mb": round(rss_mb(worker.pid), 1),
            }
            curve.append(point)
            if progress is not None:
                progress(point)
            if scored >= target:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"soak: {scored:.0f}/{target} scored in {timeout_s:.0f}s")
            await asyncio.sleep(sample_every_s)

    task = asyncio.create_task(sampler())
    try:
        await paced_send(
            deployment.bootstrap, deployment.settings.topics.articles, records, rate, tick
        )
        sent_s = time.perf_counter() - started
        await task
    finally:
        task.cancel()
    elapsed = time.perf_counter() - started
    return {
        "n": len(records),
        "rate": rate,
        "send_seconds": round(sent_s, 2),
        "seconds": round(elapsed, 2),
        "msgs_per_s": round(len(records) / elapsed, 1),
        "peak_rss_mb": round(worker.sample_peak(), 1),
        "start_rss_mb": curve[0]["rss_mb"] if curve else None,
        "end_rss_mb": curve[-1]["rss_mb"] if curve else None,
        "curve": curve,
        "outcomes": deployment.outcomes(),
    }
