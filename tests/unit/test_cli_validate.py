"""`clio validate` on the bundled content, and on content whose welcome offers an example
question the seeds do not answer (a copy of dialogs/, never the project's)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from clio.cli import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLIO_CACHE_DIR", str(tmp_path / "cache"))


def test_bundled_content_validates(capsys: pytest.CaptureFixture[str]) -> None:
    args = ["validate", "--seeds", str(ROOT / "seeds"), "--dialogs", str(ROOT / "dialogs")]
    assert main(args) == 0
    assert capsys.readouterr().out.startswith("ok: ")


@pytest.mark.parametrize(
    ("example", "why"),
    [
        ("What is the capital of Japan?", "(they abstain)"),
        # Only captions mention the treaty's year: offered as the closest, not an answer.
        ("When was the Treaty of Paris signed?", "(they only offer the closest sentence: "),
    ],
)
def test_an_example_question_the_seeds_do_not_answer_fails(
    example: str, why: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    dialogs = tmp_path / "dialogs"
    shutil.copytree(ROOT / "dialogs", dialogs)
    onboarding = dialogs / "onboarding.yaml"
    text = onboarding.read_text()
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row.startswith("example_q"))
    onboarding.write_text(
        "\n".join(
            f'example_question: "{example}"' if row.startswith("example_q") else row
            for row in text.splitlines()
        )
    )
    assert main(["validate", "--seeds", str(ROOT / "seeds"), "--dialogs", str(dialogs)]) == 1
    error = capsys.readouterr().err
    assert f"{onboarding}:{line}:19: example_question: the seeds do not answer" in error
    assert f"{example!r} {why}" in error
