"""README's piped example does what the README says it does, for any seeded chance: the quick
question in the middle of the lesson is answered, the skip is taken, progress is shown."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from clio.core.tutor import Tutor
from golden.harness import REPO, Script, run_script, settings_for

_PIPED = re.compile(r"^printf '(?P<lines>[^']*)' \| \.venv/bin/clio chat$", re.MULTILINE)


def readme_lines() -> list[str]:
    found = _PIPED.search((REPO / "README.md").read_text(encoding="utf-8"))
    assert found is not None, "README.md has no piped `clio chat` example"
    return found["lines"].removesuffix("\\n").split("\\n")


@pytest.mark.parametrize("seed", [1, 2, 3])
async def test_the_readme_example_runs_as_described(
    seed: int, real_tutor: Tutor, cache_dir: Path, tmp_path: Path
) -> None:
    script = Script(
        path=REPO / "README.md",
        user="reader",
        clock=datetime(2026, 11, 26, 15, 0, tzinfo=UTC),
        seed=seed,
        tick=timedelta(seconds=5),
        steps=tuple(readme_lines()),
        transcript=None,
    )
    transcript = (
        await run_script(script, tutor=real_tutor, settings=settings_for(tmp_path, cache_dir))
    ).transcript
    asked = transcript.split("> when did alexander 2 take the crown?\n", 1)[1]
    assert asked.startswith('1855\n"When Alexander II took the crown of Russia in 1855')
    assert "Back to your question:" in asked
    assert "> /skip\nSkipped. The answer was" in transcript
    assert "> /progress\nYour progress\nTreaty of Paris (1856): 1/15 facts seen" in transcript
