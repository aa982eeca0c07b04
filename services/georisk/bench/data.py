"""The benchmark's articles: `corpus(n)` encoded once with orjson, as (key, value) pairs."""

from __future__ import annotations

from datetime import datetime, timedelta

import orjson

from georisk.demo.corpus import corpus
from georisk.demo.feed import START

Record = tuple[bytes, bytes]


def encoded(
    n: int, seed: int = 11, step: timedelta = timedelta(minutes=2), start: datetime = START
) -> list[Record]:
    """`corpus(n, seed, step, start)` as Kafka (key, value) pairs: the article id and its JSON."""
    return [(a["id"].encode(), orjson.dumps(a)) for a in corpus(n, seed, step, start)]
