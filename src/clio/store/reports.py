"""Class reports: the aggregates of a class's answers, computed by the database.

A class of a thousand learners may have half a million attempts; only sums per learner and
topic, and per question, come back, so a summary costs one scan of the class's attempts
(the attempts' learner index narrows it to the class's members)."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime
from typing import Any

from sqlalchemy import Float, case, cast, func, select
from sqlalchemy.ext.asyncio import AsyncSession

from clio.core.report_data import LessonCount, QuestionStat, TopicActivity
from clio.store.models import ActiveDayRow, AttemptRow, ClassMemberRow, LessonPositionRow


def _credit() -> Any:
    """An answer's credit: its score, or full credit once someone overrode the grading."""
    return func.sum(case((AttemptRow.overridden, 1.0), else_=cast(AttemptRow.score, Float)))


def _in_class(class_id: int) -> Any:
    return select(ClassMemberRow.learner_id).where(ClassMemberRow.class_id == class_id)


class SqlClassReports:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def activity(self, class_id: int, *, recent_since: datetime) -> tuple[TopicActivity, ...]:
        """Per member and topic: answers, credit, distinct facts, recent answers, last answer.

        Two levels, per fact then per topic, instead of COUNT(DISTINCT fact_id): a distinct
        count makes PostgreSQL sort all the class's answers (spilling to disk for half a
        million), while these two groupings are hashed in memory, in parallel."""
        recent = func.sum(case((AttemptRow.answered_at >= recent_since, 1), else_=0))
        per_fact = (
            select(
                AttemptRow.learner_id,
                AttemptRow.topic_id,
                AttemptRow.fact_id,
                func.count().label("answers"),
                _credit().label("credit"),
                recent.label("recent"),
                func.max(AttemptRow.answered_at).label("last"),
            )
            .where(AttemptRow.learner_id.in_(_in_class(class_id)), AttemptRow.topic_id.is_not(None))
            .group_by(AttemptRow.learner_id, AttemptRow.topic_id, AttemptRow.fact_id)
            .subquery()
        )
        found = await self._session.execute(
            select(
                per_fact.c.learner_id,
                per_fact.c.topic_id,
                func.sum(per_fact.c.answers),
                func.sum(per_fact.c.credit),
                func.count(per_fact.c.fact_id),  # one row per fact: distinct already
                func.sum(per_fact.c.recent),
                func.max(per_fact.c.last),
            ).group_by(per_fact.c.learner_id, per_fact.c.topic_id)
        )
        return tuple(
            TopicActivity(
                learner_id=learner,
                topic_id=str(topic),
                answers=int(answers),
                credit=float(credit or 0.0),
                facts_seen=int(facts),
                recent_answers=int(recent_count or 0),
                last_answered_at=last,
            )
            for learner, topic, answers, credit, facts, recent_count, last in found
        )

    async def hardest(
        self, class_id: int, *, min_answers: int, limit: int
    ) -> tuple[QuestionStat, ...]:
        """The questions with the lowest share of credit, among those answered enough."""
        answers = func.count()
        credit = _credit()
        found = await self._session.execute(
            select(AttemptRow.question_id, AttemptRow.fact_id, answers, credit)
            .where(AttemptRow.learner_id.in_(_in_class(class_id)))
            .group_by(AttemptRow.question_id, AttemptRow.fact_id)
            .having(answers >= min_answers)
            .order_by(credit / answers, answers.desc(), AttemptRow.question_id)
            .limit(limit)
        )
        return tuple(
            QuestionStat(question, fact, int(count), float(total or 0.0))
            for question, fact, count, total in found
        )

    async def lessons(self, class_id: int) -> tuple[LessonCount, ...]:
        """Lessons completed, per member and topic (only where at least one was)."""
        found = await self._session.execute(
            select(
                LessonPositionRow.learner_id,
                LessonPositionRow.topic_id,
                LessonPositionRow.completed_lessons,
            ).where(
                LessonPositionRow.learner_id.in_(_in_class(class_id)),
                LessonPositionRow.completed_lessons > 0,
            )
        )
        return tuple(LessonCount(*row) for row in found)

    async def days(self, class_id: int, *, since: date) -> dict[int, tuple[date, ...]]:
        """Each member's active local days from `since` on, earliest first (for streaks)."""
        found = await self._session.execute(
            select(ActiveDayRow.learner_id, ActiveDayRow.day)
            .where(ActiveDayRow.learner_id.in_(_in_class(class_id)), ActiveDayRow.day >= since)
            .order_by(ActiveDayRow.learner_id, ActiveDayRow.day)
        )
        days: defaultdict[int, list[date]] = defaultdict(list)
        for learner, day in found:
            days[learner].append(day)
        return {learner: tuple(found_days) for learner, found_days in days.items()}
