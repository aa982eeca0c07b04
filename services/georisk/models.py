"""Message models: the wire contract of every topic (see DESIGN.md, "Models").

Inbound models ignore unknown fields and never coerce types (`{"id": 5}` is bad input).
Outbound models forbid unknown fields so a typo can never leak onto a topic.
Datetimes must carry a timezone; on input they may be ISO-8601 strings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Literal

from pydantic import AwareDatetime, BaseModel, BeforeValidator, ConfigDict, Field, StringConstraints

SCHEMA_VERSION = "1.0"
SCHEMA_MAJOR = 1

Dimension = Literal["china_tension", "cyber", "minerals", "partnership"]
ScoreDimension = Literal["china_tension", "cyber", "minerals", "partnership", "composite"]
Horizon = Literal["fast", "slow"]
Band = Literal["low", "elevated", "high", "critical"]
DocKind = Literal["article", "event"]
SignalKind = Literal["threat", "act", "state", "cooperation", "background"]

DIMENSIONS: tuple[Dimension, ...] = ("china_tension", "cyber", "minerals", "partnership")
SCORE_DIMENSIONS: tuple[ScoreDimension, ...] = (*DIMENSIONS, "composite")
HORIZONS: tuple[Horizon, ...] = ("fast", "slow")
BANDS: tuple[Band, ...] = ("low", "elevated", "high", "critical")

Id = Annotated[str, StringConstraints(min_length=1, max_length=512, strip_whitespace=True)]
Iso2 = Annotated[str, StringConstraints(pattern=r"^[A-Z]{2}$")]
# Country hints on input are forgiving about case ("gb" is GB); what georisk writes is upper case.
Iso2Hint = Annotated[str, StringConstraints(pattern=r"^[A-Za-z]{2}$", to_upper=True)]
Text = Annotated[str, StringConstraints(min_length=1, strip_whitespace=True)]


def _iso_text_only(value: object) -> object:
    # JSON has no datetime type: accept ISO-8601 text (and datetimes in Python), never numbers.
    if isinstance(value, str | datetime):
        return value
    raise ValueError("expected an ISO-8601 date-time string with a timezone")


When = Annotated[AwareDatetime, Field(strict=False), BeforeValidator(_iso_text_only)]
Level = Annotated[int, Field(ge=0, le=3)]
Unit = Annotated[float, Field(ge=0.0, le=1.0, allow_inf_nan=False)]
Finite = Annotated[float, Field(allow_inf_nan=False)]


class Inbound(BaseModel):
    """A message georisk consumes: unknown fields ignored, no type coercion."""

    model_config = ConfigDict(extra="ignore", strict=True, frozen=True)

    schema_version: str = SCHEMA_VERSION


class Outbound(BaseModel):
    """A message georisk produces: exact shape, no extra fields."""

    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)

    schema_version: str = SCHEMA_VERSION


class Article(Inbound):
    """A news article, press release or blog post on `georisk.articles.v1`."""

    id: Id
    url: str | None = None
    title: str | None = None
    text: Text
    source: str | None = None
    published_at: When | None = None
    # True when published_at was absent and the Kafka record timestamp stands in for it.
    published_at_from_record: bool = False
    language: str | None = None
    countries: list[Iso2Hint] | None = None


class CyberIncident(Inbound):
    """Typed payload of a cyber-incident report (UK NCSC categories, 1 = national emergency)."""

    category: Annotated[int, Field(ge=1, le=6)]
    victim: str | None = None
    sector: str | None = None
    actor: str | None = None
    attributed_to: Iso2 | None = None


class ExportControl(Inbound):
    """Typed payload of an export-control notice: a state with effective and expiry dates."""

    material: Annotated[str, StringConstraints(min_length=1, to_lower=True, strip_whitespace=True)]
    measure: Literal["ban", "licensing", "suspension", "lifted", "quota", "other"]
    effective_from: When
    expires_at: When | None = None
    issuer: Iso2 | None = None
    targets: list[Iso2] | None = None


class Event(Inbound):
    """A structured event on `georisk.events.v1`: a GDELT/CAMEO row, incident or control notice."""

    id: Id
    source: Annotated[str, StringConstraints(min_length=1, max_length=64)]
    occurred_at: When
    actor1_country: Iso2 | None = None
    actor2_country: Iso2 | None = None
    code: Annotated[str, StringConstraints(pattern=r"^[0-9]{2,4}$")] | None = None
    quad_class: Annotated[int, Field(ge=1, le=4)] | None = None
    goldstein: Annotated[float, Field(ge=-10.0, le=10.0, allow_inf_nan=False)] | None = None
    num_mentions: Annotated[int, Field(ge=0)] | None = None
    num_sources: Annotated[int, Field(ge=0)] | None = None
    tone: Finite | None = None
    url: str | None = None
    title: str | None = None
    incident: CyberIncident | None = None
    control: ExportControl | None = None


class Signal(Outbound):
    """One document's evidence on one dimension for one scope (level > 0)."""

    doc_id: Id
    doc_kind: DocKind
    event_time: AwareDatetime
    scope: str
    dimension: Dimension
    level: Level
    kind: SignalKind | None = None
    weight: Annotated[float, Field(ge=0.0, allow_inf_nan=False)]
    confidence: Unit
    countries: list[Iso2] = Field(default_factory=list)
    evidence: list[str] = Field(default_factory=list)
    title: str | None = None
    source: str | None = None
    model_version: str


class EvidenceItem(Outbound):
    """A document behind a score and how much of the score's raw input it carries."""

    doc_id: str
    title: str | None = None
    level: Level
    contribution: Annotated[float, Field(ge=0.0, allow_inf_nan=False)]


class ScoreUpdate(Outbound):
    """The rolling score of one (scope, dimension, horizon) at event time `as_of`."""

    scope: str
    dimension: ScoreDimension
    horizon: Horizon
    index: Annotated[float, Field(ge=0.0, allow_inf_nan=False)]
    score: Annotated[float, Field(ge=0.0, le=100.0, allow_inf_nan=False)]
    band: Band
    partnership_offset: Unit
    adjusted_score: Annotated[float, Field(ge=0.0, le=100.0, allow_inf_nan=False)]
    n_docs: Annotated[int, Field(ge=0)]
    as_of: AwareDatetime
    delta_24h: Finite
    top_evidence: list[EvidenceItem] = Field(default_factory=list)
    model_version: str
    emitted_at: AwareDatetime | None = None


class Alert(Outbound):
    """A band change or novelty on one (scope, dimension), for `georisk.alerts.v1` and webhooks."""

    id: str
    kind: Literal["band_change", "velocity", "new_high"] = "band_change"
    scope: str
    dimension: ScoreDimension
    band_from: Band
    band_to: Band
    score: Annotated[float, Field(ge=0.0, le=100.0, allow_inf_nan=False)]
    reason: str
    evidence: list[EvidenceItem] = Field(default_factory=list)
    as_of: AwareDatetime
    emitted_at: AwareDatetime


class DeadLetter(Outbound):
    """A message that could not be processed, kept with its original bytes and the reason."""

    topic: str
    partition: int
    offset: int
    key: str | None = None
    error: str
    detail: str
    raw: str
    raw_encoding: Literal["text", "base64"]
    received_at: AwareDatetime


def utc_iso(moment: datetime) -> str:
    """ISO-8601 with a `Z` suffix: the one timestamp format georisk writes."""
    return moment.isoformat().replace("+00:00", "Z")
