"""Extractor metrics on hand-computed examples."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from georisk.core.evaluation import (
    Labelled,
    Predicted,
    confusion,
    evaluate,
    f1,
    labelled_from_json,
    micro_f1,
    quadratic_kappa,
)
from georisk.models import DIMENSIONS, Dimension


def levels(
    china: int = 0, cyber: int = 0, minerals: int = 0, partnership: int = 0
) -> dict[Dimension, int]:
    return {
        "china_tension": china,
        "cyber": cyber,
        "minerals": minerals,
        "partnership": partnership,
    }


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ([True, True, False, False], [True, False, True, False], 0.5),  # tp1 fp1 fn1
        ([True, True, True], [True, True, True], 1.0),
        ([True, False], [False, True], 0.0),
        ([False, False], [False, False], 1.0),  # nothing to find, nothing claimed
    ],
)
def test_f1(gold: list[bool], predicted: list[bool], expected: float) -> None:
    assert f1(gold, predicted) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("gold", "predicted", "expected"),
    [
        ([0, 1, 2, 3], [0, 1, 2, 3], 1.0),
        # observed (i-j)² mean 0.5, chance 0.5 → 0
        ([0, 0, 1, 1], [0, 1, 0, 1], 0.0),
        # observed 1/3; chance Σ w·g·p / n² = 15/9 → 1 − 3/15
        ([0, 1, 2], [0, 2, 2], 0.8),
        # all one level on both sides: perfect agreement by definition
        ([2, 2], [2, 2], 1.0),
    ],
)
def test_quadratic_kappa(gold: list[int], predicted: list[int], expected: float) -> None:
    assert quadratic_kappa(gold, predicted) == pytest.approx(expected)


def test_kappa_penalises_distant_disagreement_more() -> None:
    gold = [0, 1, 2, 3, 0, 1]
    near = [0, 1, 2, 2, 0, 1]
    far = [0, 1, 2, 0, 0, 1]
    assert quadratic_kappa(gold, near) > quadratic_kappa(gold, far)


@given(st.lists(st.integers(min_value=0, max_value=3), min_size=2, max_size=40))
def test_kappa_of_self_is_one_and_bounded(values: list[int]) -> None:
    assert quadratic_kappa(values, values) == pytest.approx(1.0)
    assert -1.0 <= quadratic_kappa(values, list(reversed(values))) <= 1.0


def test_confusion_rows_are_gold() -> None:
    assert confusion([0, 3, 3], [1, 3, 2]) == [
        [0, 1, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 0, 0],
        [0, 0, 1, 1],
    ]


def test_country_micro_f1() -> None:
    gold = [frozenset({"CN", "JP"}), frozenset({"GB"})]
    predicted = [frozenset({"CN"}), frozenset({"GB", "US"})]
    assert micro_f1(gold, predicted) == pytest.approx(4 / 6)  # tp2 fp1 fn1


def test_evaluate_report() -> None:
    items = [
        Labelled("a", levels(china=2), frozenset({"CN"})),
        Labelled("b", levels(cyber=1), frozenset({"GB"})),
        Labelled("c", levels(), frozenset(), "hard"),
        Labelled("d", levels(), frozenset(), "hard"),
    ]
    predictions = [
        Predicted(levels(china=2), frozenset({"CN"})),
        Predicted(levels(cyber=2), frozenset({"GB"})),
        Predicted(levels(minerals=1), frozenset()),
        Predicted(levels(), frozenset()),
    ]
    report = evaluate(items, predictions)
    assert report.n == 4
    assert report.n_hard_negatives == 2
    assert report.dimensions["china_tension"].relevant_f1 == 1.0
    assert report.dimensions["cyber"].relevant_f1 == 1.0
    assert report.dimensions["cyber"].significant_f1 == 0.0  # 2 claimed, gold 1
    assert report.dimensions["minerals"].hard_negative_fp_rate == 0.5
    assert report.dimensions["minerals"].relevant_f1 == 0.0
    assert report.macro_hard_negative_fp_rate == 0.5
    assert report.country_f1 == 1.0
    assert report.dimensions["cyber"].confusion[1] == (0, 0, 1, 0)
    assert set(report.to_dict()["dimensions"]) == set(DIMENSIONS)


def test_evaluate_rejects_misaligned_input() -> None:
    with pytest.raises(ValueError, match="1 labelled items but 0 predictions"):
        evaluate([Labelled("a", levels(), frozenset())], [])


def test_labelled_from_json() -> None:
    record = {
        "id": "x",
        "labels": {"china_tension": 3, "cyber": 0, "minerals": 1, "partnership": 2},
        "countries": ["CN", "TW"],
        "negative_type": None,
    }
    item = labelled_from_json(record)
    assert item.levels == levels(china=3, minerals=1, partnership=2)
    assert item.countries == frozenset({"CN", "TW"})
    assert item.negative_type is None


@pytest.mark.parametrize(
    ("labels", "message"),
    [
        (None, "without a 'labels'"),
        ({"china_tension": 4}, "not a level"),
        ({"cyber": "2"}, "not a level"),
    ],
)
def test_labelled_from_json_rejects_bad_labels(labels: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        labelled_from_json({"id": "x", "labels": labels})
