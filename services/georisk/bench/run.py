"""The whole benchmark on one broker, in one run; everything started here is stopped here."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from georisk.bench.data import encoded
from georisk.bench.extraction import run_extraction
from georisk.bench.latency import bucket_width_at
from georisk.bench.offline import run_offline
from georisk.bench.relay import run_relay
from georisk.bench.report import BenchResult, extraction_report, to_json
from georisk.bench.worker import Deployment, latency, soak, throughput
from georisk.io.broker import EmbeddedBroker
from georisk.io.processes import free_port

Say = Callable[[str], None]
# 100k articles over ~23 months of event time: far beyond the engine's retention (about 33 days),
# so a flat RSS curve shows bounded state, not a window that never filled. None in the future.
SOAK_STEP = timedelta(minutes=10)
SOAK_START = datetime(2024, 10, 1, tzinfo=UTC)


@dataclass(frozen=True)
class Options:
    n: int = 20_000
    rate: float = 200.0
    latency_seconds: float = 15.0
    workers: int = 1
    seed: int = 11
    bootstrap: str | None = None
    logs: Path = Path(".georisk-bench")
    ready_timeout_s: float = 90.0
    rounds: int = 5  # of the extraction measure (e)


@contextlib.contextmanager
def broker(options: Options, say: Say) -> Iterator[str]:
    """The given bootstrap, or an embedded broker on a free loopback port for this run."""
    if options.bootstrap:
        yield options.bootstrap
        return
    embedded = EmbeddedBroker("127.0.0.1", free_port(), options.logs / "broker.log")
    try:
        embedded.start()
        say(f"embedded broker on {embedded.bootstrap} (pid {embedded.pid})")
        yield embedded.bootstrap
    finally:
        embedded.stop()


@contextlib.contextmanager
def deployment(bootstrap: str, options: Options, workers: int, say: Say) -> Iterator[Deployment]:
    made = Deployment(bootstrap, options.logs)
    try:
        made.create_topics()
        made.start(workers, options.ready_timeout_s)
        say(f"{workers} worker(s) ready: pids {[w.pid for w in made.workers]}")
        yield made
    except BaseException:
        if made.workers:
            say(made.log_tails())
        raise
    finally:
        made.stop()


def run_bench(options: Options, say: Say) -> dict[str, Any]:
    options.logs.mkdir(parents=True, exist_ok=True)
    extra = int(options.rate * options.latency_seconds)
    say(f"encoding {options.n + extra:,} articles")
    records = encoded(options.n + extra, options.seed)
    main, paced = records[: options.n], records[options.n :]
    timeout_s = 120 + options.n / 100
    details: dict[str, Any] = {"seed": options.seed, "logs": str(options.logs)}
    with broker(options, say) as bootstrap:
        say("(a) relay")
        relayed = asyncio.run(run_relay(bootstrap, main, uuid.uuid4().hex[:10]))
        details["relay_seconds"] = round(relayed.seconds, 3)
        say(f"    {relayed.msgs_per_s:,.0f} msg/s")

        say("(b) offline scoring")
        offline = run_offline(options.n, options.seed, timeout_s)
        details["offline_seconds"] = round(offline.seconds, 3)
        details["offline_phases_s"] = {k: round(v, 3) for k, v in offline.phases_s.items()}
        details["offline_rejected"] = offline.rejected
        say(f"    {offline.articles_per_s:,.0f} articles/s")

        say("(e) extraction alone")
        extraction = run_extraction(options.rounds, options.seed, None, timeout_s)
        details["extraction"] = extraction.to_json()
        say(f"    {extraction.median_per_s:,.0f} articles/s (median of {options.rounds} rounds)")

        say("(c) worker")
        with deployment(bootstrap, options, 1, say) as one:
            run = asyncio.run(throughput(one, main, timeout_s))
            details["worker_seconds"] = round(run.seconds, 3)
            details["worker_send_seconds"] = round(run.send_seconds, 3)
            say(f"    {run.msgs_per_s:,.0f} msg/s")
            say(f"(d) latency at {options.rate:g} msg/s for {options.latency_seconds:g}s")
            lat = asyncio.run(latency(one, paced, options.rate, timeout_s))
            details["latency_sent"] = lat.sent
            details["latency_rate"] = lat.rate
            details["latency_buckets"] = [
                ["+Inf" if bound == float("inf") else bound, count] for bound, count in lat.delta
            ]
            for name, value in (("p50", lat.p50_ms), ("p99", lat.p99_ms)):
                # how coarse the interpolation is where the quantile fell
                details[f"latency_{name}_bucket_width_ms"] = round(
                    bucket_width_at(value / 1000, lat.delta) * 1000, 3
                )
            details["worker_outcomes"] = one.outcomes()
            say(f"    p50 {lat.p50_ms:.1f} ms, p99 {lat.p99_ms:.1f} ms")
            worker_peak = max(one.peak_rss())

        worker2: float | None = None
        worker2_peaks: list[float] | None = None
        if options.workers >= 2:
            say(f"(c) {options.workers} workers in one group")
            with deployment(bootstrap, options, options.workers, say) as group:
                run2 = asyncio.run(throughput(group, main, timeout_s))
                worker2, worker2_peaks = run2.msgs_per_s, group.peak_rss()
                details["worker2_seconds"] = round(run2.seconds, 3)
                say(f"    {worker2:,.0f} msg/s")

    return to_json(
        BenchResult(
            n=options.n,
            relay_msgs_per_s=relayed.msgs_per_s,
            score_articles_per_s=offline.articles_per_s,
            worker_msgs_per_s=run.msgs_per_s,
            latency_p50_ms=lat.p50_ms,
            latency_p99_ms=lat.p99_ms,
            worker_peak_rss_mb=worker_peak,
            offline_peak_rss_mb=offline.peak_rss_mb,
            worker2_msgs_per_s=worker2,
            worker2_peak_rss_mb=worker2_peaks,
            extract_articles_per_s=extraction.median_per_s,
            details=details,
        )
    )


def run_extraction_only(options: Options, texts: Path | None, say: Say) -> dict[str, Any]:
    """(e) alone, no broker: the synthetic corpus, then `texts` when given."""
    results = []
    for path in (None, texts) if texts else (None,):
        say(f"(e) extraction alone: {path or 'synthetic corpus'}")
        results.append(run_extraction(options.rounds, options.seed, path, 600))
        say(f"    {results[-1].median_per_s:,.0f} articles/s (median of {options.rounds} rounds)")
    return extraction_report(results)


def run_soak(
    options: Options, n: int, rate: float, sample_every_s: float, say: Say
) -> dict[str, Any]:
    options.logs.mkdir(parents=True, exist_ok=True)
    say(f"encoding {n:,} articles")
    records = encoded(n, options.seed, SOAK_STEP, SOAK_START)
    timeout_s = 300 + n / 50

    def progress(point: dict[str, Any]) -> None:
        say(
            f"  t={point['t_s']:7.1f}s sent={point['sent']:>8,} scored={point['scored']:>8,} "
            f"rss={point['rss_mb']:.1f} MB"
        )

    with broker(options, say) as bootstrap, deployment(bootstrap, options, 1, say) as one:
        result = asyncio.run(soak(one, records, rate, sample_every_s, timeout_s, progress))
    return {"n": n, "soak": result}
