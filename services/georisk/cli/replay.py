"""`georisk replay FILE`: articles/events JSONL through the full scoring pipeline, offline.

Prints the ScoreUpdate timeline as JSONL on stdout in event-time order (`emitted_at` null).
Bad lines are reported on stderr as `line N: reason` and skipped (exit 1 with --strict).
"""

from __future__ import annotations

import heapq
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import IO

import click
import orjson
from pydantic import ValidationError

from georisk.core.decode import EARLIEST
from georisk.core.pipeline import assess_all, event_time
from georisk.core.scoring import replay as replay_timeline
from georisk.models import SCHEMA_MAJOR, Article, Event, ScoreUpdate
from georisk.scopes import ScopeConfig, load_scopes

Document = Article | Event


def parse_line(raw: bytes) -> Document | str:
    """A validated document, or the reason the line is not one."""
    try:
        data = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        return f"not JSON: {exc}"
    if not isinstance(data, dict):
        return f"expected a JSON object, got {type(data).__name__}"
    version = data.get("schema_version", "1.0")
    if not isinstance(version, str) or version.split(".", 1)[0] != str(SCHEMA_MAJOR):
        return f"unsupported schema_version {version!r}"
    model: type[Document] = Event if "occurred_at" in data else Article
    try:
        doc = model.model_validate(data)
    except ValidationError as exc:
        first = exc.errors(include_url=False, include_input=False)[0]
        where = ".".join(str(part) for part in first["loc"]) or model.__name__.lower()
        return f"invalid {model.__name__.lower()}: {where}: {first['msg']}"
    if isinstance(doc, Article) and doc.published_at is None:
        return "article without published_at (replay needs event time)"
    if event_time(doc) < EARLIEST:
        return f"event time {event_time(doc).isoformat()} is before {EARLIEST.date()}"
    return doc


def read_documents(stream: IO[bytes]) -> tuple[list[Document], list[str]]:
    docs: list[Document] = []
    errors: list[str] = []
    for number, raw in enumerate(stream, start=1):
        if not raw.strip():
            continue
        parsed = parse_line(raw)
        if isinstance(parsed, str):
            errors.append(f"line {number}: {parsed}")
        else:
            docs.append(parsed)
    return docs, errors


def select_scopes(names: Sequence[str]) -> list[ScopeConfig]:
    path = os.environ.get("GEORISK_SCOPES_FILE")
    scopes = {scope.name: scope for scope in load_scopes(Path(path) if path else None)}
    unknown = [name for name in names if name not in scopes]
    if unknown:
        raise click.BadParameter(
            f"unknown scope {unknown[0]!r}; known: {', '.join(sorted(scopes))}"
        )
    return [scopes[name] for name in names] if names else list(scopes.values())


def timeline(docs: Sequence[Document], scopes: Sequence[ScopeConfig]) -> Iterator[ScoreUpdate]:
    """Every scope's timeline, merged in event-time order (scopes in configuration order)."""
    assessed = [assess_all(doc, scopes) for doc in docs]
    per_scope = [
        replay_timeline([row[i] for row in assessed], scope) for i, scope in enumerate(scopes)
    ]
    return heapq.merge(*per_scope, key=lambda update: update.as_of)


@click.command("replay")
@click.argument("file", type=click.File("rb"))
@click.option(
    "--scope",
    "scope_names",
    multiple=True,
    metavar="NAME",
    help="Scope to replay (repeatable); default: every configured scope.",
)
@click.option("--strict", is_flag=True, help="Exit 1 if any line was not a valid document.")
def replay(file: IO[bytes], scope_names: tuple[str, ...], strict: bool) -> None:
    """Replay articles/events JSONL through the scoring pipeline; print the score timeline."""
    scopes = select_scopes(scope_names)
    docs, errors = read_documents(file)
    for error in errors:
        click.echo(error, err=True)
    out = click.get_binary_stream("stdout")
    for update in timeline(docs, scopes):
        out.write(orjson.dumps(update.model_dump(mode="json")) + b"\n")
    out.flush()
    if strict and errors:
        raise SystemExit(1)
