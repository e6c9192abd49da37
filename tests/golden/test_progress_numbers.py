"""The numbers of the last `/progress` in each golden chat, recomputed from what the store
recorded (attempts, overrides, cards), and the attempts matched to the graded lines."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from clio.core.records import Attempt
from clio.core.tutor import Tutor
from clio.store.store import open_store
from golden.harness import GOLDEN_DIR, load_script, run_script, settings_for

GOLDEN_FILES = sorted(GOLDEN_DIR.glob("*.yaml"))
_VERDICT_LINE = re.compile(r"^(✅ Correct|❌ Not quite|🟡 Partly right|Skipped\.)", re.MULTILINE)
_PROGRESS = re.compile(r"^(?P<topic>.+): (\d+)/(\d+) facts seen, (\d+)% correct, (\d+) due — ")


def expected_counts(attempts: tuple[Attempt, ...]) -> tuple[int, float, set[str]]:
    """Answers, credit and facts seen, as a learner would count them: an "I was right"
    override replaces the score of the answer it overrides, and is no answer of its own."""
    answers, credit, last_score = 0, 0.0, 0.0
    for attempt in attempts:
        if attempt.overridden:
            credit += attempt.score - last_score
            continue
        answers += 1
        credit += attempt.score
        last_score = attempt.score
    return answers, credit, {a.fact_id for a in attempts if a.fact_id}


def last_progress_line(transcript: str) -> tuple[int, str]:
    """The event number of the last /progress and its topic line."""
    lines = transcript.splitlines()
    events = [i for i, line in enumerate(lines) if line.startswith("> ")]
    last = max(i for i in events if lines[i] == "> /progress")
    topic_line = next(line for line in lines[last + 1 :] if _PROGRESS.match(line))
    return events.index(last), topic_line


@pytest.mark.parametrize("path", GOLDEN_FILES, ids=[p.stem for p in GOLDEN_FILES])
async def test_progress_numbers_match_the_answers_given(
    path: Path, real_tutor: Tutor, cache_dir: Path, tmp_path: Path
) -> None:
    script = load_script(path)
    settings = settings_for(tmp_path, cache_dir)
    run = await run_script(script, tutor=real_tutor, settings=settings)
    event, shown = last_progress_line(run.transcript)
    at: datetime = run.event_times[event]
    store = await open_store(settings.database_url)
    try:
        async with store.unit_of_work() as uow:
            learner = await uow.learners.find(platform="console", external_id=script.user)
            assert learner is not None
            attempts = await uow.attempts.for_learner(learner.id)
            due = await uow.cards.due(learner.id, at, 10_000)
    finally:
        await store.close()
    before = tuple(a for a in attempts if a.answered_at <= at)
    graded_lines = _VERDICT_LINE.findall(run.transcript)
    assert len([a for a in attempts if not a.overridden]) == len(graded_lines)
    answers, credit, seen = expected_counts(before)
    topic = real_tutor.facts.topics[0]
    total = len(real_tutor.lesson_facts[topic.id])
    accuracy = f"{credit / answers:.0%}" if answers else "0%"
    assert shown.startswith(
        f"{topic.title}: {len(seen)}/{total} facts seen, {accuracy} correct, {len(due)} due — "
    )
