"""Synthetic, realistic-length articles for benchmarks and soak runs (~1 KB of JSON each).

Each article is one demo theme sentence (threat, incident, control, agreement or noise) padded
with varied filler sentences and numbers, so near-duplicate clustering sees distinct texts the
way it would see a real news stream. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from georisk.demo.feed import (
    CHINA,
    CYBER,
    MINERALS,
    NOISE,
    PARTNERSHIP,
    SOURCE,
    START,
    padding,
)

THEMES = (NOISE, NOISE, NOISE, CHINA, CYBER, MINERALS, PARTNERSHIP)


def corpus(
    n: int, seed: int = 11, step: timedelta = timedelta(minutes=2), start: datetime = START
) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not cryptography
    for i in range(n):
        title, text = rng.choice(rng.choice(THEMES))
        when = start + i * step
        filler = padding(rng, rng.randint(7, 10))
        yield {
            "id": f"bench-{seed}-{i:07d}",
            "title": title,
            "text": f"{text.format(day=when.strftime('%d %B'))} {filler}",
            "source": f"outlet-{rng.randint(1, 40)} ({SOURCE})",
            "published_at": when.isoformat().replace("+00:00", "Z"),
        }
