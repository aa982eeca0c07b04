"""The reference scores: the offline pipeline (decode → assess → engine) that replay runs."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from georisk.core.decode import Limits, decode_article
from georisk.core.pipeline import assess
from georisk.core.scoring import ScoringEngine
from georisk.models import Article
from georisk.scopes import default_scope

RECEIVED = datetime(2100, 1, 1, tzinfo=UTC)


def replay_scores(raw_articles: Iterable[bytes]) -> dict[tuple[str, str], dict[str, object]]:
    """Final scores per (dimension, horizon), `emitted_at` dropped, as comparable JSON dicts."""
    scope = default_scope()
    engine = ScoringEngine(scope)
    for raw in raw_articles:
        article = decode_article(raw, RECEIVED, Limits())
        assert isinstance(article, Article)
        engine.ingest(assess(article, scope))
    return {
        (u.dimension, u.horizon): comparable(u.model_dump(mode="json")) for u in engine.scores()
    }


def comparable(update: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in update.items() if k != "emitted_at"}


def served_scores(body: object) -> dict[tuple[str, str], dict[str, object]]:
    assert isinstance(body, dict)
    return {(u["dimension"], u["horizon"]): comparable(u) for u in body["scores"]}
