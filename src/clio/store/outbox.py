"""The outbox: messages saved in the transaction that caused them, leased and sent later."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from clio.core.messages import Reply, replies_from_json, replies_to_json
from clio.core.records import OutboxMessage
from clio.store.models import OutboxRow


class SqlOutbox:
    def __init__(self, session: AsyncSession, dialect: str) -> None:
        self._session = session
        self._dialect = dialect

    async def add(self, learner_id: int, replies: tuple[Reply, ...], *, now: datetime) -> None:
        self._session.add(
            OutboxRow(
                learner_id=learner_id,
                replies=replies_to_json(replies),
                attempts=0,
                due_at=now,
                created_at=now,
            )
        )
        await self._session.flush()

    async def lease(
        self, now: datetime, *, limit: int, lease: timedelta
    ) -> tuple[OutboxMessage, ...]:
        """Take up to `limit` due messages for `lease`: another sender (another process)
        skips them until then, and a sender that dies lets them come due again."""
        query = (
            select(OutboxRow)
            .where(OutboxRow.due_at <= now)
            .order_by(OutboxRow.due_at, OutboxRow.id)
        )
        query = query.limit(limit)
        if self._dialect == "postgresql":
            query = query.with_for_update(skip_locked=True)
        rows = list(await self._session.scalars(query))
        if rows:
            await self._session.execute(
                update(OutboxRow)
                .where(OutboxRow.id.in_([row.id for row in rows]))
                .values(due_at=now + lease)
            )
        return tuple(
            OutboxMessage(row.id, row.learner_id, replies_from_json(row.replies), row.attempts)
            for row in rows
        )

    async def sent(self, message_id: int) -> None:
        await self._session.execute(delete(OutboxRow).where(OutboxRow.id == message_id))

    async def retry(self, message_id: int, *, at: datetime) -> None:
        await self._session.execute(
            update(OutboxRow)
            .where(OutboxRow.id == message_id)
            .values(due_at=at, attempts=OutboxRow.attempts + 1)
        )

    async def pending(self) -> int:
        rows = await self._session.scalars(select(OutboxRow.id))
        return len(rows.all())
