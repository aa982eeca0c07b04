"""Near-duplicates: reprints count once, widened by breadth; decisions ignore arrival order."""

from __future__ import annotations

import itertools
import math
import os
import subprocess
import sys

import pytest

from georisk.core.documents import ScoredDocument
from georisk.core.scoring import DEFAULT_PARAMS, ScoringEngine, fingerprint
from georisk.core.scoring.clusters import breadth
from georisk.core.scoring.fingerprint import as_minhash, similarity
from georisk.models import ScoreUpdate
from tests.unit.test_scoring_helpers import SCOPE, at, doc, story

STORY = story(7, 120)
END = 24 * 30 - 0.05  # the extra reports land at the end of a 30-day background


def variant(i: int) -> str:
    """A reprint: the same story with one word changed (outlets retitle and trim)."""
    words = STORY.split()
    words[i % len(words)] = f"edit{i}"
    return " ".join(words)


def background() -> list[ScoredDocument]:
    return [
        doc(
            f"b{i}",
            at(i / 10),
            [("cyber", 2)] if i % 20 == 0 else [],
            source=f"s{i % 3}",
            text=story(1000 + i) if i % 20 == 0 else None,
        )
        for i in range(24 * 30 * 10)
    ]


def cyber_fast(extra: list[ScoredDocument]) -> tuple[ScoreUpdate, ScoringEngine]:
    engine = ScoringEngine(SCOPE)
    for d in background() + extra:
        engine.ingest(d)
    update = next(u for u in engine.scores() if (u.dimension, u.horizon) == ("cyber", "fast"))
    return update, engine


@pytest.mark.parametrize(
    ("sources", "expected"), [(1, 1.0), (2, 1 + math.log10(2)), (10, 2.0), (100, 3.0), (5000, 3.0)]
)
def test_breadth(sources: int, expected: float) -> None:
    assert breadth(sources, DEFAULT_PARAMS.breadth_cap) == pytest.approx(expected)


def test_fifty_reprints_score_at_most_1_7_times_a_single_report() -> None:
    single, _ = cyber_fast([doc("r0", at(END), [("cyber", 2)], source="o0", text=STORY)])
    reprints = [
        doc(f"r{i}", at(END + i / 1000), [("cyber", 2)], source=f"o{i}", text=variant(i))
        for i in range(50)
    ]
    syndicated, engine = cyber_fast(reprints)
    assert syndicated.score <= 1.7 * single.score
    # the story is one contribution, widened by breadth for its 50 outlets
    ours = [(d, c) for d, c in engine.contributions("cyber", "fast") if d.startswith("r")]
    assert len(ours) == 1
    lead, value = ours[0]
    assert lead == "r0"
    expected = 3.0 * 0.8 * (1 + math.log10(50)) * 2 ** (-(49 / 1000) / 72)
    assert value == pytest.approx(expected, rel=1e-9)
    # control: fifty different stories are not deduplicated and do exceed the bound
    stories = [
        doc(f"r{i}", at(END + i / 1000), [("cyber", 2)], source=f"o{i}", text=story(5000 + i, 120))
        for i in range(50)
    ]
    distinct, _ = cyber_fast(stories)
    assert distinct.score > 1.7 * single.score


def test_reprints_from_one_outlet_add_no_breadth() -> None:
    engine = ScoringEngine(SCOPE)
    for i in range(20):
        engine.ingest(doc(f"r{i}", at(0), [("minerals", 3)], source="same", text=variant(i)))
    [(lead, value)] = engine.contributions("minerals", "slow")
    assert lead == "r0"
    assert value == pytest.approx(9 * 0.8, rel=1e-9)


def test_reprints_outside_the_cluster_window_are_separate_stories() -> None:
    engine = ScoringEngine(SCOPE)
    gap = DEFAULT_PARAMS.cluster_window_s / 3600 + 1
    engine.ingest(doc("first", at(0), [("cyber", 2)], text=STORY))
    engine.ingest(doc("again", at(gap), [("cyber", 2)], text=variant(3)))
    assert len(engine.contributions("cyber", "slow")) == 2


def test_a_bridging_reprint_merges_clusters_in_any_order() -> None:
    words = story(11, 120).split()
    a, b, c = (" ".join(words[k : k + 60]) for k in (0, 15, 30))  # a~b, b~c, a≁c
    mh = [
        as_minhash(fingerprint(t), DEFAULT_PARAMS.num_perm, DEFAULT_PARAMS.minhash_seed)
        for t in (a, b, c)
    ]
    assert all(m is not None for m in mh)
    threshold = DEFAULT_PARAMS.jaccard_threshold
    assert similarity(mh[0], mh[1]) >= threshold  # type: ignore[arg-type]
    assert similarity(mh[1], mh[2]) >= threshold  # type: ignore[arg-type]
    assert similarity(mh[0], mh[2]) < threshold  # type: ignore[arg-type]
    docs = [
        doc("a", at(0), [("cyber", 2)], source="x", text=a),
        doc("b", at(2), [("cyber", 3)], source="y", text=b),
        doc("c", at(1), [("cyber", 2)], source="z", text=c),
    ]
    results = set()
    for order in itertools.permutations(docs):
        engine = ScoringEngine(SCOPE)
        for d in order:
            engine.ingest(d)
        results.add(tuple(engine.contributions("cyber", "slow")))
    [[(lead, value)]] = results
    assert lead == "b"  # the strongest reading leads; the story sits at the earliest report
    assert value == pytest.approx(9 * 0.8 * (1 + math.log10(3)) * 2 ** (-2 / 720), rel=1e-9)


def test_fingerprint_is_deterministic_across_processes() -> None:
    code = (
        "from georisk.core.scoring import fingerprint;"
        "print(fingerprint('Ransomware hits the port of Nagoya, halting container terminals'))"
    )
    outputs = set()
    for seed in ("1", "random"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        run = subprocess.run(
            [sys.executable, "-c", code],
            env=env,
            capture_output=True,
            text=True,
            check=True,
            timeout=60,
        )
        outputs.add(run.stdout)
    assert len(outputs) == 1
    assert outputs.pop().strip() == str(
        fingerprint("Ransomware hits the port of Nagoya, halting container terminals")
    )


def test_fingerprint_similarity_separates_reprints_from_other_stories() -> None:
    seed, params = DEFAULT_PARAMS.minhash_seed, DEFAULT_PARAMS.num_perm
    base = as_minhash(fingerprint(STORY), params, seed)
    reprint = as_minhash(fingerprint(variant(5) + " Reporting by a wire service."), params, seed)
    other = as_minhash(fingerprint(story(99, 120)), params, seed)
    assert base is not None
    assert reprint is not None
    assert other is not None
    assert similarity(base, reprint) >= 0.8
    assert similarity(base, other) <= 0.1
    assert len(fingerprint(STORY)) == DEFAULT_PARAMS.num_perm
    assert all(0 <= v < 2**32 for v in fingerprint("!!!"))
