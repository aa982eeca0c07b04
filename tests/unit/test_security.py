"""Security basics that must not regress: loopback defaults, size limits, no executable codecs."""

from __future__ import annotations

import ast
from pathlib import Path

import georisk
from georisk.core.decode import Limits
from georisk.io.webhooks import WebhookConfig
from georisk.settings import Settings

PACKAGE = Path(georisk.__file__).parent
FORBIDDEN_CALLS = {"eval", "exec", "compile", "__import__"}
FORBIDDEN_MODULES = {"pickle", "cPickle", "dill", "marshal", "shelve"}


def test_network_defaults_are_loopback() -> None:
    settings = Settings()
    assert settings.http_host == "127.0.0.1"
    assert settings.bootstrap.startswith("127.0.0.1:")


def test_every_input_has_a_size_limit() -> None:
    assert Settings().max_message_bytes == 1_000_000
    assert Limits().max_bytes == 1_000_000
    assert WebhookConfig(urls=()).queue_size > 0


def test_the_webhook_secret_is_never_in_a_repr() -> None:
    settings = Settings(webhook_secret="s3cr3t-value")
    assert "s3cr3t-value" not in repr(settings)
    assert "s3cr3t-value" not in str(settings.model_dump())
    assert "s3cr3t-value" not in repr(WebhookConfig(urls=(), secret="s3cr3t-value"))


def _python_files() -> list[Path]:
    return sorted(PACKAGE.rglob("*.py"))


def test_no_pickle_or_eval_anywhere_in_the_package() -> None:
    offenders = []
    for path in _python_files():
        tree = ast.parse(path.read_text(), str(path))
        for node in ast.walk(tree):
            is_call = isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            if is_call and node.func.id in FORBIDDEN_CALLS:  # type: ignore[attr-defined]
                offenders.append(f"{path}:{node.lineno} {node.func.id}()")  # type: ignore[attr-defined]
            if isinstance(node, ast.Import | ast.ImportFrom):
                names = [a.name for a in node.names] + [getattr(node, "module", None) or ""]
                if any(n.split(".")[0] in FORBIDDEN_MODULES for n in names):
                    offenders.append(f"{path}:{node.lineno} imports {names}")
            if (
                isinstance(node, ast.Attribute)
                and node.attr == "load"
                and isinstance(node.value, ast.Name)
                and node.value.id == "yaml"
            ):
                offenders.append(f"{path}:{node.lineno} yaml.load (use safe_load)")
    assert not offenders, offenders


def test_faust_topics_use_raw_bytes_not_pickle() -> None:
    source = (PACKAGE / "io" / "app.py").read_text()
    assert '"value_serializer": "raw"' in source
    assert "pickle" not in source
