"""1,000+ hypothesis-generated malformed and adversarial messages through a real worker.

Each one must be dead-lettered or scored, the worker must stay up, and the valid articles
interleaved with them must all reach the scoring stage.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import orjson
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from georisk.core.documents import ScoredDocument
from tests.integration.corpus import article
from tests.integration.harness import Deployment, wait_for

Factory = Callable[..., Deployment]
N_ADVERSARIAL = 1000
MAX_BYTES = 65_536

scalars = (
    st.none()
    | st.booleans()
    | st.integers(-(2**63), 2**63 - 1)
    | st.floats(allow_nan=False, allow_infinity=False)
    | st.text(max_size=30)
)
json_values = st.recursive(
    scalars,
    lambda kids: (
        st.lists(kids, max_size=4) | st.dictionaries(st.text(max_size=8), kids, max_size=4)
    ),
    max_leaves=12,
)


def nested(depth: int) -> bytes:
    return b'{"id": "deep", "text": ' + b"[" * depth + b"]" * depth + b"}"


adversarial = st.one_of(
    st.binary(max_size=300),  # broken UTF-8, noise
    st.binary(max_size=40).map(lambda b: b'{"id": "u", "text": "' + b + b'"}'),
    st.dictionaries(
        st.sampled_from(["id", "text", "published_at", "schema_version", "countries", "title"]),
        json_values,
        max_size=6,
    ).map(orjson.dumps),  # wrong types
    st.integers(2, 3000).map(nested),  # deep nesting
    st.integers(MAX_BYTES, 2 * MAX_BYTES).map(  # huge fields
        lambda n: orjson.dumps({"id": "big", "text": "x" * n})
    ),
    st.sampled_from(
        [
            b'{"id": "n", "text": NaN}',
            b'{"id": "i", "text": "t", "tone": Infinity}',
            b'{"id": "n2", "text": "ok", "published_at": -Infinity}',
        ]
    ),
    st.sampled_from(
        [
            "2999-01-01T00:00:00Z",
            "1066-10-14T00:00:00Z",
            "0001-01-01T00:00:00Z",
            "not a date",
            "2025-13-45T99:99:99Z",
        ]
    ).map(lambda d: orjson.dumps({"id": "t", "text": "when?", "published_at": d})),
    st.text(max_size=5).map(lambda v: orjson.dumps({"id": "v", "text": "x", "schema_version": v})),
)


def metric_sum(text: str, name: str, **labels: str) -> float:
    total = 0.0
    for labelset, value in re.findall(rf"^{name}\{{([^}}]*)\}} (\S+)$", text, re.M):
        found = dict(re.findall(r'(\w+)="([^"]*)"', labelset))
        if all(found.get(k) == v for k, v in labels.items()):
            total += float(value)
    return total


@settings(max_examples=1, deadline=None, database=None, suppress_health_check=list(HealthCheck))
@given(messages=st.lists(adversarial, min_size=N_ADVERSARIAL, max_size=N_ADVERSARIAL))
def test_fuzzed_messages_never_crash_the_worker(
    deployment_factory: Factory, messages: list[bytes]
) -> None:
    deployment = deployment_factory(GEORISK_MAX_MESSAGE_BYTES=str(MAX_BYTES))
    worker = deployment.start_worker()
    topics = deployment.settings.topics
    valid = [article(i, hours=i / 4) for i in range(200)]
    records: list[tuple[str, bytes | None, bytes]] = []
    for i, raw in enumerate(messages):
        target = topics.events if i % 10 == 0 else topics.articles
        records.append((target, f"fuzz-{i}".encode(), raw))
        if i % 5 == 0:
            doc = valid[i // 5]
            records.append((topics.articles, str(doc["id"]).encode(), orjson.dumps(doc)))
    deployment.produce(records)

    def all_handled() -> bool:
        return metric_sum(worker.metrics(), "georisk_messages_total") >= len(records)

    wait_for(all_handled, 120, f"{len(records)} messages handled")
    assert worker.alive()
    text = worker.metrics()
    assert metric_sum(text, "georisk_messages_total") == len(records)
    dead = metric_sum(text, "georisk_messages_total", outcome="deadletter")
    letters = deployment.read_topic(topics.deadletter, until=lambda v: len(v) >= dead, timeout=60)
    assert len(letters) == dead > N_ADVERSARIAL * 0.5
    scored_ids = {
        ScoredDocument.model_validate_json(v).doc_id
        for v in deployment.read_topic(
            deployment.internal_topic,
            timeout=60,
            until=lambda v: {str(d["id"]) for d in valid} <= {orjson.loads(x)["doc_id"] for x in v},
        )
    }
    assert {str(d["id"]) for d in valid} <= scored_ids
    assert worker.ready()
