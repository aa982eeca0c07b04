"""`georisk schemas`: write the JSON Schemas and the AsyncAPI document into `schemas/`.

Output is byte-for-byte deterministic so the committed files can be checked for drift:
JSON via orjson with sorted keys and 2-space indent, the AsyncAPI document as YAML via
PyYAML `safe_dump` with sorted keys, every file ending in one newline.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click
import orjson
import yaml

from georisk.contracts import ASYNCAPI_FILE, asyncapi_document, json_schemas


def dump_json(value: dict[str, Any]) -> bytes:
    return orjson.dumps(value, option=orjson.OPT_INDENT_2 | orjson.OPT_SORT_KEYS) + b"\n"


def dump_yaml(value: dict[str, Any]) -> bytes:
    # A wide line keeps PyYAML from folding long descriptions; safe_dump ends with a newline.
    text = yaml.safe_dump(
        value, sort_keys=True, default_flow_style=False, allow_unicode=True, width=1000
    )
    return text.encode("utf-8")


def render() -> dict[str, bytes]:
    """Every contract file by name, exactly as it is written."""
    files = {name: dump_json(schema) for name, schema in json_schemas().items()}
    files[ASYNCAPI_FILE] = dump_yaml(asyncapi_document())
    return files


def write(out: Path) -> list[Path]:
    """Write the contract files into `out` (created if missing); returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for name, content in sorted(render().items()):
        path = out / name
        path.write_bytes(content)
        written.append(path)
    return written


@click.command("schemas")
@click.option(
    "--out",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("schemas"),
    show_default=True,
    help="Directory to write into (relative to the current directory).",
)
def schemas(out: Path) -> None:
    """Write JSON Schemas of every message model and the AsyncAPI 3.0 document.

    Files: `<model>.v1.json` (draft 2020-12; sorted keys, 2-space indent) and `asyncapi.yaml`
    (PyYAML safe_dump, sorted keys), each ending in a newline. Rerun after changing
    `georisk.models` and commit the result: a test fails while `schemas/` is stale.
    """
    for path in write(out):
        click.echo(str(path))
