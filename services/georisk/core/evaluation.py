"""Metrics of the extractor against labelled articles. Pure: no I/O.

Per dimension: relevant-F1 (level ≥ 1), significant-F1 (level ≥ 2), quadratic-weighted
Cohen's kappa on levels 0–3, exact accuracy, the hard-negative false-positive rate and a 4×4
confusion matrix (rows gold, columns predicted). Macro figures average the dimensions, except
the macro hard-negative rate, which counts a hard negative flagged on any dimension.
Countries are scored by micro-F1 over (article, country) pairs.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from georisk.models import DIMENSIONS, Article, Dimension

LEVELS = 4


@dataclass(frozen=True, slots=True)
class Labelled:
    """Gold labels of one article."""

    id: str
    levels: Mapping[Dimension, int]
    countries: frozenset[str]
    negative_type: str | None = None


@dataclass(frozen=True, slots=True)
class Predicted:
    """What the extractor said about one article."""

    levels: Mapping[Dimension, int]
    countries: frozenset[str]


@dataclass(frozen=True, slots=True)
class DimensionMetrics:
    relevant_f1: float
    significant_f1: float
    kappa: float
    accuracy: float
    hard_negative_fp_rate: float
    confusion: tuple[tuple[int, ...], ...]


@dataclass(frozen=True, slots=True)
class Report:
    n: int
    n_hard_negatives: int
    dimensions: Mapping[Dimension, DimensionMetrics]
    macro_relevant_f1: float
    macro_significant_f1: float
    macro_kappa: float
    macro_accuracy: float
    macro_hard_negative_fp_rate: float
    country_f1: float

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["dimensions"] = {dim: asdict(m) for dim, m in self.dimensions.items()}
        return data


def f1(gold: Sequence[bool], predicted: Sequence[bool]) -> float:
    """Binary F1 of the positive class; 1.0 when neither side has a positive."""
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    fp = sum(p and not g for g, p in zip(gold, predicted, strict=True))
    fn = sum(g and not p for g, p in zip(gold, predicted, strict=True))
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def confusion(
    gold: Sequence[int], predicted: Sequence[int], levels: int = LEVELS
) -> list[list[int]]:
    matrix = [[0] * levels for _ in range(levels)]
    for g, p in zip(gold, predicted, strict=True):
        matrix[g][p] += 1
    return matrix


def quadratic_kappa(gold: Sequence[int], predicted: Sequence[int], levels: int = LEVELS) -> float:
    """Cohen's kappa with quadratic weights (disagreement costs (i−j)²)."""
    n = len(gold)
    if n == 0:
        return 1.0
    observed = confusion(gold, predicted, levels)
    gold_totals = [sum(row) for row in observed]
    pred_totals = [sum(observed[i][j] for i in range(levels)) for j in range(levels)]
    weight = [[(i - j) ** 2 for j in range(levels)] for i in range(levels)]
    cells = [(i, j) for i in range(levels) for j in range(levels)]
    disagreement = sum(weight[i][j] * observed[i][j] for i, j in cells) / n
    chance = sum(weight[i][j] * gold_totals[i] * pred_totals[j] for i, j in cells) / (n * n)
    if chance == 0:
        return 1.0 if disagreement == 0 else 0.0
    return 1.0 - disagreement / chance


def micro_f1(gold: Sequence[frozenset[str]], predicted: Sequence[frozenset[str]]) -> float:
    tp = sum(len(g & p) for g, p in zip(gold, predicted, strict=True))
    fp = sum(len(p - g) for g, p in zip(gold, predicted, strict=True))
    fn = sum(len(g - p) for g, p in zip(gold, predicted, strict=True))
    return 1.0 if tp + fp + fn == 0 else 2 * tp / (2 * tp + fp + fn)


