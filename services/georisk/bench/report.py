"""The benchmark's result: ratio, targets and the `bench --json` object (DESIGN.md contract)."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from rich.console import Group
from rich.table import Table

from georisk.bench.extraction import ExtractionResult

# DESIGN.md "Benchmarks": keys every `georisk bench --json` object has.
CONTRACT_KEYS = (
    "relay_msgs_per_s",
    "worker_msgs_per_s",
    "score_articles_per_s",
    "ratio",
    "latency_p50_ms",
    "latency_p99_ms",
    "n",
)
RATIO_MIN = 0.5
P99_MAX_MS = 100.0
SCORE_MIN_PER_S = 2000.0
EXTRACT_MIN_PER_S = 2000.0  # the extractor's own target, per core


@dataclass
class BenchResult:
    n: int
    relay_msgs_per_s: float
    score_articles_per_s: float
    worker_msgs_per_s: float
    latency_p50_ms: float
    latency_p99_ms: float
    worker_peak_rss_mb: float
    offline_peak_rss_mb: float
    worker2_msgs_per_s: float | None = None
    worker2_peak_rss_mb: list[float] | None = None
    extract_articles_per_s: float | None = None  # (e), the median round
    details: dict[str, Any] = field(default_factory=dict)


def ratio(worker: float, relay: float, score: float) -> float:
    """The worker's share of its ceiling: worker ÷ the lower of relay and offline scoring."""
    ceiling = min(relay, score)
    return worker / ceiling if ceiling > 0 else math.nan


def _check(value: float, target: float, at_least: bool) -> dict[str, Any]:
    ok = not math.isnan(value) and (value >= target if at_least else value <= target)
    return {"value": _num(value), "target": target, "op": ">=" if at_least else "<=", "pass": ok}


def targets(
    ratio_value: float, p99_ms: float, score_per_s: float, extract_per_s: float | None = None
) -> dict[str, dict[str, Any]]:
    """The benchmark targets, each with its value and pass/fail."""
    checks = {
        "ratio": _check(ratio_value, RATIO_MIN, at_least=True),
        "latency_p99_ms": _check(p99_ms, P99_MAX_MS, at_least=False),
        "score_articles_per_s": _check(score_per_s, SCORE_MIN_PER_S, at_least=True),
    }
    if extract_per_s is not None:
        checks["extract_articles_per_s"] = extraction_target(extract_per_s)
    return checks


def extraction_target(per_s: float) -> dict[str, Any]:
    return _check(per_s, EXTRACT_MIN_PER_S, at_least=True)


def _num(value: float) -> float | None:
    """JSON has no NaN/Infinity: undefined figures are null."""
    return None if math.isnan(value) or math.isinf(value) else round(value, 3)


def to_json(result: BenchResult) -> dict[str, Any]:
    """The one JSON object `georisk bench --json` prints."""
    r = ratio(result.worker_msgs_per_s, result.relay_msgs_per_s, result.score_articles_per_s)
    out: dict[str, Any] = {
        "n": result.n,
        "relay_msgs_per_s": _num(result.relay_msgs_per_s),
        "worker_msgs_per_s": _num(result.worker_msgs_per_s),
        "score_articles_per_s": _num(result.score_articles_per_s),
        "ratio": _num(r),
        "latency_p50_ms": _num(result.latency_p50_ms),
        "latency_p99_ms": _num(result.latency_p99_ms),
        "worker_peak_rss_mb": _num(result.worker_peak_rss_mb),
        "offline_peak_rss_mb": _num(result.offline_peak_rss_mb),
    }
    if result.worker2_msgs_per_s is not None:
        out["worker2_msgs_per_s"] = _num(result.worker2_msgs_per_s)
        out["worker2_peak_rss_mb"] = [_num(v) for v in result.worker2_peak_rss_mb or []]
    if result.extract_articles_per_s is not None:
        out["extract_articles_per_s"] = _num(result.extract_articles_per_s)
    out["targets"] = targets(
        r, result.latency_p99_ms, result.score_articles_per_s, result.extract_articles_per_s
    )
    out["details"] = result.details
    return out


