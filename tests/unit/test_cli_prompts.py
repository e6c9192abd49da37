"""`clio prompts --dry-run` shows who is due and with what, and sends nothing."""

from __future__ import annotations

import io
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from clio.cli import main

ROOT = Path(__file__).resolve().parents[2]


def run(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    with redirect_stdout(out):
        code = main(list(argv))
    return code, out.getvalue()


def test_dry_run_lists_due_learners(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("CLIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLIO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr("sys.stdin", io.StringIO("/timezone UTC\n/daily 18:30\n"))
    assert run("chat", "--user", "ada")[0] == 0
    code, shown = run("prompts", "--dry-run", "--at", "2100-01-01T18:30Z")
    assert code == 0
    assert "1 learner(s) due at 2100-01-01T18:30:00+00:00" in shown
    assert "ada (console:ada, UTC, daily 18:30)" in shown
    assert "Today's history fact" in shown
    code, shown = run("prompts", "--dry-run", "--at", "2000-01-01T18:30Z")
    assert shown.startswith("0 learner(s) due")
