"""`georisk`: the command line. One module per verb, imported only when that verb runs
(so `georisk score` does not pay for faust's imports)."""

from __future__ import annotations

import importlib
import importlib.util

import click

# verb → (module, click command attribute)
VERBS: dict[str, tuple[str, str]] = {
    "broker": ("georisk.cli.broker", "broker"),
    "worker": ("georisk.cli.worker", "worker"),
    "produce": ("georisk.cli.produce", "produce"),
    "score": ("georisk.cli.score", "score"),
    "eval": ("georisk.cli.evaluate", "evaluate_command"),
    "replay": ("georisk.cli.replay", "replay"),
    "scores": ("georisk.cli.scores", "scores"),
    "schemas": ("georisk.cli.schemas", "schemas"),
    "demo": ("georisk.cli.demo", "demo"),
    "bench": ("georisk.cli.bench", "bench"),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(
            name for name, (module, _) in VERBS.items() if importlib.util.find_spec(module)
        )

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in VERBS:
            return None
        module, attr = VERBS[cmd_name]
        command = getattr(importlib.import_module(module), attr)
        assert isinstance(command, click.Command)
        return command


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="georisk")
def cli() -> None:
    """Streaming geopolitical risk scores for a partnership scope."""


def main() -> None:
    cli()
