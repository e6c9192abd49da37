"""`clio build` and `clio facts` from the command line, on a temporary seeds folder and
cache (never the user's)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from clio.cli import main


@pytest.fixture
def seeds(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CLIO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CLIO_DIALOGS_DIR", str(tmp_path / "dialogs"))
    folder = tmp_path / "seeds"
    folder.mkdir()
    (folder / "war.txt").write_text(
        "The Crimean War\n\nThe war began in 1853[1]. Peace came in 1856.\n\nA map\n",
        encoding="utf-8",
    )
    (folder / "broken.txt").write_bytes(b"\xff\xfe\x00")
    return folder


def test_build_reports_counts_and_skipped_files(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["build", "--seeds", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert "1 topics, 3 facts (2 teachable)" in out
    assert "1 skipped files; built in" in out
    assert "skipped broken.txt: binary" in out
    assert main(["build", "--seeds", str(seeds)]) == 0
    assert "from cache in" in capsys.readouterr().out


def test_build_in_workers_gives_the_same_counts(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (seeds / "peace.txt").write_text("The Treaty of Paris was signed in 1856.\n", "utf-8")
    assert main(["build", "--seeds", str(seeds), "--workers", "2"]) == 0
    assert "2 topics, 4 facts (3 teachable)" in capsys.readouterr().out


def test_facts_text_and_json(seeds: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["facts", "war", "--seeds", str(seeds)]) == 0
    text = capsys.readouterr().out
    assert "# The Crimean War (war, war.txt, 3 facts)" in text
    assert "war.txt:3\n  The war began in 1853.\n" in text
    assert "war.txt:5 [context, not taught]\n  A map\n" in text
    assert main(["facts", "--json", "--seeds", str(seeds)]) == 0
    [topic] = json.loads(capsys.readouterr().out)
    assert topic["id"] == "war"
    assert [(f["text"], f["source"], f["teachable"]) for f in topic["facts"]] == [
        ("The war began in 1853.", "war.txt:3", True),
        ("Peace came in 1856.", "war.txt:3", True),
        ("A map", "war.txt:5", False),
    ]
    assert all(set(f) >= {"id", "entities", "questions"} for f in topic["facts"])


def test_unknown_topic_and_missing_folder_exit_2(
    seeds: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["facts", "nope", "--seeds", str(seeds)]) == 2
    assert "clio: no topic 'nope' (topics: war)" in capsys.readouterr().err
    assert main(["build", "--seeds", str(seeds / "missing")]) == 2
    assert "clio: seeds folder not found:" in capsys.readouterr().err


def test_other_seeds_with_the_projects_authored_questions_say_how_to_build_them(
    seeds: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project_dialogs = Path(__file__).resolve().parents[2] / "dialogs"
    shutil.copytree(project_dialogs, tmp_path / "dialogs")  # the fixture's CLIO_DIALOGS_DIR
    assert main(["build", "--seeds", str(seeds)]) == 2
    error = capsys.readouterr().err
    assert "questions.yaml:" in error and "no topic 'treaty-of-paris-1856'" in error
    assert "set CLIO_DIALOGS_DIR to its dialogs folder" in error
