"""(b) The scoring ceiling without a broker: decode + assess + ingest for N articles, then scores.

Runs in its own process (`python -m georisk.bench.offline N SEED`, one core: plain Python) so
its peak RSS is the scoring path's own, not the benchmark driver's. Prints one JSON object.
"""

from __future__ import annotations

import resource
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime

import orjson

from georisk.bench.child import run_json
from georisk.bench.data import encoded
from georisk.core.decode import Limits, Rejection, decode_article
from georisk.core.pipeline import assess
from georisk.core.scoring import ScoringEngine
from georisk.scopes import load_scopes


@dataclass(frozen=True)
class OfflineResult:
    n: int
    seconds: float
    peak_rss_mb: float
    phases_s: dict[str, float]
    rejected: int

    @property
    def articles_per_s(self) -> float:
        return self.n / self.seconds if self.seconds > 0 else 0.0


def measure(n: int, seed: int) -> dict[str, object]:
    values = [value for _, value in encoded(n, seed)]
    scopes = load_scopes()
    engines = {scope.name: ScoringEngine(scope) for scope in scopes}
    limits = Limits()
    received = datetime.now(UTC)
    clock = time.perf_counter
    decode_s = assess_s = ingest_s = 0.0
    rejected = 0
    started = clock()
    for raw in values:
        t0 = clock()
        doc = decode_article(raw, received, limits)
        t1 = clock()
        decode_s += t1 - t0
        if isinstance(doc, Rejection):
            rejected += 1
            continue
        for scope in scopes:
            scored = assess(doc, scope)
            t2 = clock()
            assess_s += t2 - t1
            engines[scope.name].ingest(scored)
            t1 = clock()
            ingest_s += t1 - t2
    t3 = clock()
    updates = sum(len(engine.scores()) for engine in engines.values())
    finished = clock()
    return {
        "n": n,
        "seconds": finished - started,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "phases_s": {
            "decode": decode_s,
            "assess": assess_s,
            "ingest": ingest_s,
            "scores": finished - t3,
        },
        "rejected": rejected,
        "score_updates": updates,
    }


def run_offline(n: int, seed: int, timeout_s: float) -> OfflineResult:
    """Measure in a fresh interpreter; bounded by `timeout_s`."""
    data = run_json("georisk.bench.offline", (str(n), str(seed)), timeout_s, "offline scoring")
    return OfflineResult(
        n=int(data["n"]),
        seconds=float(data["seconds"]),
        peak_rss_mb=float(data["peak_rss_mb"]),
        phases_s={k: float(v) for k, v in data["phases_s"].items()},
        rejected=int(data["rejected"]),
    )


if __name__ == "__main__":
    sys.stdout.write(orjson.dumps(measure(int(sys.argv[1]), int(sys.argv[2]))).decode() + "\n")
