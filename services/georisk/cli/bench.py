"""`georisk bench`: relay and offline-scoring ceilings, the worker's throughput, latency and RSS.

Progress goes to stderr; stdout carries the table, or with `--json` exactly one JSON object.
"""

from __future__ import annotations

import signal
import tempfile
from pathlib import Path
from types import FrameType

import click
import orjson
from rich.console import Console

from georisk.bench.report import extraction_table, soak_table, table
from georisk.bench.run import Options, run_bench, run_extraction_only, run_soak
from georisk.cli.options import bootstrap_option


def _terminate(signum: int, frame: FrameType | None) -> None:
    raise SystemExit(128 + signum)  # unwinds through the cleanup that stops every process


@click.command()
@bootstrap_option
@click.option(
    "--n",
    "n",
    type=click.IntRange(min=1),
    default=20_000,
    show_default=True,
    help="Articles in the relay, offline and worker throughput runs.",
)
@click.option(
    "--rate",
    type=click.FloatRange(min=1),
    default=200.0,
    show_default=True,
    help="Fixed send rate of the latency run (msg/s).",
)
@click.option(
    "--latency-seconds",
    type=click.FloatRange(min=1),
    default=15.0,
    show_default=True,
    help="Duration of the latency run.",
)
@click.option(
    "--workers",
    type=click.IntRange(1, 2),
    default=1,
    show_default=True,
    help="2 also measures two workers in one group (worker2_msgs_per_s).",
)
@click.option(
    "--soak",
    "soak_n",
    type=click.IntRange(min=1),
    default=None,
    help="Soak mode: send this many articles through one worker, sampling its RSS.",
)
@click.option(
    "--soak-rate",
    type=click.FloatRange(min=1),
    default=1000.0,
    show_default=True,
    help="Send rate of the soak (msg/s).",
)
@click.option(
    "--sample-seconds",
    type=click.FloatRange(min=0.5),
    default=5.0,
    show_default=True,
    help="RSS sampling interval of the soak.",
)
@click.option(
    "--extraction",
    "extraction_only",
    is_flag=True,
    help="Only (e), extraction alone on one core: no broker, no worker.",
)
@click.option(
    "--texts",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="With --extraction: a JSONL of articles (a labelled set) measured after the corpus.",
)
@click.option(
    "--rounds",
    type=click.IntRange(min=1),
    default=5,
    show_default=True,
    help="Timed rounds of the extraction measure (the median is reported).",
)
@click.option("--seed", type=int, default=11, show_default=True, help="Corpus seed.")
@click.option(
    "--logs",
    type=click.Path(path_type=Path),
    default=None,
    help="Folder for broker and worker logs (default: a new temporary folder).",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object.")
def bench(
    bootstrap: str | None,
    n: int,
    rate: float,
    latency_seconds: float,
    workers: int,
    soak_n: int | None,
    soak_rate: float,
    sample_seconds: float,
    extraction_only: bool,
    texts: Path | None,
    rounds: int,
    seed: int,
    logs: Path | None,
    as_json: bool,
) -> None:
    """Measure the worker against its ceilings (bare relay, offline scoring) on one broker."""
    err = Console(stderr=True)
    out = Console()
    signal.signal(signal.SIGTERM, _terminate)
    options = Options(
        n=n,
        rate=rate,
        latency_seconds=latency_seconds,
        workers=workers,
        seed=seed,
        rounds=rounds,
        bootstrap=bootstrap,
        # (e) alone writes no logs: no folder is made for it.
        logs=logs
        or (Path() if extraction_only else Path(tempfile.mkdtemp(prefix="georisk-bench-"))),
    )

    def say(line: str) -> None:
        err.print(line, markup=False, highlight=False)

    if not extraction_only:
        say(f"logs in {options.logs}")
    try:
        if extraction_only:
            report = run_extraction_only(options, texts, say)
        elif soak_n is not None:
            report = run_soak(options, soak_n, soak_rate, sample_seconds, say)
        else:
            report = run_bench(options, say)
    except (TimeoutError, RuntimeError, OSError) as exc:
        raise click.ClickException(f"{exc} (logs in {options.logs})") from exc
    if as_json:
        click.echo(orjson.dumps(report).decode())
    elif extraction_only:
        out.print(extraction_table(report))
    elif soak_n is not None:
        out.print(soak_table(report["soak"]))
    else:
        out.print(table(report))
