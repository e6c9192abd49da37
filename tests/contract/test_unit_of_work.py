"""One transaction per learner event: all or nothing, each update once, datetimes in UTC."""

from __future__ import annotations

import asyncio
from datetime import UTC, date, datetime, timedelta, timezone

import pytest
from sqlalchemy.exc import IntegrityError, StatementError
from store_values import NOW

from clio.core.records import Attempt, Card, Learner
from clio.store import SqlStore


class Boom(Exception):
    pass


async def test_failure_mid_update_leaves_nothing_written(store: SqlStore, learner: Learner) -> None:
    with pytest.raises(Boom):
        async with store.unit_of_work() as uow:
            assert await uow.updates.claim("telegram", 900, now=NOW, learner_id=learner.id)
            await uow.states.save(learner.id, {"schema_version": 1}, expected_version=0, now=NOW)
            await uow.attempts.add(
                Attempt(learner.id, "q1", None, None, "1856", 1.0, "correct", 0, 3.0, NOW)
            )
            await uow.cards.upsert(Card(learner.id, "q1", {"s": 1}, NOW))
            await uow.lessons.advance(learner.id, "t", position=1, completed=False, now=NOW)
            await uow.days.mark(learner.id, date(2026, 3, 1))
            await uow.learners.update(learner.id, time_zone="Asia/Tokyo")
            raise Boom("the core step failed after some writes")
    async with store.unit_of_work() as uow:
        assert await uow.states.load(learner.id) is None
        assert await uow.attempts.for_learner(learner.id) == ()
        assert await uow.cards.get(learner.id, "q1") is None
        assert await uow.lessons.for_learner(learner.id) == ()
        assert await uow.days.list(learner.id) == ()
        assert (await uow.learners.get(learner.id)) == learner
        # The claim was rolled back too, so Telegram's redelivery of 900 will count.
        assert await uow.updates.claim("telegram", 900, now=NOW)


async def test_an_update_is_claimed_once(store: SqlStore, learner: Learner) -> None:
    async with store.unit_of_work() as uow:
        assert await uow.updates.claim("telegram", 1, now=NOW, learner_id=learner.id)
        assert not await uow.updates.claim("telegram", 1, now=NOW)
        assert await uow.updates.claim("console", 1, now=NOW)  # another platform's 1
    async with store.unit_of_work() as uow:
        assert not await uow.updates.claim("telegram", "1", now=NOW)
        assert await uow.updates.claim("telegram", 2, now=NOW)


async def test_concurrent_claims_of_one_update_let_one_through(store: SqlStore) -> None:
    async def claim() -> bool:
        async with store.unit_of_work() as uow:
            return await uow.updates.claim("telegram", 77, now=NOW)

    results = await asyncio.gather(*(claim() for _ in range(4)))
    assert sorted(results) == [False, False, False, True]


async def test_datetimes_come_back_aware_in_utc(store: SqlStore, learner: Learner) -> None:
    tokyo = timezone(timedelta(hours=9))
    due = datetime(2026, 3, 1, 18, 30, 15, 123456, tzinfo=tokyo)
    async with store.unit_of_work() as uow:
        await uow.cards.upsert(Card(learner.id, "x", {}, due))
    async with store.unit_of_work() as uow:
        card = await uow.cards.get(learner.id, "x")
        # 18:30:15 in Tokyo is 09:30:15 UTC: not due at 09:30 UTC, due at 09:31 UTC.
        assert [c.item_id for c in await uow.cards.due(learner.id, NOW, limit=5)] == []
        later = NOW + timedelta(minutes=1)
        assert [c.item_id for c in await uow.cards.due(learner.id, later, limit=5)] == ["x"]
    assert card is not None
    assert card.due == due
    assert card.due.tzinfo == UTC
    assert card.due.hour == 9


async def test_naive_datetimes_are_refused(store: SqlStore, learner: Learner) -> None:
    with pytest.raises(StatementError, match="naive datetime"):
        async with store.unit_of_work() as uow:
            await uow.cards.upsert(Card(learner.id, "x", {}, datetime(2026, 3, 1, 9, 0)))


async def test_records_need_an_existing_learner(store: SqlStore) -> None:
    """Foreign keys hold on both backends (SQLite enforces them only when asked)."""
    with pytest.raises(IntegrityError):
        async with store.unit_of_work() as uow:
            await uow.days.mark(4242, date(2026, 3, 1))


async def test_old_claims_can_be_pruned(store: SqlStore) -> None:
    async with store.unit_of_work() as uow:
        assert await uow.updates.claim("telegram", 1, now=NOW - timedelta(days=3))
        assert await uow.updates.claim("telegram", 2, now=NOW)
    async with store.unit_of_work() as uow:
        assert await uow.updates.prune(before=NOW - timedelta(days=1)) == 1
    async with store.unit_of_work() as uow:
        assert await uow.updates.claim("telegram", 1, now=NOW)
        assert not await uow.updates.claim("telegram", 2, now=NOW)
