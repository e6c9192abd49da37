"""Classes and their members: made by a teacher, joined with an invitation code."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from clio.core.records import ClassRoom, Member
from clio.store.models import ClassMemberRow, ClassRow, LearnerRow
from clio.store.upsert import insert


def _rooms() -> Select[ClassRow, int]:
    """Classes with their member counts (a correlated count: classes are few per person)."""
    count = (
        select(func.count())
        .where(ClassMemberRow.class_id == ClassRow.id)
        .correlate(ClassRow)
        .scalar_subquery()
    )
    return select(ClassRow, count)


def _to_room(row: ClassRow, members: int) -> ClassRoom:
    return ClassRoom(
        id=row.id,
        teacher_id=row.teacher_id,
        name=row.name,
        invite_code=row.invite_code,
        created_at=row.created_at,
        members=members,
    )


class SqlClasses:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def create(
        self, *, teacher_id: int, name: str, invite_code: str, now: datetime
    ) -> ClassRoom:
        row = ClassRow(teacher_id=teacher_id, name=name, invite_code=invite_code, created_at=now)
        self._session.add(row)
        await self._session.flush()
        return _to_room(row, 0)

    async def get(self, class_id: int) -> ClassRoom | None:
        return await self._one(_rooms().where(ClassRow.id == class_id))

    async def by_code(self, invite_code: str) -> ClassRoom | None:
        return await self._one(_rooms().where(ClassRow.invite_code == invite_code))

    async def taught_by(self, teacher_id: int) -> tuple[ClassRoom, ...]:
        """The teacher's classes, oldest first."""
        found = await self._session.execute(
            _rooms().where(ClassRow.teacher_id == teacher_id).order_by(ClassRow.id)
        )
        return tuple(_to_room(row, count) for row, count in found)

    async def joined_by(self, learner_id: int) -> tuple[ClassRoom, ...]:
        """The classes the learner is a member of, in the order they joined."""
        found = await self._session.execute(
            _rooms()
            .join(ClassMemberRow, ClassMemberRow.class_id == ClassRow.id)
            .where(ClassMemberRow.learner_id == learner_id)
            .order_by(ClassMemberRow.joined_at, ClassRow.id)
        )
        return tuple(_to_room(row, count) for row, count in found)

    async def rename(self, class_id: int, name: str) -> None:
        await self._session.execute(
            update(ClassRow).where(ClassRow.id == class_id).values(name=name)
        )

    async def set_code(self, class_id: int, invite_code: str) -> None:
        """Replace the invitation: the old code stops working at once."""
        await self._session.execute(
            update(ClassRow).where(ClassRow.id == class_id).values(invite_code=invite_code)
        )

    async def delete(self, class_id: int) -> None:
        """Close the class: its memberships go with it (the foreign key cascades)."""
        await self._session.execute(delete(ClassRow).where(ClassRow.id == class_id))

    async def add_member(self, class_id: int, learner_id: int, *, now: datetime) -> bool:
        """True when the learner was not a member yet."""
        added = await self._session.scalar(
            insert(self._dialect, ClassMemberRow)
            .values(class_id=class_id, learner_id=learner_id, joined_at=now)
            .on_conflict_do_nothing(index_elements=["class_id", "learner_id"])
            .returning(ClassMemberRow.learner_id)
        )
        return added is not None

    async def remove_member(self, class_id: int, learner_id: int) -> bool:
        """True when the learner was a member."""
        removed = await self._session.scalar(
            delete(ClassMemberRow)
            .where(ClassMemberRow.class_id == class_id, ClassMemberRow.learner_id == learner_id)
            .returning(ClassMemberRow.learner_id)
        )
        return removed is not None

    async def members(self, class_id: int) -> tuple[Member, ...]:
        """The class's learners, as the teacher sees them, in the order they joined."""
        found = await self._session.execute(
            select(LearnerRow.id, LearnerRow.display_name, ClassMemberRow.joined_at)
            .join(ClassMemberRow, ClassMemberRow.learner_id == LearnerRow.id)
            .where(ClassMemberRow.class_id == class_id)
            .order_by(ClassMemberRow.joined_at, LearnerRow.id)
        )
        return tuple(Member(*row) for row in found)

    async def _one(self, query: Select[ClassRow, int]) -> ClassRoom | None:
        found = (await self._session.execute(query)).first()
        return None if found is None else _to_room(*found)
