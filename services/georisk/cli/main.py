"""`georisk`: the command line. One module per verb; this file only assembles them."""

from __future__ import annotations

import click


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="georisk")
def cli() -> None:
    """Streaming geopolitical risk scores for a partnership scope."""


def main() -> None:
    cli()


# Verb registrations (one line per verb module).
