"""Save what a core step recorded (answers, cards, lesson positions, active days)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from clio.core.calendar import next_local_time
from clio.core.outcome import (
    ActiveDayRecord,
    AttemptRecord,
    CardRecord,
    LessonRecord,
    PreferencesRecord,
    Record,
)
from clio.core.records import Attempt, Card, Review
from clio.service.ports import UnitOfWork


async def save_records(
    uow: UnitOfWork, learner_id: int, records: Iterable[Record], *, now: datetime
) -> None:
    """Runs inside the event's unit of work, so the records commit with the new state."""
    for record in records:
        if isinstance(record, AttemptRecord):
            await uow.attempts.add(
                Attempt(
                    learner_id=learner_id,
                    question_id=record.question_id,
                    fact_id=record.fact_id,
                    topic_id=record.topic_id,
                    response=record.response,
                    score=record.score,
                    verdict=record.verdict,
                    hints_used=record.hints,
                    response_seconds=record.seconds,
                    answered_at=now,
                    overridden=record.overridden,
                )
            )
        elif isinstance(record, CardRecord):
            await uow.cards.upsert(Card(learner_id, record.item_id, record.card, record.due))
            await uow.reviews.add(
                Review(learner_id, record.item_id, record.rating, record.reviewed_at, record.log)
            )
        elif isinstance(record, LessonRecord):
            await uow.lessons.advance(
                learner_id,
                record.topic_id,
                position=record.position,
                completed=record.completed,
                now=now,
            )
        elif isinstance(record, ActiveDayRecord):
            await uow.days.mark(learner_id, record.day)
        elif isinstance(record, PreferencesRecord):
            await uow.learners.update(
                learner_id,
                time_zone=record.timezone,
                daily_prompt_time=record.daily_time,
                clear_daily_prompt=record.daily_time is None,
            )
            following = (
                next_local_time(record.daily_time, record.timezone, after=now)
                if record.daily_time
                else None
            )
            await uow.learners.schedule_prompt(learner_id, following)
