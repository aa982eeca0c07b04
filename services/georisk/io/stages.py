"""The worker's two stages as plain objects: records in, records out. faust only moves bytes.

Stage 1 (`InputStage`, partitioned by document id, scales across workers): decode and validate,
dead-letter bad input, extract signals, and forward one `ScoredDocument` per scope to the
internal topic. Stage 2 (`ScoringStage`, one owner of the internal topic's single partition):
fold documents into each scope's scoring engine and publish the ScoreUpdates that changed.
Scores are a pure function of the set of documents, so stage 2 recovers after a crash by
re-reading the internal topic from the start; redelivered documents are no-ops.
"""

from __future__ import annotations

import logging
from collections import Counter, OrderedDict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from pydantic import ValidationError

from georisk.core.alerts import AlertEngine
from georisk.core.decode import Limits, Rejection, decode_article, decode_event
from georisk.core.documents import ScoredDocument
from georisk.core.pipeline import assess_all
from georisk.core.scoring import ScoringEngine, TooLate
from georisk.io.broker import internal_topic
from georisk.io.records import InRecord, OutRecord, dead_letter, dumps
from georisk.models import Alert, Article, Event, ScoreUpdate
from georisk.scopes import ScopeConfig
from georisk.settings import Settings

log = logging.getLogger(__name__)

ScoreKey = tuple[str, str, str]
HISTORY = 96
RECENT_IDS = 100_000


@dataclass
class StageResult:
    out: list[OutRecord] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    outcomes: Counter[tuple[str, str]] = field(default_factory=Counter)
    rejections: Counter[str] = field(default_factory=Counter)


class _RecentIds:
    """A bounded memory of recently seen document ids (metrics only: scoring dedupes itself)."""

    def __init__(self, size: int = RECENT_IDS) -> None:
        self._ids: OrderedDict[str, None] = OrderedDict()
        self._size = size

    def seen(self, doc_id: str) -> bool:
        if doc_id in self._ids:
            self._ids.move_to_end(doc_id)
            return True
        self._ids[doc_id] = None
        if len(self._ids) > self._size:
            self._ids.popitem(last=False)
        return False


class InputStage:
    """Stage 1: input bytes → dead letters, or signals and scored documents for every scope."""

    def __init__(self, settings: Settings, scopes: Sequence[ScopeConfig]) -> None:
        self.topics = settings.topics
        self.internal = internal_topic(settings)
        self.scopes = tuple(scopes)
        self.limits = Limits(
            settings.max_message_bytes, timedelta(seconds=settings.max_future_skew_s)
        )
        self._recent = _RecentIds()

    def process(self, records: Iterable[InRecord], now: datetime) -> StageResult:
        result = StageResult()
        for record in records:
            try:
                self._one(record, now, result)
            except Exception as exc:  # a worker never crashes on a message
                log.exception(
                    "unexpected failure on %s[%d]@%d", record.topic, record.partition, record.offset
                )
                self._reject(record, Rejection("processing_error", repr(exc)[:300]), now, result)
        return result

    def _decode(self, record: InRecord) -> Article | Event | Rejection:
        if record.topic == self.topics.events:
            return decode_event(record.value, record.received, self.limits)
        return decode_article(record.value, record.received, self.limits)

    def _reject(
        self, record: InRecord, rejection: Rejection, now: datetime, result: StageResult
    ) -> None:
        result.out.append(dead_letter(record, rejection, self.topics.deadletter, now))
        result.outcomes[(record.topic, "deadletter")] += 1
        result.rejections[rejection.reason] += 1

    def _one(self, record: InRecord, now: datetime, result: StageResult) -> None:
        doc = self._decode(record)
        if isinstance(doc, Rejection):
            self._reject(record, doc, now, result)
            return
        if self._recent.seen(f"{type(doc).__name__}:{doc.id}"):
            result.outcomes[(record.topic, "duplicate")] += 1
            return
        relevant = False
        for scored in assess_all(doc, self.scopes):
            key = scored.scope.encode()
            relevant = relevant or bool(scored.signals)
            for signal in scored.signals:
                result.out.append(OutRecord(self.topics.signals, key, dumps(signal)))
            result.out.append(
                OutRecord(
                    self.internal, key, scored.model_dump_json().encode(), record.timestamp_ms
                )
            )
        result.outcomes[(record.topic, "scored" if relevant else "irrelevant")] += 1


