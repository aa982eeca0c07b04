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
from georisk.cli.broker import broker as _broker; cli.add_command(_broker)  # noqa: E402, E702, I001
from georisk.cli.worker import worker as _worker; cli.add_command(_worker)  # noqa: E402, E702
from georisk.cli.produce import produce as _produce; cli.add_command(_produce)  # noqa: E402, E702
from georisk.cli.scores import scores as _scores; cli.add_command(_scores)  # noqa: E402, E702
from georisk.cli.schemas import schemas as _schemas; cli.add_command(_schemas)  # noqa: E402, E702, I001
from georisk.cli.score import score as _score; cli.add_command(_score)  # noqa: E402, E702
from georisk.cli.evaluate import evaluate_command as _eval; cli.add_command(_eval)  # noqa: E402, E702
