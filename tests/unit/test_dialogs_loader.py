"""Dialog files load into typed flows; every problem is reported with file, line and column."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clio.core.errors import ContentError
from clio.core.flows import TEXT_PLACEHOLDERS
from clio.dialogs.loader import load_flows

DIALOGS = Path(__file__).resolve().parents[2] / "dialogs"


@pytest.fixture
def dialogs(tmp_path: Path) -> Path:
    target = tmp_path / "dialogs"
    shutil.copytree(DIALOGS, target)
    return target


def problems_of(folder: Path) -> str:
    with pytest.raises(ContentError) as caught:
        load_flows(folder)
    return str(caught.value)


def test_bundled_dialogs_load_completely() -> None:
    flows = load_flows(DIALOGS)
    assert set(flows.texts) == set(TEXT_PLACEHOLDERS)
    assert flows.lesson.chunk_size == 2
    assert flows.review.session_size == 10
    assert [level.name for level in flows.mastery][-1].endswith("mastered")
    assert "thank you" in {p for talk in flows.small_talk for p in talk.phrases}
    thanks = next(talk for talk in flows.small_talk if talk.name == "thanks")
    assert thanks.while_waiting == "You're welcome!" and "/lesson" in thanks.reply
    assert "i was right" in flows.override_phrases
    assert flows.commands["lesson"]


def test_pace_is_content_not_code(dialogs: Path) -> None:
    lesson = dialogs / "lesson.yaml"
    lesson.write_text(lesson.read_text().replace("chunk_size: 2", "chunk_size: 4"))
    assert load_flows(dialogs).lesson.chunk_size == 4


def test_all_problems_reported_together_with_positions(dialogs: Path) -> None:
    lesson = dialogs / "lesson.yaml"
    text = lesson.read_text()
    text = text.replace("chunk_size: 2", "chunk_size: 0")
    text = text.replace("    - cloze\n", "    - essay\n")
    text = text.replace('correct: "✅ Correct: {answer}."', 'correct: "Yes! {answr}"')
    lesson.write_text(text)
    (dialogs / "errors.yaml").write_text("version: 1\ntexts:\n  apology: Sorry\n  oops: x\n")
    message = problems_of(dialogs)
    lines = text.splitlines()
    chunk_line = next(i for i, line in enumerate(lines, 1) if "chunk_size: 0" in line)
    assert f"lesson.yaml:{chunk_line}:15: settings.chunk_size: must be between 1 and 10" in message
    assert "settings.question_kinds: unknown question kind 'essay'" in message
    assert "texts.correct: unknown placeholder '{answr}' (allowed: answer)" in message
    assert "errors.yaml:4:9: texts.oops: unknown text" in message
    assert message.startswith("4 problem(s)")


def test_missing_text_and_missing_file(dialogs: Path) -> None:
    quick = dialogs / "quick.yaml"
    quick.write_text(
        quick.read_text().replace('  back_to_question: "Back to your question:"\n', "")
    )
    (dialogs / "errors.yaml").unlink()
    message = problems_of(dialogs)
    assert "quick.yaml: texts: missing text 'back_to_question'" in message
    assert "errors.yaml: missing dialog file" in message


def test_invalid_yaml_names_the_line(dialogs: Path) -> None:
    (dialogs / "help.yaml").write_text("version: 1\ntexts:\n  text: [unclosed\n")
    message = problems_of(dialogs)
    assert "help.yaml:4:1: invalid YAML: expected ',' or ']'" in message
    assert message.startswith("1 problem(s)")


def test_bad_command_name_and_unknown_file(dialogs: Path) -> None:
    helpfile = dialogs / "help.yaml"
    helpfile.write_text(helpfile.read_text().replace("  skip:", "  Skip-It:"))
    (dialogs / "lessons.yaml").write_text("version: 1\n")
    message = problems_of(dialogs)
    assert "commands.Skip-It: a command is 1-32 of a-z, 0-9 and _" in message
    assert "lessons.yaml: unknown dialog file" in message


def test_an_alias_must_name_a_listed_command(dialogs: Path) -> None:
    helpfile = dialogs / "help.yaml"
    text = helpfile.read_text()
    assert "  stats: progress\n" in text
    helpfile.write_text(text.replace("  stats: progress\n", "  stats: progres\n"))
    message = problems_of(dialogs)
    line = text.splitlines().index("  stats: progress") + 1
    assert f"help.yaml:{line}" in message
    assert "aliases.stats: 'progres' is not one of the commands above" in message


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match="dialogs folder not found"):
        load_flows(tmp_path / "nope")


def test_the_welcome_example_question_is_required_text(dialogs: Path) -> None:
    onboarding = dialogs / "onboarding.yaml"
    text = onboarding.read_text()
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("example_q"))
    onboarding.write_text(text.replace("example_question: ", "example_question: ''\n# was: "))
    assert f"onboarding.yaml:{line}:19: example_question: empty" in problems_of(dialogs)
    onboarding.write_text("\n".join(r for r in text.splitlines() if "example_q" not in r))
    assert "onboarding.yaml: missing 'example_question'" in problems_of(dialogs)
