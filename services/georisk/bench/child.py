"""A measurement run in a fresh interpreter, so the driver's own state is not measured with it."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Sequence
from typing import Any

import orjson


def run_json(module: str, args: Sequence[str], timeout_s: float, what: str) -> dict[str, Any]:
    """`python -m module args...`'s last line of output as JSON; bounded by `timeout_s` (the
    child is killed after)."""
    done = subprocess.run(  # noqa: S603 - our own module, fixed arguments
        [sys.executable, "-m", module, *args], capture_output=True, timeout=timeout_s, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(f"{what} failed:\n{done.stderr.decode(errors='replace')}")
    data: dict[str, Any] = orjson.loads(done.stdout.splitlines()[-1])
    return data
