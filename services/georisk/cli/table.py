"""The score table shared by `georisk scores` and the live demo."""

from __future__ import annotations

from typing import Any

from rich.table import Table

BAND_STYLE = {"low": "green", "elevated": "yellow", "high": "red", "critical": "bold white on red"}


def score_table(scores: list[dict[str, Any]], title: str = "georisk scores") -> Table:
    table = Table(title=title)
    for column in (
        "scope",
        "dimension",
        "horizon",
        "score",
        "adjusted",
        "Δ24h",
        "band",
        "docs",
        "as of",
        "top evidence",
    ):
        table.add_column(
            column,
            justify="right" if column in {"score", "adjusted", "Δ24h", "docs"} else "left",
            overflow="fold",
        )
    for s in scores:
        evidence = s.get("top_evidence") or []
        top = evidence[0]["title"] or evidence[0]["doc_id"] if evidence else ""
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
            s["as_of"][:16],
            (top or "")[:60],
        )
    return table
