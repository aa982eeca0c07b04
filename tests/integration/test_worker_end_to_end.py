"""Articles in → ScoreUpdates out, bad input → dead letters, HTTP and metrics, on a real broker
with a real `georisk worker` process."""

from __future__ import annotations

import base64
import re
from collections import Counter
from collections.abc import Callable

import orjson

from georisk.models import DIMENSIONS, SCORE_DIMENSIONS, DeadLetter, ScoreUpdate
from tests.integration.corpus import article, articles, encode
from tests.integration.harness import Deployment, http_get, http_post, wait_for

Factory = Callable[..., Deployment]


def metric(text: str, name: str, **labels: str) -> float:
    """Sum of a metric's samples whose labels include `labels`."""
    total = 0.0
    for line in text.splitlines():
        match = re.match(rf"^{name}(\{{(.*)\}})? (\S+)$", line)
        if not match:
            continue
        found = dict(re.findall(r'(\w+)="([^"]*)"', match.group(2) or ""))
        if all(found.get(k) == v for k, v in labels.items()):
            total += float(match.group(3))
    return total


def test_articles_in_scores_out_for_every_dimension(deployment_factory: Factory) -> None:
    deployment = deployment_factory()
    worker = deployment.start_worker()
    topics = deployment.settings.topics
    docs = articles(40)
    deployment.produce((topics.articles, str(d["id"]).encode(), encode(d)) for d in docs)

    def complete(values: list[bytes]) -> bool:
        seen = {(u["dimension"], u["horizon"]) for u in map(orjson.loads, values)}
        return len(seen) == len(SCORE_DIMENSIONS) * 2

    # Scores are published per batch: read them once the whole input has been scored.
    wait_for(
        lambda: metric(worker.metrics(), "georisk_event_to_score_seconds_count") >= len(docs),
        60,
        "every article scored",
    )
    assert metric(worker.metrics(), "georisk_messages_total") >= len(docs)
    values = deployment.read_topic(topics.scores, until=complete, timeout=60)
    updates = [ScoreUpdate.model_validate_json(v) for v in values]
    assert {u.scope for u in updates} == {"gb-jp"}
    latest = {(u.dimension, u.horizon): u for u in updates}
    for dimension in DIMENSIONS:
        assert latest[(dimension, "fast")].n_docs > 0
        if latest[(dimension, "fast")].score > 0:
            assert latest[(dimension, "fast")].top_evidence, dimension
    signals = deployment.read_topic(topics.signals, until=bool, timeout=30)
    assert {orjson.loads(s)["dimension"] for s in signals} == set(DIMENSIONS)


BAD = {
    "not_json": b"{this is not json",
    "not_utf8": b'{"id": "x1", "text": "caf\xe9 \xff"}',
    "invalid_field": b'{"id": 5, "text": 7}',
    "missing_field": b'{"title": "no id or text"}',
    "empty_text": b'{"id": "x2", "text": "   "}',
    "oversize": orjson.dumps({"id": "x3", "text": "word " * 20_000}),
    "future_timestamp": orjson.dumps(
        {"id": "x4", "text": "From the future.", "published_at": "2999-01-01T00:00:00Z"}
    ),
    "unsupported_schema_version": orjson.dumps({"id": "x5", "text": "v9", "schema_version": "9.0"}),
    "not_object": b"[1, 2, 3]",
}


def test_bad_messages_go_to_the_dead_letter_topic_and_the_stream_goes_on(
    deployment_factory: Factory,
) -> None:
    deployment = deployment_factory(GEORISK_MAX_MESSAGE_BYTES="65536")
    worker = deployment.start_worker()
    topics = deployment.settings.topics
    good = articles(12)
    records: list[tuple[str, bytes | None, bytes]] = []
    for i, (reason, raw) in enumerate(BAD.items()):
        records.append((topics.articles, f"bad-{reason}".encode(), raw))
        records.append((topics.articles, str(good[i]["id"]).encode(), encode(good[i])))
    records += [(topics.articles, str(d["id"]).encode(), encode(d)) for d in good[len(BAD) :]]
    records.append((topics.events, b"ev-bad", b'{"id": "ev-bad", "source": "gdelt"}'))
    deployment.produce(records)

    letters_raw = deployment.read_topic(
        topics.deadletter, until=lambda v: len(v) >= len(BAD) + 1, timeout=60
    )
    letters = [DeadLetter.model_validate_json(v) for v in letters_raw]
    by_key = {letter.key: letter for letter in letters}
    for reason, raw in BAD.items():
        letter = by_key[f"bad-{reason}"]
        assert letter.error == reason, (reason, letter.detail)
        assert letter.topic == topics.articles
        original = (
            base64.b64decode(letter.raw) if letter.raw_encoding == "base64" else letter.raw.encode()
        )
        assert original == raw
    assert by_key["ev-bad"].error == "missing_field"
    assert by_key["ev-bad"].topic == topics.events

    def all_counted() -> bool:
        text = worker.metrics()
        valid = sum(
            metric(text, "georisk_messages_total", outcome=o) for o in ("scored", "irrelevant")
        )
        return (
            valid == len(good)
            and metric(text, "georisk_messages_total", outcome="deadletter") == len(BAD) + 1
        )

    wait_for(all_counted, 30, "valid articles scored and dead letters counted")
    assert worker.alive()


