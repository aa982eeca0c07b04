"""`georisk worker`: the stream processors and the HTTP server in one process."""

from __future__ import annotations

import asyncio
import gc

import click
import faust

from georisk.cli.options import bootstrap_option, load_settings
from georisk.io.app import create_app
from georisk.io.broker import ensure_topics
from georisk.scopes import load_scopes


@click.command()
@bootstrap_option
@click.option("--app-id", default=None, help="Consumer group and internal-topic prefix.")
@click.option("--http-port", type=int, default=None, help="HTTP port (GEORISK_HTTP_PORT).")
@click.option("--http-host", default=None, help="HTTP bind address (GEORISK_HTTP_HOST).")
def worker(
    bootstrap: str | None, app_id: str | None, http_port: int | None, http_host: str | None
) -> None:
    """Consume articles and events, publish signals, scores and dead letters; serve HTTP."""
    settings = load_settings(
        bootstrap=bootstrap, app_id=app_id, http_port=http_port, http_host=http_host
    )
    scopes = load_scopes(settings.scopes_file)
    asyncio.run(ensure_topics(settings))
    app, _ = create_app(settings, scopes)
    # Everything imported so far lives for the whole process: keep the collector off it.
    gc.freeze()
    faust.Worker(
        app, loglevel=settings.log_level.upper(), quiet=True, override_logging=True
    ).execute_from_commandline()