def _dimension(
    dim: Dimension, items: Sequence[Labelled], predictions: Sequence[Predicted]
) -> DimensionMetrics:
    gold = [item.levels.get(dim, 0) for item in items]
    pred = [p.levels.get(dim, 0) for p in predictions]
    hard = [p for item, p in zip(items, predictions, strict=True) if item.negative_type == "hard"]
    return DimensionMetrics(
        relevant_f1=f1([g >= 1 for g in gold], [p >= 1 for p in pred]),
        significant_f1=f1([g >= 2 for g in gold], [p >= 2 for p in pred]),
        kappa=quadratic_kappa(gold, pred),
        accuracy=sum(g == p for g, p in zip(gold, pred, strict=True)) / len(gold) if gold else 1.0,
        hard_negative_fp_rate=(
            sum(p.levels.get(dim, 0) >= 1 for p in hard) / len(hard) if hard else 0.0
        ),
        confusion=tuple(tuple(row) for row in confusion(gold, pred)),
    )


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values)


def evaluate(items: Sequence[Labelled], predictions: Sequence[Predicted]) -> Report:
    """Every metric for aligned gold items and predictions."""
    if len(items) != len(predictions):
        raise ValueError(f"{len(items)} labelled items but {len(predictions)} predictions")
    dims = {dim: _dimension(dim, items, predictions) for dim in DIMENSIONS}
    hard = [p for item, p in zip(items, predictions, strict=True) if item.negative_type == "hard"]
    flagged = sum(any(level >= 1 for level in p.levels.values()) for p in hard)
    return Report(
        n=len(items),
        n_hard_negatives=len(hard),
        dimensions=dims,
        macro_relevant_f1=_mean([m.relevant_f1 for m in dims.values()]),
        macro_significant_f1=_mean([m.significant_f1 for m in dims.values()]),
        macro_kappa=_mean([m.kappa for m in dims.values()]),
        macro_accuracy=_mean([m.accuracy for m in dims.values()]),
        macro_hard_negative_fp_rate=flagged / len(hard) if hard else 0.0,
        country_f1=micro_f1([i.countries for i in items], [p.countries for p in predictions]),
    )


def labelled_from_json(record: Mapping[str, Any]) -> Labelled:
    """A gold item from one parsed line of a labelled JSONL file (dev-set layout)."""
    labels = record.get("labels")
    if not isinstance(labels, Mapping):
        raise ValueError("labelled line without a 'labels' object")
    levels: dict[Dimension, int] = {}
    for dim in DIMENSIONS:
        level = labels.get(dim, 0)
        if not isinstance(level, int) or not 0 <= level < LEVELS:
            raise ValueError(f"label {dim}={level!r} is not a level 0–3")
        levels[dim] = level
    countries = record.get("countries") or []
    negative = record.get("negative_type")
    return Labelled(
        id=str(record.get("id", "")),
        levels=levels,
        countries=frozenset(str(c) for c in countries),
        negative_type=negative if isinstance(negative, str) else None,
    )


def with_countries(
    items: Sequence[Labelled], countries: Mapping[str, frozenset[str]]
) -> list[Labelled]:
    """The items with their countries taken from another labelling (id → states), to score
    the extractor against a second labeller; every item must be in it."""
    missing = [item.id for item in items if item.id not in countries]
    if missing:
        raise ValueError(f"{len(missing)} ids have no countries in the labelling: {missing[:5]}")
    return [replace(item, countries=countries[item.id]) for item in items]


def countries_from_json(record: Mapping[str, Any]) -> tuple[str, frozenset[str]]:
    """One line of a countries-only labelling: `{"id": ..., "countries": [...]}`."""
    codes = record.get("countries")
    if "id" not in record or not isinstance(codes, list):
        raise ValueError("a countries line needs an 'id' and a 'countries' list")
    return str(record["id"]), frozenset(str(code) for code in codes)


_READING = ("id", "title", "text", "url")


def article_from_json(record: Mapping[str, Any]) -> Article:
    """The article of one labelled line: only its reading material, so that gold `countries`
    and labels never reach the extractor as hints."""
    return Article.model_validate({key: record[key] for key in _READING if key in record})