def test_http_endpoints_and_metrics(deployment_factory: Factory) -> None:
    deployment = deployment_factory()
    worker = deployment.start_worker()
    assert http_get(f"{worker.base}/healthz")[0] == 200
    ready = worker.get_json("/readyz")
    assert isinstance(ready, dict)
    assert ready["ready"] is True
    topics = deployment.settings.topics
    docs = articles(20)
    deployment.produce((topics.articles, str(d["id"]).encode(), encode(d)) for d in docs)

    def all_scores() -> bool:
        body = worker.get_json("/v1/scores")
        return isinstance(body, dict) and len(body["scores"]) == len(SCORE_DIMENSIONS) * 2

    wait_for(all_scores, 60, "ten current scores on /v1/scores")
    one = worker.get_json("/v1/scores/gb-jp/cyber")
    assert isinstance(one, dict)
    assert {s["horizon"] for s in one["scores"]} == {"fast", "slow"}
    assert one["history"]["fast"]
    assert http_get(f"{worker.base}/v1/scores/nowhere/cyber")[0] == 404
    assert http_post(f"{worker.base}/v1/scores") == 405, "the HTTP API is read-only"
    # The first scores appear after the first batch; wait until the whole input has been scored.
    wait_for(
        lambda: metric(worker.metrics(), "georisk_event_to_score_seconds_count") >= len(docs),
        60,
        "every article scored",
    )
    text = worker.metrics()
    for name in ("georisk_score", "georisk_adjusted_score", "georisk_index", "georisk_band"):
        assert f'{name}{{dimension="cyber",horizon="fast",scope="gb-jp"}}' in text, name
    assert metric(text, "georisk_messages_total", topic=topics.articles) == len(docs)
    assert metric(text, "georisk_event_to_score_seconds_count") >= len(docs)
    assert "georisk_event_to_score_seconds_bucket" in text


def test_readyz_is_503_until_partitions_are_assigned(deployment_factory: Factory) -> None:
    deployment = deployment_factory()
    worker = deployment.start_worker(ready_timeout=0)
    statuses: Counter[int] = Counter()

    def observe() -> bool:
        status = http_get(f"{worker.base}/readyz", timeout=1)[0]
        statuses[status] += 1
        return status == 200

    wait_for(observe, 90, "readiness", interval=0.05)
    assert statuses[503] >= 1, statuses


def test_events_are_scored(deployment_factory: Factory) -> None:
    deployment = deployment_factory()
    deployment.start_worker()
    topics = deployment.settings.topics
    event = {
        "id": "ev-1",
        "source": "gdelt",
        "occurred_at": "2025-06-01T00:00:00Z",
        "actor1_country": "CN",
        "actor2_country": "JP",
        "code": "190",
        "quad_class": 4,
        "goldstein": -10.0,
        "num_sources": 5,
        "num_mentions": 20,
    }
    deployment.produce(
        [
            (topics.events, b"ev-1", orjson.dumps(event)),
            (topics.articles, b"art-00000", encode(article(0))),
        ]
    )
    signals = deployment.read_topic(
        topics.signals,
        timeout=60,
        until=lambda v: any(orjson.loads(s)["doc_id"] == "ev-1" for s in v),
    )
    event_signals = [orjson.loads(s) for s in signals if orjson.loads(s)["doc_id"] == "ev-1"]
    assert {s["dimension"] for s in event_signals} == {"china_tension"}
    assert event_signals[0]["doc_kind"] == "event"
