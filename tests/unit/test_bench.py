"""The benchmark's pure parts: histogram quantiles, bucket deltas, ratio, targets, report shape."""

from __future__ import annotations

import math
import subprocess
import sys
from pathlib import Path

import orjson
import pytest

from georisk.bench.latency import (
    bucket_delta,
    bucket_width_at,
    histogram_quantile,
    metric_sum,
    parse_buckets,
    quantiles_ms,
)
from georisk.bench.report import CONTRACT_KEYS, BenchResult, ratio, table, targets, to_json

INF = math.inf
EXPOSITION = """\
# HELP georisk_event_to_score_seconds Time from a message's arrival to its score.
# TYPE georisk_event_to_score_seconds histogram
georisk_event_to_score_seconds_bucket{le="0.005"} 0.0
georisk_event_to_score_seconds_bucket{le="0.01"} 2.0
georisk_event_to_score_seconds_bucket{le="0.025"} 10.0
georisk_event_to_score_seconds_bucket{le="+Inf"} 12.0
georisk_event_to_score_seconds_count 12.0
georisk_event_to_score_seconds_sum 0.2
georisk_messages_total{outcome="scored",topic="a"} 7.0
georisk_messages_total{outcome="irrelevant",topic="a"} 5.0
georisk_messages_total{outcome="scored",topic="b"} 1.0
"""


def test_parse_buckets_and_samples() -> None:
    assert parse_buckets(EXPOSITION) == [(0.005, 0.0), (0.01, 2.0), (0.025, 10.0), (INF, 12.0)]
    assert metric_sum(EXPOSITION, "georisk_event_to_score_seconds_count") == 12.0
    assert metric_sum(EXPOSITION, "georisk_messages_total", outcome="scored") == 8.0
    assert metric_sum(EXPOSITION, "georisk_messages_total") == 13.0
    assert metric_sum(EXPOSITION, "georisk_missing_total") == 0.0


def test_bucket_delta_subtracts_bucket_by_bucket() -> None:
    before = [(0.1, 5.0), (1.0, 8.0), (INF, 9.0)]
    after = [(0.1, 15.0), (1.0, 28.0), (INF, 29.0)]
    assert bucket_delta(before, after) == [(0.1, 10.0), (1.0, 20.0), (INF, 20.0)]
    assert bucket_delta([], after) == after


def test_quantile_interpolates_linearly_within_the_bucket() -> None:
    buckets = [(0.1, 50.0), (0.2, 100.0), (INF, 100.0)]
    # rank 50 of 100 reaches the first bucket exactly: its upper bound.
    assert histogram_quantile(0.5, buckets) == pytest.approx(0.1)
    # rank 75: 25 of the 50 in (0.1, 0.2] → halfway.
    assert histogram_quantile(0.75, buckets) == pytest.approx(0.15)
    # first bucket starts at 0: rank 25 of 50 in (0, 0.1] → 0.05.
    assert histogram_quantile(0.25, buckets) == pytest.approx(0.05)
    assert histogram_quantile(0.99, buckets) == pytest.approx(0.198)


def test_quantile_in_the_inf_bucket_is_the_highest_finite_bound() -> None:
    assert histogram_quantile(0.99, [(0.1, 10.0), (1.0, 50.0), (INF, 100.0)]) == 1.0


def test_quantile_edge_cases_follow_prometheus() -> None:
    assert math.isnan(histogram_quantile(0.5, [(0.1, 0.0), (INF, 0.0)]))  # no observations
    assert math.isnan(histogram_quantile(0.5, [(0.1, 3.0), (1.0, 3.0)]))  # no +Inf bucket
    assert math.isnan(histogram_quantile(0.5, [(INF, 3.0)]))  # fewer than two buckets
    assert histogram_quantile(-0.1, [(0.1, 1.0), (INF, 1.0)]) == -INF
    assert histogram_quantile(1.1, [(0.1, 1.0), (INF, 1.0)]) == INF
    # A first bucket with a non-positive bound returns that bound.
    assert histogram_quantile(0.1, [(0.0, 5.0), (1.0, 10.0), (INF, 10.0)]) == 0.0
    # Non-monotonic counts (scrape races) are made monotonic, as Prometheus does.
    assert histogram_quantile(0.5, [(0.1, 4.0), (0.2, 3.0), (INF, 8.0)]) == pytest.approx(0.1)


def test_quantile_ignores_bucket_order() -> None:
    shuffled = [(INF, 100.0), (0.2, 100.0), (0.1, 50.0)]
    assert histogram_quantile(0.75, shuffled) == pytest.approx(0.15)


def test_quantiles_of_the_difference_between_two_scrapes() -> None:
    # 1,000 slow observations before the run must not leak into the run's quantiles.
    before = [(0.01, 0.0), (0.05, 0.0), (0.1, 0.0), (1.0, 1000.0), (INF, 1000.0)]
    after = [(0.01, 0.0), (0.05, 100.0), (0.1, 200.0), (1.0, 1000.0), (INF, 1000.0)]
    q = quantiles_ms(before, after)
    assert q[0.5] == pytest.approx(50.0)
    assert q[0.99] == pytest.approx(99.0)


def test_bucket_width_at() -> None:
    buckets = [(0.05, 1.0), (0.1, 2.0), (INF, 2.0)]
    assert bucket_width_at(0.07, buckets) == pytest.approx(0.05)
    assert bucket_width_at(0.01, buckets) == pytest.approx(0.05)
    assert bucket_width_at(0.5, buckets) == INF


