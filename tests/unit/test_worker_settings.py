"""How worker settings reach Faust: its data folder goes where the caller says."""

from __future__ import annotations

from pathlib import Path

import pytest

from georisk.io.app import create_app
from georisk.scopes import builtin_scopes
from georisk.settings import Settings


def test_data_dir_from_the_environment_is_faust_datadir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GEORISK_DATA_DIR", str(tmp_path / "faust"))
    app, _ = create_app(Settings(app_id="georisk-settings-a"), builtin_scopes())
    assert Path(app.conf.datadir) == tmp_path / "faust"


def test_unset_data_dir_keeps_faust_default_next_to_the_app_id() -> None:
    app, _ = create_app(Settings(app_id="georisk-settings-b"), builtin_scopes())
    assert Path(app.conf.datadir).name == "georisk-settings-b-data"
