"""`georisk bench --json` end to end: its own embedded broker and worker, one JSON object out.

Checks the output contract only; the performance targets are benchmark results, not assertions.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import orjson
import pytest

KEYS = (
    "relay_msgs_per_s",
    "worker_msgs_per_s",
    "score_articles_per_s",
    "ratio",
    "latency_p50_ms",
    "latency_p99_ms",
    "n",
    "worker_peak_rss_mb",
    "offline_peak_rss_mb",
    "extract_articles_per_s",
)


@pytest.mark.timeout(300)
def test_bench_json_has_every_contract_key(tmp_path: Path) -> None:
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "georisk",
            "bench",
            "--n",
            "2000",
            "--latency-seconds",
            "3",
            "--rounds",
            "1",
            "--json",
            "--logs",
            str(tmp_path),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        stdout, stderr = proc.communicate(timeout=240)
    except subprocess.TimeoutExpired:
        proc.terminate()  # SIGTERM: the bench stops its workers and broker before exiting
        stdout, stderr = proc.communicate(timeout=30)
        pytest.fail(f"georisk bench did not finish in 240 s:\n{stderr.decode()[-4000:]}")
    assert proc.returncode == 0, stderr.decode(errors="replace")[-4000:]
    report = orjson.loads(stdout)
    for key in KEYS:
        value = report[key]
        assert isinstance(value, int | float), (key, value)
        assert value > 0, (key, value)
    assert report["n"] == 2000
    assert set(report["targets"]) == {
        "ratio",
        "latency_p99_ms",
        "score_articles_per_s",
        "extract_articles_per_s",
    }
    for check in report["targets"].values():
        assert isinstance(check["pass"], bool)
