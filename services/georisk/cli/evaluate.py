"""`georisk eval FILE`: score a labelled JSONL file and report the extractor's metrics."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import IO, Any, TypeVar

import click
import orjson
from rich.console import Console
from rich.table import Table

from georisk.cli.score import resolve_scope
from georisk.core.evaluation import (
    Labelled,
    Predicted,
    Report,
    article_from_json,
    countries_from_json,
    evaluate,
    labelled_from_json,
    with_countries,
)
from georisk.core.extraction import extract_article
from georisk.models import DIMENSIONS, Article
from georisk.scopes import ScopeConfig

T = TypeVar("T")


def _parsed(lines: list[bytes], parse: Callable[[dict[str, Any]], T], what: str) -> Iterator[T]:
    """Each non-blank JSONL line through `parse`; a bad line stops the run with its number."""
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            try:
                yield parse(orjson.loads(raw))
            except (orjson.JSONDecodeError, ValueError) as exc:
                raise click.ClickException(f"{what} {number}: {exc}") from exc


def _labelled_line(record: dict[str, Any]) -> tuple[Labelled, Article]:
    return labelled_from_json(record), article_from_json(record)


def score_labelled(
    lines: list[bytes], scope: ScopeConfig
) -> tuple[list[Labelled], list[Predicted]]:
    items: list[Labelled] = []
    predictions: list[Predicted] = []
    for item, article in _parsed(lines, _labelled_line, "line"):
        extraction = extract_article(article, scope)
        items.append(item)
        predictions.append(
            Predicted(
                levels={dim: extraction.level(dim) for dim in DIMENSIONS},
                countries=frozenset(extraction.countries),
            )
        )
    return items, predictions


def _render(report: Report, console: Console) -> None:
    table = Table(
        title=f"Extractor metrics ({report.n} articles, {report.n_hard_negatives} hard negatives)"
    )
    table.caption = "F1 ≥1: relevant (level ≥ 1); F1 ≥2: significant (level ≥ 2); kappa: quadratic"
    for column in ("dimension", "F1 ≥1", "F1 ≥2", "kappa", "accuracy", "hard-neg FP"):
        table.add_column(column, justify="left" if column == "dimension" else "right")
    for dim, m in report.dimensions.items():
        table.add_row(
            dim,
            f"{m.relevant_f1:.3f}",
            f"{m.significant_f1:.3f}",
            f"{m.kappa:.3f}",
            f"{m.accuracy:.3f}",
            f"{m.hard_negative_fp_rate:.1%}",
        )
    table.add_row(
        "macro",
        f"{report.macro_relevant_f1:.3f}",
        f"{report.macro_significant_f1:.3f}",
        f"{report.macro_kappa:.3f}",
        f"{report.macro_accuracy:.3f}",
        f"{report.macro_hard_negative_fp_rate:.1%}",
        style="bold",
    )
    console.print(table)
    console.print(f"country micro-F1: {report.country_f1:.3f}")
    for dim, m in report.dimensions.items():
        matrix = Table(title=f"{dim}: gold (rows) × predicted (columns)")
        matrix.add_column("gold")
        for level in range(4):
            matrix.add_column(str(level), justify="right")
        for level, row in enumerate(m.confusion):
            matrix.add_row(str(level), *(str(n) for n in row))
        console.print(matrix)


def _countries(file: IO[bytes]) -> dict[str, frozenset[str]]:
    return dict(_parsed(file.read().splitlines(), countries_from_json, "countries line"))


@click.command("eval")
@click.argument("file", type=click.File("rb"))
@click.option("--scope", "scope_name", default="gb-jp", show_default=True, help="Scope name.")
@click.option("--json", "as_json", is_flag=True, help="Print the metrics as one JSON object.")
@click.option(
    "--countries",
    "countries_file",
    type=click.File("rb"),
    help="Score countries against this labelling instead (JSONL of id and countries).",
)
def evaluate_command(
    file: IO[bytes], scope_name: str, as_json: bool, countries_file: IO[bytes] | None
) -> None:
    """Score a labelled JSONL file (dev-set layout) and report every extractor metric."""
    items, predictions = score_labelled(file.read().splitlines(), resolve_scope(scope_name))
    if not items:
        raise click.ClickException("no labelled lines")
    if countries_file is not None:
        try:
            items = with_countries(items, _countries(countries_file))
        except ValueError as exc:
            raise click.ClickException(str(exc)) from exc
    report = evaluate(items, predictions)
    if as_json:
        click.echo(orjson.dumps(report.to_dict()).decode())
    else:
        _render(report, Console())
