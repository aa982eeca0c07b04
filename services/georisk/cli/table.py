"""The score table shared by `georisk scores` and the live demo."""

from __future__ import annotations

from typing import Any

from rich.table import Table

BAND_STYLE = {"low": "green", "elevated": "yellow", "high": "red", "critical": "bold white on red"}
COLUMNS = (
    "scope",
    "dimension",
    "horizon",
    "score",
    "adjusted",
    "Δ24h",
    "band",
    "docs",
    "top evidence",
)
NUMERIC = {"score", "adjusted", "Δ24h", "docs"}


def _top(score: dict[str, Any]) -> str:
    evidence = score.get("top_evidence") or []
    if not evidence:
        return ""
    return str(evidence[0]["title"] or evidence[0]["doc_id"])[:48]


def score_table(scores: list[dict[str, Any]], title: str = "georisk scores") -> Table:
    table = Table(title=title)
    for column in COLUMNS:
        table.add_column(
            column,
            justify="right" if column in NUMERIC else "left",
            no_wrap=column != "top evidence",
            overflow="ellipsis",
        )
    for s in scores:
        band = s["band"]
        table.add_row(
            s["scope"],
            s["dimension"],
            s["horizon"],
            f"{s['score']:.1f}",
            f"{s['adjusted_score']:.1f}",
            f"{s['delta_24h']:+.1f}",
            f"[{BAND_STYLE[band]}]{band}[/]",
            str(s["n_docs"]),
            _top(s),
        )
    return table
