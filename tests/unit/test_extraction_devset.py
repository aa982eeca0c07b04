"""Regression guard on the labelled development set (skipped when it is not beside the repo)."""

from __future__ import annotations

from pathlib import Path

import pytest

from georisk.cli.evaluate import score_labelled
from georisk.core.evaluation import Report, evaluate
from georisk.scopes import default_scope

DEV_SET = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "articles_dev.jsonl"

# What the extractor reached when these floors were set, less a small margin.
FLOORS = {
    "macro_relevant_f1": 0.95,
    "macro_significant_f1": 0.93,
    "macro_kappa": 0.95,
    "country_f1": 0.90,
}
MAX_HARD_NEGATIVE_FP = 0.05


@pytest.fixture(scope="module")
def report() -> Report:
    if not DEV_SET.is_file():
        pytest.skip("labelled development set not available")
    items, predictions = score_labelled(DEV_SET.read_bytes().splitlines(), default_scope())
    return evaluate(items, predictions)


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_metric_stays_above_floor(report: Report, metric: str) -> None:
    assert getattr(report, metric) >= FLOORS[metric]


def test_hard_negatives_stay_quiet(report: Report) -> None:
    assert report.macro_hard_negative_fp_rate <= MAX_HARD_NEGATIVE_FP


def test_every_dimension_is_usable(report: Report) -> None:
    for dimension, metrics in report.dimensions.items():
        assert metrics.relevant_f1 >= 0.85, dimension
        assert metrics.kappa >= 0.85, dimension
