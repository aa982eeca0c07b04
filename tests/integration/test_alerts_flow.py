"""A real worker turns a band change into an Alert on the alerts topic and a signed webhook POST."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import orjson
import pytest
from standardwebhooks import Webhook

from georisk.models import Alert
from tests.integration.corpus import article, encode
from tests.integration.harness import Deployment, free_port

Factory = Callable[..., Deployment]
SECRET = "whsec_" + "c2VjcmV0LWZvci10aGUtaW50ZWdyYXRpb24tdGVzdA=="
HIGH = frozenset({"high", "critical"})


class Receiver(ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", free_port()), _Handler)
        self.verified: list[dict[str, object]] = []

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/hook"


class _Handler(BaseHTTPRequestHandler):
    server: Receiver

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers["content-length"]))
        headers = {k.lower(): v for k, v in self.headers.items()}
        payload = Webhook(SECRET).verify(body, headers)  # raises on a bad signature
        self.server.verified.append({"id": headers["webhook-id"], "alert": payload})
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server
    server.shutdown()
    server.server_close()


def test_band_change_reaches_the_topic_and_a_signed_webhook(
    deployment_factory: Factory, receiver: Receiver
) -> None:
    deployment = deployment_factory(
        GEORISK_WEBHOOK_URLS=receiver.url, GEORISK_WEBHOOK_SECRET=SECRET
    )
    worker = deployment.start_worker()
    topics = deployment.settings.topics
    # A month of unrelated news, then an escalation from thirty outlets in six hours: the final
    # state is high whatever batches the worker reads, so the alert cannot depend on timing.
    calm = [dict(article(8 + i % 2, hours=2.0 * i), id=f"calm-{i}") for i in range(360)]
    burst = [
        dict(article(i % 2, hours=720 + 0.2 * i), id=f"burst-{i}", source=f"wire-{i}")
        for i in range(30)
    ]
    deployment.produce((topics.articles, str(d["id"]).encode(), encode(d)) for d in calm + burst)

    # Alerts keep coming while the worker reads the burst, and each is POSTed after it is
    # published: re-read the topic until the China escalation is there and every alert on it
    # has been POSTed and verified, and nothing else (a TimeoutError fails the test).
    def settled(values: list[bytes]) -> bool:
        ids = {Alert.model_validate_json(v).id for v in values}
        escalated = any(
            a.kind == "band_change" and a.dimension == "china_tension" and a.band_to in HIGH
            for a in map(Alert.model_validate_json, values)
        )
        return escalated and ids == {str(v["id"]) for v in list(receiver.verified)}

    values = deployment.read_topic(topics.alerts, until=settled, timeout=120)
    alerts = [Alert.model_validate_json(v) for v in values]
    assert all(a.scope == "gb-jp" for a in alerts)
    band_changes = [a for a in alerts if a.kind == "band_change"]
    china = [a for a in band_changes if a.dimension == "china_tension"]
    assert china[-1].band_to in HIGH
    assert all(a.band_from != a.band_to and a.evidence for a in band_changes)
    delivered = {str(v["id"]): v["alert"] for v in receiver.verified}
    for alert in alerts:
        assert delivered[alert.id] == orjson.loads(alert.model_dump_json())
    assert "georisk_alerts_total" in worker.metrics()
    assert 'georisk_webhook_deliveries_total{outcome="delivered"}' in worker.metrics()
