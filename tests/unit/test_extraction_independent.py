"""Regression guard on the independent labelled sets in tests/fixtures/eval (see its README).

Sets A to C were read while tuning `rules-12`, so these floors (the figures reached, less a
small margin) guard against regressions; they are not estimates of accuracy on unseen text.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from georisk.cli.evaluate import score_labelled
from georisk.core.evaluation import Report, evaluate
from georisk.scopes import default_scope

EVAL = Path(__file__).resolve().parents[1] / "fixtures" / "eval"

# set: (relevant-F1, significant-F1, kappa) floors; country F1 is guarded on the dev set.
FLOORS = {
    "A": (0.93, 0.91, 0.93),
    "B": (0.89, 0.92, 0.91),
    "C": (0.92, 0.88, 0.92),
}


@cache
def report(name: str) -> Report:
    lines = (EVAL / f"independent_{name}.jsonl").read_bytes().splitlines()
    items, predictions = score_labelled(lines, default_scope())
    return evaluate(items, predictions)


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_macro_figures_stay_above_their_floors(name: str) -> None:
    r = report(name)
    reached = (r.macro_relevant_f1, r.macro_significant_f1, r.macro_kappa)
    assert all(got >= floor for got, floor in zip(reached, FLOORS[name], strict=True)), reached


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_no_hard_negative_is_flagged(name: str) -> None:
    assert report(name).macro_hard_negative_fp_rate == 0.0
