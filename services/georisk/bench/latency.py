"""Latency from the worker's `georisk_event_to_score_seconds` histogram.

The worker observes, per scored document, the time from the input record's timestamp (set by
the producer when it sends) to the document's scores being published. The benchmark scrapes
the histogram before and after a fixed-rate run, subtracts, and computes quantiles exactly like
Prometheus `histogram_quantile` (linear interpolation inside the bucket holding the rank).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence

HISTOGRAM = "georisk_event_to_score_seconds"

Buckets = list[tuple[float, float]]  # (upper bound `le`, cumulative count), sorted by bound

_SAMPLE = re.compile(r"^(?P<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(?:\{(?P<labels>[^}]*)\})?\s+(?P<v>\S+)")
_LABEL = re.compile(r'(\w+)="((?:[^"\\]|\\.)*)"')


def parse_samples(text: str, name: str) -> list[tuple[dict[str, str], float]]:
    """Every sample of metric `name` in a Prometheus text exposition: (labels, value)."""
    out = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        match = _SAMPLE.match(line)
        if match is None or match.group("name") != name:
            continue
        labels = dict(_LABEL.findall(match.group("labels") or ""))
        out.append((labels, float(match.group("v"))))
    return out


def metric_sum(text: str, name: str, **labels: str) -> float:
    """The sum of the samples of `name` whose labels include `labels`."""
    return sum(
        value
        for found, value in parse_samples(text, name)
        if all(found.get(k) == v for k, v in labels.items())
    )


def _bound(le: str) -> float:
    return math.inf if le in ("+Inf", "Inf", "inf") else float(le)


def parse_buckets(text: str, name: str = HISTOGRAM) -> Buckets:
    """The cumulative buckets of histogram `name` (summed over any other labels)."""
    by_bound: dict[float, float] = {}
    for labels, value in parse_samples(text, f"{name}_bucket"):
        if "le" in labels:
            bound = _bound(labels["le"])
            by_bound[bound] = by_bound.get(bound, 0.0) + value
    return sorted(by_bound.items())


def bucket_delta(before: Buckets, after: Buckets) -> Buckets:
    """`after − before`, bucket by bucket (a bucket missing before counts as 0)."""
    earlier = dict(before)
    return [(bound, count - earlier.get(bound, 0.0)) for bound, count in after]


def histogram_quantile(q: float, buckets: Sequence[tuple[float, float]]) -> float:
    """Prometheus `histogram_quantile(q, …)` over cumulative buckets; NaN when undefined.

    Same rules as Prometheus: the last bucket must be +Inf; counts are made monotonic; the rank
    `q·total` falls in the first bucket whose cumulative count reaches it, and the value is
    interpolated linearly between that bucket's lower and upper bound (the lower bound of the
    first bucket is 0 when its upper bound is positive). A rank in the +Inf bucket returns the
    highest finite bound.
    """
    if math.isnan(q):
        return math.nan
    if q < 0:
        return -math.inf
    if q > 1:
        return math.inf
    ordered = sorted(buckets)
    if len(ordered) < 2 or not math.isinf(ordered[-1][0]):
        return math.nan
    monotonic: list[tuple[float, float]] = []
    highest = 0.0
    for bound, count in ordered:
        highest = max(highest, count)
        monotonic.append((bound, highest))
    total = monotonic[-1][1]
    if total <= 0:
        return math.nan
    rank = q * total
    b = next(i for i, (_, count) in enumerate(monotonic) if count >= rank)
    if b == len(monotonic) - 1:
        return monotonic[-2][0]
    if b == 0 and monotonic[0][0] <= 0:
        return monotonic[0][0]
    start, end = 0.0, monotonic[b][0]
    count = monotonic[b][1]
    if b > 0:
        start = monotonic[b - 1][0]
        count -= monotonic[b - 1][1]
        rank -= monotonic[b - 1][1]
    return start + (end - start) * (rank / count)


def bucket_width_at(value: float, buckets: Sequence[tuple[float, float]]) -> float:
    """Width of the bucket a value falls in (how coarse the interpolation there is)."""
    previous = 0.0
    for bound, _ in sorted(buckets):
        if value <= bound:
            return bound - previous
        previous = bound
    return math.inf


def quantiles_ms(
    before: Buckets, after: Buckets, qs: Sequence[float] = (0.5, 0.99)
) -> Mapping[float, float]:
    """Quantiles in milliseconds of the observations made between two scrapes."""
    delta = bucket_delta(before, after)
    return {q: histogram_quantile(q, delta) * 1000 for q in qs}
