"""Teachers: when each one's weekly class report is due."""

from __future__ import annotations

from datetime import datetime, time

from sqlalchemy import select, update
from sqlalchemy.ext.asyncio import AsyncSession

from clio.core.records import Teacher
from clio.store.models import TeacherRow
from clio.store.upsert import insert


def _to_teacher(row: TeacherRow) -> Teacher:
    return Teacher(
        learner_id=row.learner_id,
        report_weekday=row.report_weekday,
        report_time=row.report_time,
        next_report_at=row.next_report_at,
    )


class SqlTeachers:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def get(self, learner_id: int) -> Teacher | None:
        row = await self._session.scalar(
            select(TeacherRow)
            .where(TeacherRow.learner_id == learner_id)
            .execution_options(populate_existing=True)
        )
        return None if row is None else _to_teacher(row)

    async def enrol(
        self, learner_id: int, *, weekday: int | None, at: time | None, next_at: datetime | None
    ) -> bool:
        """Make the learner a teacher with this report schedule; False if they already were
        (their schedule is then left as it is)."""
        added = await self._session.scalar(
            insert(self._dialect, TeacherRow)
            .values(
                learner_id=learner_id,
                report_weekday=weekday,
                report_time=at,
                next_report_at=next_at,
            )
            .on_conflict_do_nothing(index_elements=["learner_id"])
            .returning(TeacherRow.learner_id)
        )
        return added is not None

    async def set_schedule(
        self, learner_id: int, *, weekday: int | None, at: time | None, next_at: datetime | None
    ) -> None:
        await self._session.execute(
            update(TeacherRow)
            .where(TeacherRow.learner_id == learner_id)
            .values(report_weekday=weekday, report_time=at, next_report_at=next_at)
        )

    async def schedule(self, learner_id: int, next_at: datetime | None) -> None:
        await self._session.execute(
            update(TeacherRow)
            .where(TeacherRow.learner_id == learner_id)
            .values(next_report_at=next_at)
        )

    async def due(self, now: datetime, *, limit: int) -> tuple[Teacher, ...]:
        """Teachers whose weekly report is due at `now`, longest waiting first."""
        rows = await self._session.scalars(
            select(TeacherRow)
            .where(TeacherRow.next_report_at <= now)
            .order_by(TeacherRow.next_report_at, TeacherRow.learner_id)
            .limit(limit)
        )
        return tuple(_to_teacher(row) for row in rows)
