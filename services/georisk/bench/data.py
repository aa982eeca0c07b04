"""The benchmark's articles: `corpus(n)` encoded once with orjson, as (key, value) pairs."""

from __future__ import annotations

from datetime import timedelta

import orjson

from georisk.demo.corpus import corpus

Record = tuple[bytes, bytes]


def encoded(n: int, seed: int = 11, step: timedelta = timedelta(minutes=2)) -> list[Record]:
    """`corpus(n, seed, step)` as Kafka (key, value) pairs: the article id and its JSON."""
    return [(a["id"].encode(), orjson.dumps(a)) for a in corpus(n, seed, step)]
