"""`clio db current` / `clio db upgrade` on a SQLite file whose folder does not exist yet."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.cli import main


def test_db_upgrade_then_current(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "new" / "folder" / "clio.db"
    monkeypatch.setenv("CLIO_DATABASE_URL", f"sqlite:///{database}")
    assert main(["db", "current"]) == 1
    assert "none (empty)" in capsys.readouterr().out
    assert main(["db", "upgrade"]) == 0
    assert database.is_file()
    assert main(["db", "current"]) == 0
    assert "(newest)" in capsys.readouterr().out


def test_db_with_a_bad_url_says_so(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CLIO_DATABASE_URL", "oracle://scott:tiger@db/orcl")
    assert main(["db", "upgrade"]) == 2
    error = capsys.readouterr().err
    assert "unsupported database 'oracle'" in error
    assert "tiger" not in error
