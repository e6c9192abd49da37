"""What a learner did: answers (attempts), card reviews, and the days they were active."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from functools import cache

from sqlalchemy import Executable, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from clio.core.records import ActiveDay, Attempt, Review
from clio.store import sql
from clio.store.models import ActiveDayRow, AttemptRow, ReviewLogRow
from clio.store.upsert import insert as upsert

_ADD_ATTEMPT = insert(sql.attempts)
_ADD_ATTEMPT_FOR_ID = _ADD_ATTEMPT.returning(sql.attempts.c.id)
_ADD_REVIEW = insert(sql.reviews)


@cache
def _mark_day(dialect: str) -> Executable:
    return (
        upsert(dialect, sql.days)
        .on_conflict_do_nothing(index_elements=["learner_id", "day"])
        .returning(sql.days.c.day)
    )


@cache
def _mark_days(dialect: str) -> Executable:
    # No RETURNING: several rows then run as one executemany, not one statement per row.
    return upsert(dialect, sql.days).on_conflict_do_nothing(index_elements=["learner_id", "day"])


def _to_attempt(row: AttemptRow) -> Attempt:
    return Attempt(
        id=row.id,
        learner_id=row.learner_id,
        question_id=row.question_id,
        fact_id=row.fact_id,
        topic_id=row.topic_id,
        response=row.response,
        score=row.score,
        verdict=row.verdict,
        hints_used=row.hints_used,
        response_seconds=row.response_seconds,
        overridden=row.overridden,
        answered_at=row.answered_at,
    )


def _attempt_values(attempt: Attempt) -> dict[str, object]:
    return {
        "learner_id": attempt.learner_id,
        "question_id": attempt.question_id,
        "fact_id": attempt.fact_id,
        "topic_id": attempt.topic_id,
        "response": attempt.response,
        "score": attempt.score,
        "verdict": attempt.verdict,
        "hints_used": attempt.hints_used,
        "response_seconds": attempt.response_seconds,
        "overridden": attempt.overridden,
        "answered_at": attempt.answered_at,
    }


class SqlAttempts:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, attempt: Attempt) -> int:
        """Record the attempt (its `id` is ignored); return the id it was given."""
        added = await sql.execute(self._session, _ADD_ATTEMPT_FOR_ID, _attempt_values(attempt))
        return int(added.scalar_one())

    async def add_many(self, attempts: Sequence[Attempt]) -> None:
        """Record the attempts in one statement (several learners' at once, say)."""
        if attempts:
            await sql.execute(self._session, _ADD_ATTEMPT, [_attempt_values(a) for a in attempts])

    async def for_learner(
        self, learner_id: int, *, since: datetime | None = None
    ) -> tuple[Attempt, ...]:
        """The learner's attempts, oldest first (only those at or after `since` if given)."""
        query = select(AttemptRow).where(AttemptRow.learner_id == learner_id)
        if since is not None:
            query = query.where(AttemptRow.answered_at >= since)
        rows = await self._session.scalars(query.order_by(AttemptRow.answered_at, AttemptRow.id))
        return tuple(_to_attempt(row) for row in rows)

    async def override(self, attempt_id: int) -> None:
        """Mark an attempt as overridden (a learner or teacher said the grading was wrong)."""
        await self._session.execute(
            update(AttemptRow).where(AttemptRow.id == attempt_id).values(overridden=True)
        )


class SqlReviews:
    def __init__(self, session: AsyncSession) -> None:
        self._session = session

    async def add(self, review: Review) -> None:
        await self.add_many([review])

    async def add_many(self, reviews: Sequence[Review]) -> None:
        """Record the reviews in one statement."""
        if not reviews:
            return
        values = [
            {
                "learner_id": review.learner_id,
                "item_id": review.item_id,
                "rating": review.rating,
                "reviewed_at": review.reviewed_at,
                "log": dict(review.log),
            }
            for review in reviews
        ]
        await sql.execute(self._session, _ADD_REVIEW, values)

    async def for_learner(self, learner_id: int) -> tuple[Review, ...]:
        """The learner's reviews, oldest first."""
        rows = await self._session.scalars(
            select(ReviewLogRow)
            .where(ReviewLogRow.learner_id == learner_id)
            .order_by(ReviewLogRow.reviewed_at, ReviewLogRow.id)
        )
        return tuple(
            Review(
                learner_id=row.learner_id,
                item_id=row.item_id,
                rating=row.rating,
                reviewed_at=row.reviewed_at,
                log=row.log,
            )
            for row in rows
        )


class SqlDays:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def mark(self, learner_id: int, day: date) -> bool:
        """Note the learner was active on `day` (their local date); False if already noted."""
        marked = await sql.execute(
            self._session, _mark_day(self._dialect), {"learner_id": learner_id, "day": day}
        )
        return marked.first() is not None

    async def mark_many(self, days: Sequence[ActiveDay]) -> None:
        """Note each learner active on their day, in one statement (noted ones stay)."""
        if days:
            values = [{"learner_id": day.learner_id, "day": day.day} for day in days]
            await sql.execute(self._session, _mark_days(self._dialect), values)

    async def list(self, learner_id: int) -> tuple[date, ...]:
        """The days the learner was active, earliest first."""
        days = await self._session.scalars(
            select(ActiveDayRow.day)
            .where(ActiveDayRow.learner_id == learner_id)
            .order_by(ActiveDayRow.day)
        )
        return tuple(days)
