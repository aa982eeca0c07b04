from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from georisk.io.broker import EmbeddedBroker
from tests.integration.harness import Deployment, free_port


@pytest.fixture(scope="session")
def broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[EmbeddedBroker]:
    log = tmp_path_factory.mktemp("broker") / "broker.log"
    embedded = EmbeddedBroker("127.0.0.1", free_port(), log)
    embedded.start()
    yield embedded
    embedded.stop()


@pytest.fixture
def deployment_factory(broker: EmbeddedBroker, tmp_path: Path) -> Iterator[object]:
    """Make isolated deployments (own topics and app id) on the session's broker."""
    made: list[Deployment] = []

    def make(**env: str) -> Deployment:
        deployment = Deployment(broker.bootstrap, tmp_path, env_extra=env)
        deployment.create_topics()
        made.append(deployment)
        return deployment

    yield make
    for deployment in made:
        deployment.stop()


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "integration" in str(item.fspath):
            item.add_marker(pytest.mark.integration)