def _fmt(value: object, unit: str = "") -> str:
    if value is None:
        return "n/a"
    if isinstance(value, float):
        return f"{value:,.1f}{unit}" if abs(value) >= 10 else f"{value:,.3f}{unit}"
    return f"{value}{unit}"


def table(report: Mapping[str, Any]) -> Group:
    """A readable rendering of the JSON report."""
    figures = Table(title=f"georisk bench — n={report['n']:,}", title_justify="left")
    figures.add_column("measure")
    figures.add_column("value", justify="right")
    rows: Sequence[tuple[str, str, str]] = (
        ("(a) relay, bare aiokafka", "relay_msgs_per_s", " msg/s"),
        ("(b) offline scoring, one core", "score_articles_per_s", " art/s"),
        ("(e) extraction alone, one core", "extract_articles_per_s", " art/s"),
        ("(c) worker, 1 process", "worker_msgs_per_s", " msg/s"),
        ("(c) worker, 2 processes", "worker2_msgs_per_s", " msg/s"),
        ("worker ÷ min(a, b)", "ratio", ""),
        ("latency p50", "latency_p50_ms", " ms"),
        ("latency p99", "latency_p99_ms", " ms"),
        ("worker peak RSS", "worker_peak_rss_mb", " MB"),
        ("offline peak RSS", "offline_peak_rss_mb", " MB"),
    )
    for label, key, unit in rows:
        if key in report:
            figures.add_row(label, _fmt(report[key], unit))
    return Group(figures, _checks(report["targets"]))


def _checks(checked: Mapping[str, Mapping[str, Any]]) -> Table:
    checks = Table(title="targets", title_justify="left")
    for column in ("target", "value", "goal", "result"):
        checks.add_column(column)
    for name, check in checked.items():
        checks.add_row(
            name,
            _fmt(check["value"]),
            f"{check['op']} {check['target']:g}",
            "[green]pass[/]" if check["pass"] else "[red]fail[/]",
        )
    return checks


def extraction_report(results: Sequence[ExtractionResult]) -> dict[str, Any]:
    """The `bench --extraction --json` object: each corpus, and the target on the last (the
    labelled file when one is given: real articles, longer than the synthetic ones)."""
    return {
        "extraction": [result.to_json() for result in results],
        "targets": {"extract_articles_per_s": extraction_target(results[-1].median_per_s)},
    }


def extraction_table(report: Mapping[str, Any]) -> Group:
    figures = Table(title="georisk bench --extraction (one core, CPU time)", title_justify="left")
    for column in ("corpus", "distinct", "per round", "mean chars", "median", "rounds"):
        if column == "corpus":
            figures.add_column(column, overflow="fold")
        else:
            figures.add_column(column, justify="right")
    for row in report["extraction"]:
        rounds = row["rounds_per_s"]
        figures.add_row(
            row["corpus"],
            f"{row['distinct']:,}",
            f"{row['articles']:,}",
            f"{row['mean_chars']:,.0f}",
            f"{row['median_per_s']:,.0f} art/s",
            f"{min(rounds):,.0f}–{max(rounds):,.0f}",
        )
    return Group(figures, _checks(report["targets"]))


def soak_table(soak: Mapping[str, Any]) -> Table:
    curve = Table(
        title=f"georisk bench --soak {soak['n']:,} at {soak['rate']:g} msg/s",
        title_justify="left",
    )
    for column in ("t (s)", "sent", "scored", "RSS (MB)"):
        curve.add_column(column, justify="right")
    for point in soak["curve"]:
        curve.add_row(
            f"{point['t_s']:.1f}",
            f"{point['sent']:,}",
            f"{point['scored']:,}",
            f"{point['rss_mb']:.1f}",
        )
    return curve
