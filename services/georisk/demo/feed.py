"""A synthetic demo stream (clearly marked: every article's source is `georisk-demo (synthetic)`).

Articles are composed from short templates written for the demo, never taken from real
reporting. Event time advances 30 minutes per article from a fixed start, through phases that
move each dimension in turn (calm, Taiwan Strait escalation, a cyber campaign, a mineral export
ban, a UK–Japan agreement), with unrelated noise and hard negatives throughout. Deterministic:
the same seed gives the same stream.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

SOURCE = "georisk-demo (synthetic)"
START = datetime(2026, 9, 1, tzinfo=UTC)
STEP = timedelta(minutes=30)
OUTLETS = ("Demo Wire", "Example Times", "Sample Herald", "Placeholder Post", "Mock Gazette")

NOISE = (
    (
        "Local council approves new cycle lanes",
        "The city council voted to extend cycle lanes "
        "across the centre after a consultation with residents and businesses.",
    ),
    (
        "Lunar New Year markets draw crowds",
        "Families gathered for Lunar New Year celebrations "
        "with lion dances, lanterns and food stalls across Chinatown.",
    ),
    (
        "Cyber Monday deals break records",
        "Retailers reported record Cyber Monday sales of "
        "laptops and headphones as shoppers hunted for discounts online.",
    ),
    (
        "England beat Japan in friendly",
        "England beat Japan 2-1 in an international football "
        "friendly at Wembley, with a late winner from the substitute striker.",
    ),
    (
        "Mineral water brand expands",
        "A bottled mineral water company opened a second plant "
        "to meet summer demand, creating 80 jobs.",
    ),
    (
        "Central bank holds rates",
        "The central bank left interest rates unchanged and said "
        "inflation was expected to ease over the coming year.",
    ),
)
CHINA = (
    (
        "PLA holds live-fire drills around Taiwan",
        "China's People's Liberation Army launched "
        "live-fire drills encircling Taiwan on {day}, deploying warships and fighter jets in what "
        "Beijing called a stern warning. Taipei condemned the exercises.",
    ),
    (
        "Chinese coast guard fires water cannon near Senkakus",
        "A China coast guard vessel fired "
        "a water cannon at a Japanese fishing boat near the Senkaku Islands. Tokyo lodged a strong "
        "protest with Beijing.",
    ),
    (
        "Beijing sanctions UK defence firms",
        "China imposed sanctions on three British defence "
        "companies over arms sales to Taiwan, the foreign ministry in Beijing said.",
    ),
)
CYBER = (
    (
        "Ransomware attack disrupts port operations",
        "A ransomware attack shut down container "
        "terminal systems at a major UK port on {day}; the National Cyber Security Centre said it "
        "was supporting the response.",
    ),
    (
        "Allies attribute intrusions to Chinese state hackers",
        "The UK, Japan and the United "
        "States issued a joint advisory attributing intrusions into critical infrastructure "
        "networks to the China state-sponsored group Volt Typhoon.",
    ),
)
MINERALS = (
    (
        "China bans gallium and germanium exports",
        "China's commerce ministry announced an "
        "export ban on gallium and germanium to several countries, tightening its grip on "
        "critical minerals used in semiconductors.",
    ),
    (
        "Graphite export licences delayed",
        "Battery makers in Japan reported delays to graphite "
        "export licences from China after new licensing rules took effect.",
    ),
)
PARTNERSHIP = (
    (
        "UK and Japan sign critical minerals pact",
        "The prime ministers of the United Kingdom "
        "and Japan signed a critical minerals supply-chain agreement in Tokyo on {day}, alongside "
        "a new cyber strategic partnership.",
    ),
    (
        "UK–Japan Economic 2+2 meets in London",
        "Foreign and trade ministers of the UK and "
        "Japan met for the Economic 2+2 dialogue and agreed to deepen economic security "
        "cooperation on semiconductors.",
    ),
)
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


def padding(rng: random.Random, sentences: int) -> str:
    """Varied background sentences, so each article is its own story to near-duplicate detection."""
    return " ".join(
        rng.choice(FILLER).format(city=rng.choice(CITIES), n=rng.randint(2, 99))
        for _ in range(sentences)
    )


# (phase length in articles, {pool: weight}) — noise dominates, one theme rises per phase.
PHASES = (
    (60, {"noise": 8, "china": 1, "cyber": 1, "minerals": 1, "partnership": 1}),
    (60, {"noise": 4, "china": 6, "cyber": 1, "minerals": 1, "partnership": 1}),
    (60, {"noise": 4, "china": 1, "cyber": 6, "minerals": 1, "partnership": 1}),
    (60, {"noise": 4, "china": 1, "cyber": 1, "minerals": 6, "partnership": 1}),
    (60, {"noise": 4, "china": 1, "cyber": 1, "minerals": 1, "partnership": 6}),
)
POOLS = {
    "noise": NOISE,
    "china": CHINA,
    "cyber": CYBER,
    "minerals": MINERALS,
    "partnership": PARTNERSHIP,
}


def demo_articles(seed: int = 7, cycles: int = 1_000) -> Iterator[dict[str, str]]:
    """The demo stream as article dicts ready for `georisk.articles.v1`."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not cryptography
    n = 0
    for _ in range(cycles):
        for length, weights in PHASES:
            names, shares = zip(*weights.items(), strict=True)
            for _ in range(length):
                pool = POOLS[rng.choices(names, shares)[0]]
                title, text = rng.choice(pool)
                when = START + n * STEP
                outlet = rng.choice(OUTLETS)
                yield {
                    "id": f"demo-{n:06d}",
                    "title": title,
                    "text": f"[Synthetic demo article] {text.format(day=when.strftime('%d %B'))} "
                    f"{padding(rng, 5)}",
                    "source": f"{outlet} — {SOURCE}",
                    "published_at": when.isoformat().replace("+00:00", "Z"),
                }
                n += 1
