"""`replay`: the deterministic event-time timeline, as a function and as the CLI verb."""

from __future__ import annotations

import random
from pathlib import Path

import orjson
import pytest
from click.testing import CliRunner

from georisk.cli.replay import replay as replay_command
from georisk.core.scoring import ScoringEngine, replay
from georisk.models import ScoreUpdate
from tests.unit.test_scoring_helpers import SCOPE, at, doc, story

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO / ".." / "shared" / "data"


def stream() -> list:
    return [
        doc(
            f"d{i}",
            at(i * 1.5),
            [("cyber", 2)] if i % 4 == 0 else [("minerals", 1)] if i % 7 == 0 else [],
            source=f"s{i % 3}",
            text=story(i // 2) if i % 4 == 0 else None,
        )
        for i in range(300)
    ]


def test_timeline_is_in_event_time_order_and_ends_with_the_engine_scores() -> None:
    docs = stream()
    updates = list(replay(docs, SCOPE))
    assert [u.as_of for u in updates] == sorted(u.as_of for u in updates)
    assert len(updates) % 10 == 0
    engine = ScoringEngine(SCOPE)
    shuffled = docs[:]
    random.Random(3).shuffle(shuffled)
    for d in shuffled:
        engine.ingest(d)
    assert updates[-10:] == engine.scores()  # the worker's final scores equal replay's


def test_replay_is_deterministic_and_order_free() -> None:
    docs = stream()
    shuffled = docs[::-1]
    assert list(replay(docs, SCOPE)) == list(replay(shuffled, SCOPE))


def test_a_long_stream_with_bounded_disorder_ends_where_replay_ends() -> None:
    """The worker sees documents roughly in order (within days); replay sorts them."""
    docs = [
        doc(
            f"d{i}",
            at(i * 2),
            [("china_tension", 1 + i % 3)] if i % 5 == 0 else [],
            source=f"s{i % 4}",
            text=story(i // 10) if i % 5 == 0 else None,
            kind="act",
        )
        for i in range(12 * 150)  # 150 days: several folds of the retention horizon
    ]
    rng = random.Random(5)
    arrival = sorted(docs, key=lambda d: d.event_time.timestamp() + rng.uniform(0, 5 * 86400))
    engine = ScoringEngine(SCOPE)
    for d in arrival:
        engine.ingest(d)
    assert engine.scores() == list(replay(docs, SCOPE))[-10:]


ARTICLES = [
    {
        "id": "a1",
        "title": "Ransomware cripples the port of Nagoya",
        "text": "A ransomware attack attributed to the LockBit group crippled container "
        "terminals at the port of Nagoya, Japan's busiest port, halting operations for two days.",
        "source": "nikkei",
        "published_at": "2026-03-01T08:00:00Z",
    },
    {
        "id": "a2",
        "title": "Weekend weather",
        "text": "Sunny skies are expected across Kent.",
        "source": "bbc",
        "published_at": "2026-03-01T10:00:00+01:00",
    },
    {
        "id": "e1",
        "source": "control",
        "occurred_at": "2026-03-02T00:00:00Z",
        "title": "China bans gallium exports",
        "control": {
            "material": "gallium",
            "measure": "ban",
            "effective_from": "2026-03-02T00:00:00Z",
        },
    },
    {
        "id": "a3",
        "title": "Football",
        "text": "England beat Japan 2-1 in a friendly at Wembley.",
        "source": "guardian",
        "published_at": "2026-03-03T18:00:00Z",
    },
]
BAD = [b"not json", b'{"id": 5, "text": 7}', b'{"id": "x", "text": "no date"}', b"[1, 2]"]


def write(path: Path, lines: list[bytes]) -> Path:
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(replay_command, list(args))
    return result.exit_code, result.stdout, result.stderr


def parse(stdout: str) -> list[ScoreUpdate]:
    return [ScoreUpdate.model_validate_json(line) for line in stdout.splitlines()]


def test_cli_prints_the_timeline(tmp_path: Path) -> None:
    good = [orjson.dumps(a) for a in ARTICLES]
    code, out, err = invoke(str(write(tmp_path / "in.jsonl", good)), "--scope", "gb-jp")
    assert code == 0
    assert err == ""
    updates = parse(out)
    assert updates
    assert all(u.emitted_at is None and u.scope == "gb-jp" for u in updates)
    assert [u.as_of for u in updates] == sorted(u.as_of for u in updates)
    assert all('"emitted_at":null' in line for line in out.splitlines())
    # input order does not matter
    code, shuffled, _ = invoke(str(write(tmp_path / "rev.jsonl", good[::-1])), "--scope", "gb-jp")
    assert shuffled == out


def test_cli_reports_bad_lines_and_goes_on(tmp_path: Path) -> None:
    lines = [orjson.dumps(ARTICLES[0]), *BAD, orjson.dumps(ARTICLES[1])]
    path = write(tmp_path / "in.jsonl", lines)
    code, out, err = invoke(str(path), "--scope", "gb-jp")
    assert code == 0
    reported = err.splitlines()
    assert [line.split(":")[0] for line in reported] == ["line 2", "line 3", "line 4", "line 5"]
    assert "published_at" in reported[2]
    assert parse(out)[-1].as_of.isoformat() == "2026-03-01T09:00:00+00:00"
    code, _, _ = invoke(str(path), "--scope", "gb-jp", "--strict")
    assert code == 1


def test_cli_unknown_scope_is_an_error(tmp_path: Path) -> None:
    code, _, err = invoke(
        str(write(tmp_path / "in.jsonl", [orjson.dumps(ARTICLES[0])])), "--scope", "nope"
    )
    assert code == 2
    assert "nope" in err


def test_cli_scores_every_configured_scope(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scopes = tmp_path / "scopes.yaml"
    scopes.write_text(
        "scopes:\n  - name: au-jp\n    title: Australia–Japan\n    members: [AU, JP]\n"
        "    materials: [lithium]\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("GEORISK_SCOPES_FILE", str(scopes))
    code, out, _ = invoke(str(write(tmp_path / "in.jsonl", [orjson.dumps(a) for a in ARTICLES])))
    assert code == 0
    updates = parse(out)
    assert {u.scope for u in updates} == {"gb-jp", "au-jp"}
    assert [u.as_of for u in updates] == sorted(u.as_of for u in updates)


@pytest.mark.skipif(not (SHARED / "articles_dev.jsonl").exists(), reason="shared data absent")
def test_cli_on_the_development_articles(tmp_path: Path) -> None:
    lines = []
    for raw in (SHARED / "articles_dev.jsonl").read_bytes().splitlines():
        item = orjson.loads(raw)
        if not item.get("published"):
            continue
        day = (item["published"] + "-01")[:10]
        lines.append(
            orjson.dumps(
                {
                    "id": item["id"],
                    "title": item["title"],
                    "text": item["text"],
                    "source": item.get("url"),
                    "published_at": f"{day}T12:00:00Z",
                }
            )
        )
    path = write(tmp_path / "dev.jsonl", lines)
    code, out, err = invoke(str(path), "--scope", "gb-jp", "--strict")
    assert (code, err) == (0, "")
    again = invoke(str(write(tmp_path / "rev.jsonl", lines[::-1])), "--scope", "gb-jp")[1]
    assert again == out
    final = parse(out)[-10:]
    assert any(u.top_evidence for u in final)
