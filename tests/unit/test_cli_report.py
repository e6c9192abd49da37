"""Class reports from the terminal: the console chat writes attachments to a folder and
prints their paths; `clio report` prints or writes the same reports."""

from __future__ import annotations

import csv
import io
import re
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


def chat(user: str, lines: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setattr("sys.stdin", io.StringIO(lines))
    code, shown = run("chat", "--user", user)
    assert code == 0
    return shown


def test_console_class_and_cli_report(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("CLIO_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("CLIO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CLIO_BOT_USERNAME", raising=False)
    shown = chat("tina", "/newclass History club\n", monkeypatch)
    assert "https://t.me/" not in shown  # no bot username in the console: just the code
    code = re.search(r"/join ([A-Za-z0-9_-]{8,})", shown)
    assert code is not None
    assert "joined" in chat("ada", f"/join {code.group(1)}\n/lesson\n1\n", monkeypatch)
    shown = chat("tina", "/export\n", monkeypatch)
    paths = re.findall(r"\[(?:document|image)\] (\S+)", shown)
    assert [Path(path).suffix for path in paths] == [".csv", ".png"]
    assert all(Path(path).parent == tmp_path / "data" / "exports" for path in paths)
    rows = list(csv.DictReader(io.StringIO(Path(paths[0]).read_text("utf-8-sig"))))
    assert [row["learner"] for row in rows] == ["ada"]

    status, text = run("report", "--class", code.group(1), "--format", "text")
    assert status == 0 and "History club: 1 learner(s)" in text
    out = tmp_path / "club.csv"
    status, _ = run("report", "--class", code.group(1), "--format", "csv", "--out", str(out))
    assert status == 0 and out.read_bytes() == Path(paths[0]).read_bytes()
    assert main(["report", "--class", "nope-nope-nope"]) == 2
