"""Save what core steps recorded (answers, cards, lesson positions, active days)."""

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
from clio.core.records import ActiveDay, Attempt, Card, LessonMove, Review
from clio.core.weekly import next_weekly_time
from clio.service.ports import UnitOfWork
from clio.service.weekly import schedule_of


async def save_records(
    uow: UnitOfWork, recorded: Iterable[tuple[int, Iterable[Record]]], *, now: datetime
) -> None:
    """Save each learner's records (pairs of learner id and what their step recorded) inside
    the events' unit of work, so they commit with the new states. Each kind of record is
    written in one statement, whether one learner's step recorded it or many steps did."""
    attempts: list[Attempt] = []
    cards: list[Card] = []
    reviews: list[Review] = []
    moves: list[LessonMove] = []
    days: list[ActiveDay] = []
    for learner_id, records in recorded:
        for record in records:
            if isinstance(record, AttemptRecord):
                attempts.append(
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
                cards.append(Card(learner_id, record.item_id, record.card, record.due))
                reviews.append(
                    Review(
                        learner_id, record.item_id, record.rating, record.reviewed_at, record.log
                    )
                )
            elif isinstance(record, LessonRecord):
                moves.append(
                    LessonMove(learner_id, record.topic_id, record.position, record.completed)
                )
            elif isinstance(record, ActiveDayRecord):
                days.append(ActiveDay(learner_id, record.day))
            elif isinstance(record, PreferencesRecord):
                await _save_preferences(uow, learner_id, record, now=now)
    await uow.attempts.add_many(attempts)
    await uow.cards.upsert_many(cards)
    await uow.reviews.add_many(reviews)
    await uow.lessons.advance_many(moves, now=now)
    await uow.days.mark_many(days)


async def _save_preferences(
    uow: UnitOfWork, learner_id: int, record: PreferencesRecord, *, now: datetime
) -> None:
    """On the learner's row, with their next daily prompt (and weekly report, for a
    teacher) rescheduled to match."""
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
    # A teacher's weekly report is at their day and time in their zone: follow the new zone.
    weekly = schedule_of(await uow.teachers.get(learner_id))
    if weekly is not None:
        await uow.teachers.schedule(
            learner_id, next_weekly_time(weekly, record.timezone, after=now)
        )
