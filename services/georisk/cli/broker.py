"""`georisk broker`: the embedded Tansu broker with georisk's topics, in the foreground."""

from __future__ import annotations

import asyncio
import signal

import click

from georisk.cli.options import bootstrap_option, load_settings
from georisk.io.broker import EmbeddedBroker, ensure_topics, split_host_port, topic_specs


def _exit_on_sigterm(signum: int, frame: object) -> None:
    # Unwind to the `finally` below; stopping inside the handler would re-enter Popen.wait.
    raise SystemExit(0)


@click.command()
@bootstrap_option
@click.option(
    "--partitions", type=int, default=None, help="Input-topic partitions (GEORISK_PARTITIONS)."
)
def broker(bootstrap: str | None, partitions: int | None) -> None:
    """Start the embedded broker on GEORISK_BOOTSTRAP, create the topics, stay in the foreground."""
    settings = load_settings(bootstrap=bootstrap, partitions=partitions)
    host, port = split_host_port(settings.bootstrap)
    embedded = EmbeddedBroker(host, port)
    embedded.start()
    try:
        asyncio.run(ensure_topics(settings))
        for spec in topic_specs(settings):
            click.echo(f"topic {spec.name} ({spec.partitions} partition(s))")
        click.echo(
            f"broker listening on {embedded.bootstrap} (pid {embedded.pid}); Ctrl-C stops it"
        )
        signal.signal(signal.SIGTERM, _exit_on_sigterm)
        embedded.wait()
    except (KeyboardInterrupt, SystemExit):
        pass
    finally:
        embedded.stop()
