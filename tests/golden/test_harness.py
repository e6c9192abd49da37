"""The golden file format: clock moves, and clear errors that name the file."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from golden.harness import Advance, GoldenError, duration, load_script, write_transcript


def golden(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "chat.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def test_advance_entries_move_the_clock(tmp_path: Path) -> None:
    script = load_script(golden(tmp_path, "input: [/start, {advance: 2d}, /review]\n"))
    assert script.steps == ("/start", Advance(timedelta(days=2), "2d"), "/review")
    assert duration("90s", where="x") == timedelta(seconds=90)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("input: [/start]\ncolour: red\n", "unknown keys ['colour']"),
        ("input: [/start, {advance: soon}]\n", "input[1]: 'soon' is no duration"),
        ("input: []\n", "'input' must be a non-empty list"),
        ("input: [/start]\nclock: 2026-03-02T09:00:00\n", "'clock' needs a time zone"),
    ],
)
def test_bad_golden_files_say_which_and_why(tmp_path: Path, text: str, message: str) -> None:
    path = golden(tmp_path, text)
    with pytest.raises(GoldenError, match=r"chat\.yaml") as raised:
        load_script(path)
    assert message in str(raised.value)


def test_rewriting_keeps_the_input_and_its_comments(tmp_path: Path) -> None:
    path = golden(tmp_path, "# why\ninput:\n  - /start  # hello\ntranscript: |\n  old\n")
    write_transcript(path, "> /start\nHello!\n  1. Paris\n\nend\n")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# why\ninput:\n  - /start  # hello\n")
    assert load_script(path).transcript == "> /start\nHello!\n  1. Paris\n\nend\n"