def test_ratio_uses_the_lower_ceiling() -> None:
    assert ratio(1000.0, relay=25_000.0, score=2000.0) == pytest.approx(0.5)
    assert ratio(1000.0, relay=1500.0, score=4000.0) == pytest.approx(1000 / 1500)
    assert math.isnan(ratio(1000.0, relay=0.0, score=2000.0))


def test_targets_pass_and_fail() -> None:
    good = targets(0.5, 100.0, 2000.0)
    assert all(check["pass"] for check in good.values())
    bad = targets(0.49, 100.1, 1999.0)
    assert not any(check["pass"] for check in bad.values())
    assert not targets(math.nan, math.nan, math.nan)["latency_p99_ms"]["pass"]
    assert good["latency_p99_ms"]["op"] == "<="


def _result(**overrides: object) -> BenchResult:
    fields: dict[str, object] = {
        "n": 20_000,
        "relay_msgs_per_s": 25_000.0,
        "score_articles_per_s": 2500.0,
        "worker_msgs_per_s": 1000.0,
        "latency_p50_ms": 40.0,
        "latency_p99_ms": 90.0,
        "worker_peak_rss_mb": 150.0,
        "offline_peak_rss_mb": 120.0,
    }
    fields.update(overrides)
    return BenchResult(**fields)  # type: ignore[arg-type]


def test_report_has_the_contract_keys_and_is_json() -> None:
    report = to_json(_result())
    for key in (*CONTRACT_KEYS, "worker_peak_rss_mb", "offline_peak_rss_mb", "targets"):
        assert key in report
    assert report["ratio"] == pytest.approx(0.4)
    assert report["targets"]["ratio"]["pass"] is False
    assert report["targets"]["latency_p99_ms"]["pass"] is True
    assert "worker2_msgs_per_s" not in report
    assert orjson.loads(orjson.dumps(report)) == report


def test_report_with_two_workers_and_undefined_latency() -> None:
    report = to_json(
        _result(
            worker2_msgs_per_s=1500.0, worker2_peak_rss_mb=[150.0, 140.0], latency_p99_ms=math.nan
        )
    )
    assert report["worker2_msgs_per_s"] == 1500.0
    assert report["latency_p99_ms"] is None  # JSON has no NaN
    assert report["targets"]["latency_p99_ms"]["pass"] is False
    orjson.dumps(report)


def test_table_renders() -> None:
    from rich.console import Console

    console = Console(record=True, width=100)
    console.print(table(to_json(_result(worker2_msgs_per_s=1500.0))))
    text = console.export_text()
    assert "worker ÷ min(a, b)" in text
    assert "fail" in text


def test_soak_table_renders_the_curve() -> None:
    from rich.console import Console

    from georisk.bench.report import soak_table

    soak = {
        "n": 1000,
        "rate": 500.0,
        "curve": [
            {"t_s": 0.0, "sent": 0, "scored": 0, "rss_mb": 140.0},
            {"t_s": 5.0, "sent": 1000, "scored": 900, "rss_mb": 150.5},
        ],
    }
    console = Console(record=True, width=100)
    console.print(soak_table(soak))
    assert "150.5" in console.export_text()


def test_extraction_target_joins_the_report_when_measured() -> None:
    assert "extract_articles_per_s" not in to_json(_result())["targets"]
    report = to_json(_result(extract_articles_per_s=1900.0))
    assert report["extract_articles_per_s"] == 1900.0
    check = report["targets"]["extract_articles_per_s"]
    assert (check["target"], check["op"], check["pass"]) == (2000.0, ">=", False)
    assert to_json(_result(extract_articles_per_s=2100.0))["targets"]["extract_articles_per_s"][
        "pass"
    ]


def test_extraction_measure_times_rounds_of_the_given_articles() -> None:
    from rich.console import Console

    from georisk.bench.extraction import measure
    from georisk.bench.report import extraction_report, extraction_table
    from georisk.models import Article

    articles = [
        Article(id="a", title="Chinese hackers breach ministry", text="Officials said so."),
        Article(id="b", title="Gallium curbs", text="Beijing restricted gallium exports."),
    ]
    result = measure("two", articles, rounds=3, per_round=10)
    assert (result.corpus, result.distinct, result.articles) == ("two", 2, 10)
    assert len(result.rounds_per_s) == 3
    assert all(rate > 0 for rate in result.rounds_per_s)
    assert result.mean_chars == sum(len(a.title or "") + len(a.text) for a in articles) / 2
    report = extraction_report([result])
    assert report["extraction"][0]["median_per_s"] == round(result.median_per_s, 1)
    assert set(report["targets"]) == {"extract_articles_per_s"}
    console = Console(record=True, width=100)
    console.print(extraction_table(report))
    assert "two" in console.export_text()


def test_bench_extraction_runs_without_a_broker(tmp_path: Path) -> None:
    """`georisk bench --extraction --texts FILE --json`: the corpus, then the file's articles
    (their labels ignored), in a child interpreter each."""
    texts = tmp_path / "labelled.jsonl"
    row = {
        "id": "x",
        "title": "Ransomware hits port",
        "text": "Systems were encrypted.",
        "labels": {},
    }
    texts.write_bytes(orjson.dumps(row) + b"\n")
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "georisk",
            "bench",
            "--extraction",
            "--texts",
            str(texts),
            "--rounds",
            "1",
            "--json",
        ],
        capture_output=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr.decode()[-2000:]
    report = orjson.loads(done.stdout)
    assert [row["corpus"] for row in report["extraction"]] == ["synthetic", str(texts)]
    assert report["extraction"][1]["distinct"] == 1
    assert (
        report["targets"]["extract_articles_per_s"]["value"]
        == report["extraction"][1]["median_per_s"]
    )
