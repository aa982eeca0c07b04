"""Short articles and events written for the integration tests (not real reporting)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import orjson

T0 = datetime(2025, 6, 1, tzinfo=UTC)

TEXTS = (
    (
        "PLA live-fire drills encircle Taiwan",
        "China's People's Liberation Army began live-fire "
        "drills around Taiwan, sending warships and fighter jets across the median line. Taipei "
        "condemned the exercises and Tokyo voiced serious concern.",
    ),
    (
        "Coast guard water cannon in South China Sea",
        "A Chinese coast guard ship fired a water "
        "cannon at a Philippine supply boat near Second Thomas Shoal, injuring crew. Manila lodged "
        "a diplomatic protest with Beijing.",
    ),
    (
        "Ransomware cripples hospital network",
        "A ransomware attack disrupted a hospital trust in "
        "England, cancelling operations; the National Cyber Security Centre is investigating.",
    ),
    (
        "Allies name Chinese state hackers",
        "The UK, Japan and the US attributed a long-running "
        "intrusion campaign against critical infrastructure to the Chinese state-sponsored group "
        "Volt Typhoon in a joint advisory.",
    ),
    (
        "China restricts gallium exports",
        "China's commerce ministry imposed export licensing on "
        "gallium and germanium, critical minerals for chips, effective next month.",
    ),
    (
        "Rare earth mine flooded",
        "Flooding halted output at a large rare earth mine in Myanmar, "
        "pushing up prices of dysprosium and terbium used in magnets.",
    ),
    (
        "UK and Japan agree economic security partnership",
        "The prime ministers of the UK and "
        "Japan signed an Economic Security Partnership in Tokyo, covering semiconductors, critical "
        "minerals and cyber defence.",
    ),
    (
        "Trade ministers meet for Economic 2+2",
        "UK and Japanese ministers held the Economic 2+2 "
        "dialogue in London and agreed a joint statement on supply-chain resilience.",
    ),
    (
        "Lunar New Year festivities",
        "Crowds watched lion dances and fireworks to celebrate the Lunar New Year in Chinatown.",
    ),
    (
        "Town opens new library",
        "A new public library opened in the town centre with a cafe and a children's reading room.",
    ),
)


def article(i: int, *, hours: float | None = None, **extra: object) -> dict[str, object]:
    title, text = TEXTS[i % len(TEXTS)]
    when = T0 + timedelta(hours=i if hours is None else hours)
    body: dict[str, object] = {
        "id": f"art-{i:05d}",
        "title": title,
        "text": f"{text} (item {i})",
        "source": f"outlet-{i % 4}",
        "published_at": when.isoformat().replace("+00:00", "Z"),
    }
    body.update(extra)
    return body


def articles(n: int) -> list[dict[str, object]]:
    return [article(i) for i in range(n)]


def encode(doc: dict[str, object]) -> bytes:
    return orjson.dumps(doc)
