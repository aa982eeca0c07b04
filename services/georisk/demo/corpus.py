"""Synthetic, realistic-length articles for benchmarks and soak runs (~1 KB of JSON each).

Each article is one demo theme sentence (threat, incident, control, agreement or noise) padded
with varied filler sentences and numbers, so near-duplicate clustering sees distinct texts the
way it would see a real news stream. Deterministic for a given seed.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import datetime, timedelta

from georisk.demo.feed import CHINA, CYBER, MINERALS, NOISE, PARTNERSHIP, SOURCE, START

THEMES = (NOISE, NOISE, NOISE, CHINA, CYBER, MINERALS, PARTNERSHIP)
CITIES = ("London", "Tokyo", "Osaka", "Manchester", "Sydney", "Manila", "Seoul", "Leeds", "Kobe")
FILLER = (
    "Officials in {city} said further details would be published in the coming days.",
    "Analysts said the figures for the quarter were broadly in line with expectations of {n}%.",
    "The statement was released shortly after {n} o'clock local time in {city}.",
    "Residents interviewed in {city} said they were following the news closely.",
    "A spokesperson declined to comment further, citing an ongoing review of {n} cases.",
    "Markets in {city} closed {n} points higher after a volatile session.",
    "The report runs to {n} pages and includes recommendations for regulators.",
    "Local media in {city} carried the story on their front pages.",
    "The organisation employs about {n},000 people across the region.",
    "Observers noted that similar announcements had been made {n} times in the past decade.",
)


def corpus(
    n: int, seed: int = 11, step: timedelta = timedelta(minutes=2), start: datetime = START
) -> Iterator[dict[str, str]]:
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not cryptography
    for i in range(n):
        title, text = rng.choice(rng.choice(THEMES))
        when = start + i * step
        filler = " ".join(
            rng.choice(FILLER).format(city=rng.choice(CITIES), n=rng.randint(2, 99))
            for _ in range(rng.randint(7, 10))
        )
        yield {
            "id": f"bench-{seed}-{i:07d}",
            "title": title,
            "text": f"{text.format(day=when.strftime('%d %B'))} {filler}",
            "source": f"outlet-{rng.randint(1, 40)} ({SOURCE})",
            "published_at": when.isoformat().replace("+00:00", "Z"),
        }
