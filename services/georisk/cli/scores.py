"""`georisk scores`: the current scores from a worker's HTTP API, as a table."""

from __future__ import annotations

import urllib.request

import click
import orjson
from rich.console import Console

from georisk.cli.options import load_settings
from georisk.cli.table import score_table


@click.command()
@click.option("--url", default=None, help="Worker base URL (default from GEORISK_HTTP_PORT).")
@click.option("--json", "as_json", is_flag=True, help="Print the raw JSON instead.")
def scores(url: str | None, as_json: bool) -> None:
    """Print every current score (from /v1/scores) as a table."""
    settings = load_settings()
    base = url or f"http://{settings.http_host}:{settings.http_port}"
    with urllib.request.urlopen(f"{base}/v1/scores", timeout=5) as response:  # noqa: S310
        body = orjson.loads(response.read())
    if as_json:
        click.echo(orjson.dumps(body, option=orjson.OPT_INDENT_2).decode())
        return
    Console().print(score_table(body["scores"]))
