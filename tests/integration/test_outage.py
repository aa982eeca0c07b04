"""Stop and restart the broker under a running worker: it stays up, /readyz goes 503 and back to
200, and it resumes scoring without a crash loop."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from georisk.io.broker import EmbeddedBroker
from tests.integration.corpus import article, encode
from tests.integration.harness import Deployment, free_port, http_get, wait_for


@pytest.fixture
def own_broker(tmp_path: Path) -> Iterator[EmbeddedBroker]:
    broker = EmbeddedBroker("127.0.0.1", free_port(), tmp_path / "broker.log")
    broker.start()
    yield broker
    broker.stop()


def scored(text: str) -> float:
    match = re.search(r"^georisk_event_to_score_seconds_count (\S+)$", text, re.M)
    return float(match.group(1)) if match else 0.0


def test_broker_outage_and_recovery(own_broker: EmbeddedBroker, tmp_path: Path) -> None:
    deployment = Deployment(own_broker.bootstrap, tmp_path)
    deployment.create_topics()
    worker = deployment.start_worker()
    topics = deployment.settings.topics
    try:
        deployment.produce([(topics.articles, b"a", encode(article(i))) for i in range(10)])
        wait_for(lambda: scored(worker.metrics()) >= 10, 60, "first batch scored")
        assert worker.proc is not None
        pid = worker.proc.pid

        own_broker.stop()
        wait_for(lambda: http_get(f"{worker.base}/readyz")[0] == 503, 30, "/readyz 503")
        own_broker.start()
        wait_for(worker.ready, 90, "/readyz back to 200")

        deployment.produce([(topics.articles, b"b", encode(article(i))) for i in range(10, 30)])
        wait_for(lambda: scored(worker.metrics()) >= 30, 90, "scoring resumed")
        assert worker.alive()
        assert worker.proc.pid == pid
    finally:
        deployment.stop()
