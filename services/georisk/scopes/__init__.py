"""Partnership scopes: who is in the partnership, what threatens it, what offsets the threat.

A scope is configuration, not code: `gb-jp` ships built in (`gb-jp.yaml` beside this file) and
`GEORISK_SCOPES_FILE` (YAML or JSON) adds or replaces scopes without a code change.
"""

from __future__ import annotations

from datetime import datetime
from functools import cache, cached_property
from importlib import resources
from pathlib import Path
from typing import Annotated

import orjson
import yaml
from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StringConstraints

from georisk.models import Dimension, Iso2, Level

DEFAULT_ALPHA: dict[Dimension, float] = {"china_tension": 0.10, "cyber": 0.15, "minerals": 0.25}
ScopeName = Annotated[str, StringConstraints(pattern=r"^[a-z0-9][a-z0-9-]{0,31}$")]


class _Config(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class IndicatorPhrase(_Config):
    """A phrase that marks cooperation between members, with the level it implies."""

    phrase: str
    level: Level = 2


class StructuralAgreement(_Config):
    """An agreement in force: a state that holds the partnership floor, not decaying news."""

    name: str
    in_force_from: AwareDatetime
    expires_at: AwareDatetime | None = None
    strength: Annotated[float, Field(ge=0.0, le=1.0)] = 0.5
    source: str

    def active(self, at: datetime) -> bool:
        return self.in_force_from <= at and (self.expires_at is None or at < self.expires_at)


class ControlState(_Config):
    """An export control on a tracked material, in force between two dates."""

    name: str
    issuer: Iso2 = "CN"
    materials: list[str]
    measure: str
    effective_from: AwareDatetime
    expires_at: AwareDatetime | None = None
    source: str

    def active(self, at: datetime) -> bool:
        return self.effective_from <= at and (self.expires_at is None or at < self.expires_at)


class ScopeConfig(_Config):
    """Everything that makes one partnership scope: members, threats, materials, offsets."""

    name: ScopeName
    title: str
    members: list[Iso2] = Field(min_length=1)
    partners: list[Iso2] = Field(default_factory=list)
    threat_actors: list[Iso2] = Field(default_factory=lambda: ["CN"])
    materials: list[str] = Field(default_factory=list)
    indicators: list[IndicatorPhrase] = Field(default_factory=list)
    agreements: list[StructuralAgreement] = Field(default_factory=list)
    controls: list[ControlState] = Field(default_factory=list)
    keywords: dict[Dimension, list[str]] = Field(default_factory=dict)
    # Cap on how much partnership strength may offset each threat dimension (S' = S·(1 − α·P)).
    offset_alpha: dict[Dimension, Annotated[float, Field(ge=0.0, le=0.5)]] = Field(
        default_factory=lambda: dict(DEFAULT_ALPHA)
    )

    # Cached: the extractor asks for these on every article (a scope is frozen).
    @cached_property
    def interested(self) -> frozenset[str]:
        """Countries whose involvement makes a threat relevant to this scope."""
        return frozenset(self.members) | frozenset(self.partners)

    @cached_property
    def indicator_levels(self) -> tuple[tuple[str, int], ...]:
        """The indicator phrases with their levels, as a hashable key."""
        return tuple((item.phrase, item.level) for item in self.indicators)


class ScopesFile(_Config):
    scopes: list[ScopeConfig] = Field(min_length=1)


def _parse(raw: bytes, name: str) -> ScopesFile:
    data = orjson.loads(raw) if name.endswith(".json") else yaml.safe_load(raw)
    return ScopesFile.model_validate(data)


@cache
def builtin_scopes() -> tuple[ScopeConfig, ...]:
    raw = resources.files(__package__).joinpath("gb-jp.yaml").read_bytes()
    return tuple(_parse(raw, "gb-jp.yaml").scopes)


def load_scopes(path: Path | None = None) -> tuple[ScopeConfig, ...]:
    """Built-in scopes, then those in `path`; a scope in the file replaces a built-in namesake."""
    by_name = {scope.name: scope for scope in builtin_scopes()}
    if path is not None:
        for scope in _parse(path.read_bytes(), path.name).scopes:
            by_name[scope.name] = scope
    return tuple(by_name.values())


def default_scope() -> ScopeConfig:
    return builtin_scopes()[0]
