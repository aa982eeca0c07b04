"""HTTP endpoints served by the worker process (read-only)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import faust
from faust.web import Request, Response, View
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from georisk.io import metrics
from georisk.models import SCORE_DIMENSIONS

if TYPE_CHECKING:
    from georisk.io.app import Runtime


def _dump(update: object) -> object:
    return update.model_dump(mode="json")  # type: ignore[attr-defined]


def register_pages(app: faust.App, runtime: Runtime) -> None:
    @app.page("/healthz")
    async def healthz(self: View, request: Request) -> Response:
        return self.json({"status": "ok"})

    @app.page("/readyz")
    async def readyz(self: View, request: Request) -> Response:
        checks = runtime.readiness()
        return self.json(
            {"ready": all(checks.values()), "checks": checks},
            status=200 if all(checks.values()) else 503,
        )

    @app.page("/metrics")
    async def prometheus(self: View, request: Request) -> Response:
        return self.bytes(
            generate_latest(metrics.REGISTRY), headers={"Content-Type": CONTENT_TYPE_LATEST}
        )

    @app.page("/v1/scores")
    async def scores(self: View, request: Request) -> Response:
        latest = runtime.scoring.latest
        return self.json({"scores": [_dump(latest[key]) for key in sorted(latest)]})

    @app.page("/v1/scores/{scope}/{dimension}")
    async def scope_scores(self: View, request: Request, scope: str, dimension: str) -> Response:
        if scope not in runtime.scoring.engines or dimension not in SCORE_DIMENSIONS:
            return self.json(
                {"error": f"unknown scope or dimension: {scope}/{dimension}"}, status=404
            )
        history = runtime.scoring.history
        body = {
            "scope": scope,
            "dimension": dimension,
            "scores": [
                _dump(u)
                for key, u in sorted(runtime.scoring.latest.items())
                if key[0] == scope and key[1] == dimension
            ],
            "history": {
                key[2]: [_dump(u) for u in history[key]]
                for key in sorted(history)
                if key[0] == scope and key[1] == dimension
            },
        }
        return self.json(body)
