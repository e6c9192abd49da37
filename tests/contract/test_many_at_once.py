"""The repositories' `*_many` methods, which a group of learners' events uses: each does
what its one-at-a-time twin does, for every item, in one statement."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, timedelta

import pytest
from store_values import NOW

from clio.core.errors import ConcurrentUpdate
from clio.core.records import (
    ActiveDay,
    Attempt,
    Card,
    Learner,
    LessonMove,
    LessonPosition,
    Review,
    StateChange,
    StoredState,
)
from clio.store import SqlStore

MakeLearner = Callable[..., Awaitable[Learner]]


async def test_claim_many_claims_each_update_once(store: SqlStore) -> None:
    async with store.unit_of_work() as uow:
        assert await uow.updates.claim("telegram", 2, now=NOW)
    async with store.unit_of_work() as uow:
        claimed = await uow.updates.claim_many("telegram", [1, 2, "3"], now=NOW)
        assert claimed == {"1", "3"}
        assert await uow.updates.claim_many("console", [1], now=NOW) == {"1"}
        assert await uow.updates.claim_many("telegram", [], now=NOW) == set()
    async with store.unit_of_work() as uow:
        assert await uow.updates.claim_many("telegram", [3, 4], now=NOW) == {"4"}


async def test_find_many_finds_those_that_exist(store: SqlStore, make_learner: MakeLearner) -> None:
    ada, ben = await make_learner("1"), await make_learner("2")
    async with store.unit_of_work() as uow:
        found = await uow.learners.find_many(
            platform="telegram", external_ids=["2", "1", "9"], for_update=True
        )
        assert found == {"1": ada, "2": ben}
        assert await uow.learners.find_many(platform="console", external_ids=["1"]) == {}
        assert await uow.learners.find_many(platform="telegram", external_ids=[]) == {}


async def test_load_many_loads_saved_states(store: SqlStore, make_learner: MakeLearner) -> None:
    ada, ben, cy = await make_learner("1"), await make_learner("2"), await make_learner("3")
    async with store.unit_of_work() as uow:
        await uow.states.save(ada.id, {"schema_version": 1, "n": 1}, expected_version=0, now=NOW)
        await uow.states.save(ben.id, {"schema_version": 1, "n": 2}, expected_version=0, now=NOW)
    async with store.unit_of_work() as uow:
        loaded = await uow.states.load_many([ada.id, ben.id, cy.id])
        assert loaded == {
            ada.id: await uow.states.load(ada.id),
            ben.id: await uow.states.load(ben.id),
        }
        assert loaded[ben.id].state == {"schema_version": 1, "n": 2}
        assert await uow.states.load_many([]) == {}


async def test_records_of_several_learners_at_once(
    store: SqlStore, make_learner: MakeLearner
) -> None:
    ada, ben = await make_learner("1"), await make_learner("2")
    attempts = [
        Attempt(learner.id, "q1", "f1", "t", "1856", 1.0, "correct", 0, 3.0, NOW)
        for learner in (ada, ben)
    ]
    later = NOW + timedelta(days=1)
    # One learner's card twice in one go: the last one stands, as with two upserts.
    cards = [
        Card(ada.id, "q1", {"s": 1}, NOW),
        Card(ben.id, "q1", {}, NOW),
        Card(ada.id, "q1", {"s": 2}, later),
    ]
    reviews = [Review(ada.id, "q1", 3, NOW, {"d": 1}), Review(ben.id, "q1", 1, NOW, {})]
    moves = [
        LessonMove(ada.id, "t", 3, True),
        LessonMove(ben.id, "t", 1, False),
        LessonMove(ada.id, "t", 4, True),
    ]
    days = [
        ActiveDay(ada.id, date(2026, 3, 1)),
        ActiveDay(ben.id, date(2026, 3, 1)),
        ActiveDay(ada.id, date(2026, 3, 1)),
    ]
    async with store.unit_of_work() as uow:
        await uow.attempts.add_many(attempts)
        await uow.cards.upsert_many(cards)
        await uow.reviews.add_many(reviews)
        await uow.lessons.advance_many(moves, now=NOW)
        await uow.days.mark_many(days)
        for empty in (
            uow.attempts.add_many,
            uow.cards.upsert_many,
            uow.reviews.add_many,
            uow.days.mark_many,
        ):
            await empty([])
        await uow.lessons.advance_many([], now=NOW)
    async with store.unit_of_work() as uow:
        for learner, attempt in zip((ada, ben), attempts, strict=True):
            (stored,) = await uow.attempts.for_learner(learner.id)
            assert stored.id is not None and stored.response == attempt.response
        assert await uow.cards.get(ada.id, "q1") == Card(ada.id, "q1", {"s": 2}, later)
        assert await uow.cards.get(ben.id, "q1") == Card(ben.id, "q1", {}, NOW)
        assert await uow.reviews.for_learner(ada.id) == (reviews[0],)
        assert await uow.reviews.for_learner(ben.id) == (reviews[1],)
        assert await uow.lessons.for_learner(ada.id) == (LessonPosition(ada.id, "t", 4, 2, NOW),)
        assert await uow.lessons.for_learner(ben.id) == (LessonPosition(ben.id, "t", 1, 0, NOW),)
        assert await uow.days.list(ada.id) == (date(2026, 3, 1),)
        assert await uow.days.list(ben.id) == (date(2026, 3, 1),)


async def test_save_many_saves_first_and_later_states_by_compare_and_swap(
    store: SqlStore, make_learner: MakeLearner
) -> None:
    ada, ben, cy = await make_learner("1"), await make_learner("2"), await make_learner("3")
    async with store.unit_of_work() as uow:
        await uow.states.save(ada.id, {"schema_version": 1, "n": 0}, expected_version=0, now=NOW)
    later = NOW + timedelta(minutes=1)
    async with store.unit_of_work() as uow:
        await uow.states.save_many(
            [
                StateChange(ada.id, {"schema_version": 1, "n": 1, "é": [1, {"x": None}]}, 1),
                StateChange(ben.id, {"schema_version": 2, "n": 1}, 0),
            ],
            now=later,
        )
        await uow.states.save_many([], now=later)
    async with store.unit_of_work() as uow:
        saved = await uow.states.load_many([ada.id, ben.id, cy.id])
    assert saved == {
        ada.id: StoredState(
            ada.id, {"schema_version": 1, "n": 1, "é": [1, {"x": None}]}, 1, 2, later
        ),
        ben.id: StoredState(ben.id, {"schema_version": 2, "n": 1}, 2, 1, later),
    }


@pytest.mark.parametrize("stale", ["update", "insert"])
async def test_save_many_refuses_when_any_state_moved(
    store: SqlStore, make_learner: MakeLearner, stale: str
) -> None:
    ada, ben = await make_learner("1"), await make_learner("2")
    async with store.unit_of_work() as uow:
        await uow.states.save(ada.id, {"schema_version": 1}, expected_version=0, now=NOW)
        await uow.states.save(ben.id, {"schema_version": 1}, expected_version=0, now=NOW)
        await uow.states.save(ben.id, {"schema_version": 1}, expected_version=1, now=NOW)
    moved = StateChange(ben.id, {"schema_version": 1, "lost": True}, 1 if stale == "update" else 0)
    with pytest.raises(ConcurrentUpdate):
        async with store.unit_of_work() as uow:
            await uow.states.save_many(
                [StateChange(ada.id, {"schema_version": 1, "n": 1}, 1), moved], now=NOW
            )
    async with store.unit_of_work() as uow:
        kept = await uow.states.load_many([ada.id, ben.id])
    assert (kept[ada.id].version, kept[ben.id].version) == (1, 2)
    assert "lost" not in kept[ben.id].state
