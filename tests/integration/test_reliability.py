"""Crash recovery, redelivery and scaling on a real broker with real worker processes.

The reference is always the offline pipeline over the same input (what `georisk replay` runs):
a score is a pure function of the set of documents, so whatever happened in between, the final
served scores must equal it exactly.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import orjson

from georisk.demo.corpus import corpus
from tests.integration.expected import replay_scores, served_scores
from tests.integration.harness import Deployment, Worker, wait_for

Factory = Callable[..., Deployment]


def scored_count(worker: Worker) -> float:
    match = re.search(r"^georisk_event_to_score_seconds_count (\S+)$", worker.metrics(), re.M)
    return float(match.group(1)) if match else 0.0


def input_counts(worker: Worker) -> float:
    return sum(
        float(v)
        for v in re.findall(r"^georisk_messages_total\{[^}]*\} (\S+)$", worker.metrics(), re.M)
    )


def wait_for_scores(
    worker: Worker, expected: dict[tuple[str, str], dict[str, object]], timeout: float
) -> None:
    last: dict[tuple[str, str], dict[str, object]] = {}

    def equal() -> bool:
        nonlocal last
        last = served_scores(worker.get_json("/v1/scores"))
        return last == expected

    try:
        wait_for(equal, timeout, "served scores to equal the offline replay", interval=0.5)
    except TimeoutError:
        diff = {k: (last.get(k), v) for k, v in expected.items() if last.get(k) != v}
        raise AssertionError(
            f"scores differ from replay on {len(diff)} keys: "
            f"{next(iter(diff.items())) if diff else ''}"
        ) from None


def records(deployment: Deployment, docs: list[bytes]) -> list[tuple[str, bytes | None, bytes]]:
    topic = deployment.settings.topics.articles
    return [(topic, orjson.loads(raw)["id"].encode(), raw) for raw in docs]


def test_kill_9_mid_stream_then_restart_matches_replay(deployment_factory: Factory) -> None:
    deployment = deployment_factory()
    docs = [orjson.dumps(a) for a in corpus(1500, seed=21)]
    first = deployment.start_worker()
    deployment.produce(records(deployment, docs))
    wait_for(lambda: scored_count(first) >= 200, 60, "the worker to be mid-stream")
    done_before_kill = scored_count(first)
    first.kill()
    assert done_before_kill < len(docs), "the kill must land mid-stream"
    second = deployment.start_worker()
    wait_for_scores(second, replay_scores(docs), timeout=120)


def test_duplicates_and_redelivery_count_once(deployment_factory: Factory) -> None:
    deployment = deployment_factory()
    docs = [orjson.dumps(a) for a in corpus(300, seed=22)]
    worker = deployment.start_worker()
    twice = records(deployment, docs) + records(deployment, docs[:150])
    deployment.produce(twice)
    wait_for(lambda: input_counts(worker) >= len(twice), 60, "every delivery handled")
    wait_for_scores(worker, replay_scores(docs), timeout=60)
    text = worker.metrics()
    assert 'outcome="duplicate"' in text


def test_two_workers_share_the_load_and_match_one(deployment_factory: Factory) -> None:
    deployment = deployment_factory(GEORISK_PARTITIONS="4")
    docs = [orjson.dumps(a) for a in corpus(1200, seed=23)]
    workers = [deployment.start_worker(), deployment.start_worker()]
    wait_for(lambda: all(w.ready() for w in workers), 60, "both workers ready after rebalance")
    deployment.produce(records(deployment, docs))
    wait_for(lambda: sum(input_counts(w) for w in workers) >= len(docs), 90, "all input handled")
    assert all(input_counts(w) > 0 for w in workers), "both workers consumed input partitions"
    owners = [w for w in workers if w.get_json("/v1/scores") != {"scores": []}]
    assert len(owners) == 1, "exactly one worker owns the scoring partition"
    wait_for_scores(owners[0], replay_scores(docs), timeout=90)