class ScoringStage:
    """Stage 2: scored documents → each scope's engine → changed ScoreUpdates."""

    def __init__(self, settings: Settings, scopes: Sequence[ScopeConfig]) -> None:
        self.topics = settings.topics
        self.engines = {scope.name: ScoringEngine(scope) for scope in scopes}
        self.alerting = AlertEngine()
        self.latest: dict[ScoreKey, ScoreUpdate] = {}
        self.history: dict[ScoreKey, deque[ScoreUpdate]] = {}

    def load(self, values: Iterable[bytes]) -> int:
        """Rebuild state from the internal topic (recovery); returns documents ingested."""
        count = 0
        for value in values:
            doc = self._parse(value)
            if doc is not None and doc.scope in self.engines:
                try:
                    count += self.engines[doc.scope].ingest(doc)
                except TooLate:
                    continue
        return count

    @staticmethod
    def _parse(value: bytes) -> ScoredDocument | None:
        try:
            return ScoredDocument.model_validate_json(value)
        except ValidationError:
            log.warning("skipping a malformed internal record")
            return None

    def process(self, records: Iterable[InRecord], now: datetime) -> StageResult:
        result = StageResult()
        touched: set[str] = set()
        for record in records:
            doc = self._parse(record.value)
            engine = self.engines.get(doc.scope) if doc else None
            if doc is None or engine is None:
                continue
            try:
                if engine.ingest(doc):
                    touched.add(doc.scope)
                    result.alerts.extend(self._observe(doc, now))
            except TooLate as exc:
                rejection = Rejection("too_late", str(exc)[:300])
                result.out.append(dead_letter(record, rejection, self.topics.deadletter, now))
                result.rejections[rejection.reason] += 1
        updates = self.publish(touched, now)
        for update in updates:
            result.alerts.extend(self.alerting.observe_score(update, now))
        result.out.extend(self._score_record(u) for u in updates)
        result.out.extend(self._alert_record(a) for a in result.alerts)
        return result

    def _observe(self, doc: ScoredDocument, now: datetime) -> list[Alert]:
        """Feed the velocity detector: one observation per dimension the document raised."""
        alerts = []
        for signal in doc.signals:
            alerts += self.alerting.observe_document(
                doc.scope, signal.dimension, doc.doc_id, doc.source, doc.event_time, now
            )
        return alerts

    def _score_record(self, update: ScoreUpdate) -> OutRecord:
        return OutRecord(
            self.topics.scores, f"{update.scope}/{update.dimension}".encode(), dumps(update)
        )

    def _alert_record(self, alert: Alert) -> OutRecord:
        return OutRecord(
            self.topics.alerts, f"{alert.scope}/{alert.dimension}".encode(), dumps(alert)
        )

    def publish(self, scopes: Iterable[str], now: datetime) -> list[ScoreUpdate]:
        """ScoreUpdates of `scopes` that differ from the last published ones, stamped `now`."""
        out = []
        for scope in sorted(scopes):
            for update in self.engines[scope].scores():
                key = (update.scope, update.dimension, update.horizon)
                previous = self.latest.get(key)
                if (
                    previous is not None
                    and previous.model_copy(update={"emitted_at": None}) == update
                ):
                    continue
                stamped = update.model_copy(update={"emitted_at": now})
                self.latest[key] = stamped
                self.history.setdefault(key, deque(maxlen=HISTORY)).append(stamped)
                out.append(stamped)
        return out

    def publish_records(self, scopes: Iterable[str], now: datetime) -> list[OutRecord]:
        return [self._score_record(update) for update in self.publish(scopes, now)]
