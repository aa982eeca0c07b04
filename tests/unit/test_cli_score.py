"""`georisk score` and `georisk eval` through click's test runner."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import orjson
import pytest
from click.testing import CliRunner

from georisk.cli.evaluate import evaluate_command
from georisk.cli.score import score
from georisk.models import DIMENSIONS

GOOD = {
    "id": "n1",
    "title": "Chinese coast guard rams Philippine ship",
    "text": "A China Coast Guard vessel rammed a Philippine patrol ship near Sabina Shoal.",
}
QUIET = {"id": "n2", "text": "A recipe for banana bread with walnuts and a pinch of salt."}


def run(stdin: bytes, *args: str) -> tuple[int, list[Any]]:
    result = CliRunner().invoke(score, list(args), input=stdin)
    lines = [orjson.loads(line) for line in result.stdout.splitlines()]
    return result.exit_code, lines


def jsonl(*records: object) -> bytes:
    return b"".join(
        (record if isinstance(record, bytes) else orjson.dumps(record)) + b"\n"
        for record in records
    )


def test_one_line_out_per_line_in_with_every_dimension() -> None:
    code, lines = run(jsonl(GOOD, QUIET))
    assert code == 0
    assert [line["id"] for line in lines] == ["n1", "n2"]
    first = lines[0]
    assert set(first["signals"]) == set(DIMENSIONS)
    assert first["signals"]["china_tension"]["level"] == 3
    assert first["signals"]["china_tension"]["evidence"]
    assert first["countries"] == ["CN", "PH"]
    assert all(s["level"] == 0 for s in lines[1]["signals"].values())


@pytest.mark.parametrize(
    ("bad", "fragment"),
    [
        (b"{not json", "not JSON"),
        (orjson.dumps({"id": 5, "text": 7}), "invalid article"),
        (orjson.dumps({"id": "x", "text": "   "}), "invalid article: text"),
        (orjson.dumps({"id": "x"}), "invalid article: text"),
    ],
)
def test_bad_line_yields_an_error_in_place_and_the_run_goes_on(bad: bytes, fragment: str) -> None:
    code, lines = run(jsonl(GOOD, bad, QUIET))
    assert code == 0
    assert lines[0]["id"] == "n1"
    assert lines[1]["line"] == 2
    assert fragment in str(lines[1]["error"])
    assert lines[2]["id"] == "n2"


def test_strict_exits_one_on_a_bad_line() -> None:
    assert run(jsonl(GOOD, b"[]"), "--strict")[0] == 1
    assert run(jsonl(GOOD), "--strict")[0] == 0


def test_reads_a_file_argument(tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_bytes(jsonl(QUIET))
    code, lines = run(b"", str(path))
    assert code == 0
    assert lines[0]["id"] == "n2"


def test_unknown_scope_is_a_usage_error() -> None:
    result = CliRunner().invoke(score, ["--scope", "nope"], input=jsonl(GOOD))
    assert result.exit_code == 2
    assert "unknown scope" in result.output


def test_scope_from_scopes_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scopes = {"scopes": [{"name": "au-gb", "title": "AU-GB", "members": ["AU", "GB"]}]}
    path = tmp_path / "scopes.json"
    path.write_bytes(orjson.dumps(scopes))
    monkeypatch.setenv("GEORISK_SCOPES_FILE", str(path))
    code, lines = run(jsonl(GOOD), "--scope", "au-gb")
    assert code == 0
    assert lines[0]["id"] == "n1"


def _labelled_dev(tmp_path: Path) -> Path:
    labelled = dict(GOOD, labels={"china_tension": 3, "cyber": 0, "minerals": 0, "partnership": 0})
    labelled["countries"] = ["CN", "PH"]
    path = tmp_path / "dev.jsonl"
    path.write_bytes(jsonl(labelled))
    return path


def test_eval_reports_metrics_as_json(tmp_path: Path) -> None:
    result = CliRunner().invoke(evaluate_command, [str(_labelled_dev(tmp_path)), "--json"])
    assert result.exit_code == 0
    report = orjson.loads(result.stdout)
    assert report["n"] == 1
    assert report["dimensions"]["china_tension"]["relevant_f1"] == 1.0
    assert report["country_f1"] == 1.0


def test_eval_prints_a_table(tmp_path: Path) -> None:
    labelled = dict(QUIET, labels={"china_tension": 0, "cyber": 0, "minerals": 0, "partnership": 0})
    path = tmp_path / "dev.jsonl"
    path.write_bytes(jsonl(labelled))
    result = CliRunner().invoke(evaluate_command, [str(path)])
    assert result.exit_code == 0
    assert "macro" in result.output
    assert "country micro-F1" in result.output


def test_eval_scores_countries_against_another_labelling(tmp_path: Path) -> None:
    second = tmp_path / "second.jsonl"
    second.write_bytes(jsonl({"id": GOOD["id"], "countries": ["CN", "PH", "US", "JP"]}))
    args = [str(_labelled_dev(tmp_path)), "--json", "--countries", str(second)]
    result = CliRunner().invoke(evaluate_command, args)
    assert result.exit_code == 0
    report = orjson.loads(result.stdout)
    # The extractor's CN and PH against four states: precision 1, recall 1/2.
    assert report["country_f1"] == pytest.approx(2 / 3)
    assert report["dimensions"]["china_tension"]["relevant_f1"] == 1.0


def test_eval_rejects_a_labelling_that_misses_an_id(tmp_path: Path) -> None:
    second = tmp_path / "second.jsonl"
    second.write_bytes(jsonl({"id": "other", "countries": []}))
    args = [str(_labelled_dev(tmp_path)), "--countries", str(second)]
    result = CliRunner().invoke(evaluate_command, args)
    assert result.exit_code == 1
    assert "have no countries in the labelling" in result.output
