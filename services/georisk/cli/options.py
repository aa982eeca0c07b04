"""Settings from the environment, overridden by flags common to several verbs."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

import click

from georisk.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def bootstrap_option(fn: F) -> F:
    return click.option("--bootstrap", default=None, help="host:port (env GEORISK_BOOTSTRAP).")(fn)


def load_settings(**overrides: Any) -> Settings:
    """Environment first (GEORISK_*), then any flag the user gave."""
    given = {name: value for name, value in overrides.items() if value is not None}
    return Settings(**given)


def setup_logging(level: str) -> None:
    logging.basicConfig(
        level=level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
