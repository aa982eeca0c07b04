"""docs/methodology.md lists every scoring constant; its table must match the code exactly."""

from __future__ import annotations

import ast
import dataclasses
import re
from pathlib import Path

from georisk.core.scoring import DEFAULT_PARAMS, MODEL_VERSION

DOC = Path(__file__).resolve().parents[2] / "docs" / "methodology.md"
ROW = re.compile(r"^\|\s*`(?P<name>[A-Za-z_]+)`\s*\|\s*`(?P<value>[^`]+)`\s*\|")


def documented() -> dict[str, object]:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("\n## Constants\n", 1)[1].split("\n## ", 1)[0]
    rows = {}
    for line in section.splitlines():
        match = ROW.match(line)
        if match:
            assert match["name"] not in rows, f"{match['name']} listed twice"
            rows[match["name"]] = ast.literal_eval(match["value"])
    return rows


def test_every_constant_is_documented_with_its_value() -> None:
    rows = documented()
    fields = {f.name for f in dataclasses.fields(DEFAULT_PARAMS)}
    assert set(rows) == fields | {"MODEL_VERSION"}
    assert rows.pop("MODEL_VERSION") == MODEL_VERSION
    for name, value in rows.items():
        assert getattr(DEFAULT_PARAMS, name) == value, name


def test_extraction_section_points_to_its_document() -> None:
    text = DOC.read_text(encoding="utf-8")
    section = text.split("\n## Extraction\n", 1)[1]
    assert section.strip() == "See docs/methodology-extraction.md"
