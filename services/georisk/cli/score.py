"""`georisk score [FILE|-]`: articles JSONL in, one signals line out per line in (no broker)."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import IO, Any

import click
import orjson
from pydantic import ValidationError

from georisk.core.documents import Extraction
from georisk.core.extraction import extract_article
from georisk.models import DIMENSIONS, Article
from georisk.scopes import ScopeConfig, load_scopes


def resolve_scope(name: str) -> ScopeConfig:
    """The named scope from the built-ins and `GEORISK_SCOPES_FILE` (if set)."""
    path = os.environ.get("GEORISK_SCOPES_FILE")
    scopes = {scope.name: scope for scope in load_scopes(Path(path) if path else None)}
    if name not in scopes:
        raise click.BadParameter(f"unknown scope {name!r}; known: {', '.join(sorted(scopes))}")
    return scopes[name]


def signals_json(article_id: str, extraction: Extraction) -> dict[str, Any]:
    """The output line of one article: every dimension, even at level 0."""
    signals = {}
    for dim in DIMENSIONS:
        reading = extraction.readings[dim]
        signals[dim] = {
            "level": reading.level,
            "confidence": reading.confidence,
            "evidence": list(reading.evidence),
        }
    return {"id": article_id, "signals": signals, "countries": list(extraction.countries)}


def _error(line: int, exc: Exception) -> dict[str, Any]:
    if isinstance(exc, ValidationError):
        first = exc.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "article"
        return {"line": line, "error": f"invalid article: {where}: {first['msg']}"}
    if isinstance(exc, orjson.JSONDecodeError):
        return {"line": line, "error": f"not JSON: {exc}"}
    return {"line": line, "error": str(exc)}


def score_line(raw: bytes, line: int, scope: ScopeConfig) -> tuple[dict[str, Any], bool]:
    """One input line to its output object; the flag is True when the line was bad."""
    try:
        article = Article.model_validate(orjson.loads(raw))
    except (orjson.JSONDecodeError, ValidationError) as exc:
        return _error(line, exc), True
    return signals_json(article.id, extract_article(article, scope)), False


@click.command("score")
@click.argument("file", type=click.File("rb"), default="-")
@click.option("--scope", "scope_name", default="gb-jp", show_default=True, help="Scope name.")
@click.option("--strict", is_flag=True, help="Exit 1 if any line was bad.")
def score(file: IO[bytes], scope_name: str, strict: bool) -> None:
    """Score articles offline: JSONL in (FILE or stdin), one JSON line out per line in."""
    scope = resolve_scope(scope_name)
    out = sys.stdout.buffer
    bad = 0
    for number, raw in enumerate(file, start=1):
        result, failed = score_line(raw.rstrip(b"\r\n"), number, scope)
        bad += failed
        out.write(orjson.dumps(result) + b"\n")
    out.flush()
    if bad:
        click.echo(f"{bad} bad line(s)", err=True)
        if strict:
            sys.exit(1)
