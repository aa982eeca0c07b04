"""(e) Extraction alone: `extract_article` on one core, in CPU time, apart from the decoding,
fingerprints and scoring engine that (b) adds.

Runs in its own interpreter (`python -m georisk.bench.extraction ROUNDS SEED [FILE]`) so the
driver's own work is not timed with it; prints one JSON object. A round extracts
`ROUND_ARTICLES` articles: the synthetic corpus's first ones, or a JSONL file's (a labelled
set like the development set: its labels are ignored) repeated in file order. A warm-up pass
over every distinct article first compiles the patterns and fills the lookup caches, which a
long-running worker pays once.
"""

from __future__ import annotations

import itertools
import statistics
import sys
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import orjson

from georisk.bench.child import run_json
from georisk.core.evaluation import article_from_json
from georisk.core.extraction import extract_article
from georisk.demo.corpus import corpus
from georisk.models import Article
from georisk.scopes import default_scope

ROUND_ARTICLES = 2_000
SYNTHETIC = "synthetic"


@dataclass(frozen=True)
class ExtractionResult:
    corpus: str  # "synthetic" or the file's path
    distinct: int  # distinct articles, cycled to `articles` per round
    articles: int
    mean_chars: float  # title and text
    rounds_per_s: tuple[float, ...]

    @property
    def median_per_s(self) -> float:
        return statistics.median(self.rounds_per_s)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["rounds_per_s"] = [round(v, 1) for v in self.rounds_per_s]
        out["mean_chars"] = round(self.mean_chars, 1)
        out["median_per_s"] = round(self.median_per_s, 1)
        return out


def synthetic(seed: int) -> list[Article]:
    return [Article.model_validate(a) for a in corpus(ROUND_ARTICLES, seed)]


def labelled(path: Path) -> list[Article]:
    """The articles of a JSONL file; fields other than an article's (labels) are ignored."""
    with path.open("rb") as lines:
        return [article_from_json(orjson.loads(line)) for line in lines if line.strip()]


def measure(
    name: str, articles: Sequence[Article], rounds: int, per_round: int = ROUND_ARTICLES
) -> ExtractionResult:
    scope = default_scope()
    for article in articles:  # warm-up: compiled patterns and caches
        extract_article(article, scope)
    batch = list(itertools.islice(itertools.cycle(articles), per_round))
    rates = []
    for _ in range(rounds):
        started = time.process_time()
        for article in batch:
            extract_article(article, scope)
        rates.append(len(batch) / max(time.process_time() - started, 1e-9))
    chars = sum(len(a.title or "") + len(a.text) for a in articles) / len(articles)
    return ExtractionResult(name, len(articles), len(batch), chars, tuple(rates))


def run_extraction(rounds: int, seed: int, path: Path | None, timeout_s: float) -> ExtractionResult:
    """Measure in a fresh interpreter; bounded by `timeout_s`."""
    args = (str(rounds), str(seed), *((str(path),) if path else ()))
    data = run_json("georisk.bench.extraction", args, timeout_s, "extraction benchmark")
    return ExtractionResult(
        corpus=str(data["corpus"]),
        distinct=int(data["distinct"]),
        articles=int(data["articles"]),
        mean_chars=float(data["mean_chars"]),
        rounds_per_s=tuple(float(v) for v in data["rounds_per_s"]),
    )


def main(argv: Sequence[str]) -> None:
    rounds, seed = int(argv[0]), int(argv[1])
    path = Path(argv[2]) if len(argv) > 2 else None
    articles = labelled(path) if path else synthetic(seed)
    result = measure(str(path) if path else SYNTHETIC, articles, rounds)
    sys.stdout.write(orjson.dumps(result.to_json()).decode() + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
