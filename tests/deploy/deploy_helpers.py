"""Helpers for the deploy checks: paths, the service's metric names, PromQL walking, tools."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import promql_parser
import pytest

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"
TOOL_TIMEOUT_S = 60

# Grafana substitutes these before the query reaches Prometheus; the parser needs real durations.
_GRAFANA_MACROS = {
    "$__rate_interval": "5m",
    "$__interval": "1m",
    "$__range": "1h",
}


def registered_metric_names() -> set[str]:
    """Every series name the worker can expose, as Prometheus sees it after a scrape."""
    from georisk.io.metrics import REGISTRY

    names: set[str] = set()
    for family in REGISTRY.collect():
        if family.type == "counter":
            names.add(f"{family.name}_total")
        elif family.type == "histogram":
            names.update(f"{family.name}{suffix}" for suffix in ("_bucket", "_sum", "_count"))
        else:
            names.add(family.name)
    return names


def expand_grafana_macros(expr: str) -> str:
    for macro, value in _GRAFANA_MACROS.items():
        expr = expr.replace(macro, value)
    # Remaining $variables only ever appear inside label-matcher strings.
    return expr


def metric_names_in(expr: str) -> set[str]:
    """Metric names selected by a PromQL expression (`foo{...}` and `{__name__="foo"}`)."""
    names: set[str] = set()

    def visit(node: object) -> None:
        if isinstance(node, promql_parser.VectorSelector):
            if node.name:
                names.add(node.name)
            for matcher in node.matchers.matchers:
                if matcher.name == "__name__":
                    names.add(matcher.value)

    promql_parser.walk(promql_parser.parse(expr), visit)
    return names


def require_tool(name: str) -> str:
    """Path of an external tool, or skip the test with the reason shown in the summary."""
    path = shutil.which(name)
    if path is None:
        pytest.skip(f"{name} not on PATH (apt-get install prometheus prometheus-alertmanager)")
    return path


def run_tool(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, cwd=cwd, capture_output=True, text=True, timeout=TOOL_TIMEOUT_S, check=False
    )


_DURATION = re.compile(r"^(\d+)(ms|s|m|h|d)$")


def duration_s(text: str) -> float:
    """A single-unit Prometheus duration (`30s`, `15m`, `1h`) in seconds."""
    match = _DURATION.match(text)
    assert match, f"unsupported duration {text!r}"
    factor = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400}[match.group(2)]
    return int(match.group(1)) * factor
