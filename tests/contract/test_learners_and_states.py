"""Learners and their dialog state: round trips, compare-and-swap, serialisation per learner."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import time, timedelta

import pytest
from store_values import NOW

from clio.core.errors import ConcurrentUpdate
from clio.core.records import Learner
from clio.store import SqlStore


async def test_get_or_create_creates_once_per_platform_and_id(store: SqlStore) -> None:
    async with store.unit_of_work() as uow:
        first = await uow.learners.get_or_create(
            platform="telegram", external_id="7", display_name="Ada", now=NOW
        )
        again = await uow.learners.get_or_create(
            platform="telegram", external_id="7", display_name="Ada L.", now=NOW
        )
        other = await uow.learners.get_or_create(
            platform="console", external_id="7", display_name="Ada", now=NOW
        )
    assert again == first
    assert other.id != first.id
    assert (first.time_zone, first.daily_prompt_time, first.active) == ("UTC", None, True)
    assert first.created_at == NOW


async def test_learner_update_find_and_active(store: SqlStore, learner: Learner) -> None:
    async with store.unit_of_work() as uow:
        await uow.learners.update(
            learner.id, time_zone="Europe/Paris", daily_prompt_time=time(18, 30)
        )
    async with store.unit_of_work() as uow:
        found = await uow.learners.find(platform="telegram", external_id=learner.external_id)
        assert found is not None
        assert (found.time_zone, found.daily_prompt_time) == ("Europe/Paris", time(18, 30))
        assert await uow.learners.active() == (found,)
        await uow.learners.update(learner.id, active=False, clear_daily_prompt=True)
    async with store.unit_of_work() as uow:
        gone = await uow.learners.get(learner.id)
        assert gone is not None
        assert (gone.active, gone.daily_prompt_time) == (False, None)
        assert await uow.learners.active() == ()
        assert await uow.learners.get(learner.id + 1000) is None


async def test_state_round_trip_and_versions(store: SqlStore, learner: Learner) -> None:
    state = {"schema_version": 2, "flow": "lesson", "step": "q3", "seen": ["a", "b"]}
    async with store.unit_of_work() as uow:
        assert await uow.states.load(learner.id) is None
        assert await uow.states.save(learner.id, state, expected_version=0, now=NOW) == 1
    later = NOW + timedelta(minutes=5)
    async with store.unit_of_work() as uow:
        loaded = await uow.states.load(learner.id)
        assert loaded is not None
        assert (loaded.state, loaded.schema_version, loaded.version) == (state, 2, 1)
        assert loaded.updated_at == NOW
        moved = {**state, "step": "q4"}
        assert await uow.states.save(learner.id, moved, expected_version=1, now=later) == 2
    async with store.unit_of_work() as uow:
        loaded = await uow.states.load(learner.id)
        assert loaded is not None
        assert (loaded.state["step"], loaded.version, loaded.updated_at) == ("q4", 2, later)


@pytest.mark.parametrize("expected", [0, 1, 3])
async def test_save_with_a_stale_version_is_refused(
    store: SqlStore, learner: Learner, expected: int
) -> None:
    state = {"schema_version": 1, "step": "start"}
    async with store.unit_of_work() as uow:
        await uow.states.save(learner.id, state, expected_version=0, now=NOW)
        await uow.states.save(learner.id, state, expected_version=1, now=NOW)  # now at 2
    with pytest.raises(ConcurrentUpdate):
        async with store.unit_of_work() as uow:
            await uow.states.save(
                learner.id, {**state, "step": "lost"}, expected_version=expected, now=NOW
            )
    async with store.unit_of_work() as uow:
        kept = await uow.states.load(learner.id)
    assert kept is not None
    assert (kept.version, kept.state["step"]) == (2, "start")


async def test_state_needs_an_integer_schema_version(store: SqlStore, learner: Learner) -> None:
    with pytest.raises(ValueError, match="schema_version"):
        async with store.unit_of_work() as uow:
            await uow.states.save(learner.id, {"step": "x"}, expected_version=0, now=NOW)


async def test_two_units_for_one_learner_run_one_after_the_other(
    store: SqlStore, learner: Learner
) -> None:
    """The second unit's row lock waits for the first to commit, so it sees the first's
    save and its own compare-and-swap succeeds; without the lock it would read version 0
    and lose."""
    first_loaded = asyncio.Event()
    second_started = asyncio.Event()

    async def handle(step: str, *, first: bool) -> int:
        if not first:
            second_started.set()
        async with store.unit_of_work() as uow:
            await uow.learners.get(learner.id, for_update=True)
            loaded = await uow.states.load(learner.id)
            if first:
                first_loaded.set()
                await second_started.wait()
                await asyncio.sleep(0.2)  # give the second unit time to reach its load
            version = 0 if loaded is None else loaded.version
            state = {
                "schema_version": 1,
                "steps": [*(loaded.state["steps"] if loaded else []), step],
            }
            return await uow.states.save(learner.id, state, expected_version=version, now=NOW)

    first = asyncio.create_task(handle("one", first=True))
    await first_loaded.wait()
    second = asyncio.create_task(handle("two", first=False))
    assert await asyncio.gather(first, second) == [1, 2]
    async with store.unit_of_work() as uow:
        final = await uow.states.load(learner.id)
    assert final is not None
    assert final.state["steps"] == ["one", "two"]


async def test_two_learners_get_their_own_state(
    store: SqlStore, make_learner: Callable[..., Awaitable[Learner]]
) -> None:
    ada, ben = await make_learner("1"), await make_learner("2")
    async with store.unit_of_work() as uow:
        await uow.states.save(
            ada.id, {"schema_version": 1, "who": "ada"}, expected_version=0, now=NOW
        )
        await uow.states.save(
            ben.id, {"schema_version": 1, "who": "ben"}, expected_version=0, now=NOW
        )
    async with store.unit_of_work() as uow:
        states = [await uow.states.load(learner.id) for learner in (ada, ben)]
    assert [s.state["who"] for s in states if s is not None] == ["ada", "ben"]


@pytest.mark.parametrize("zone", ["Mars/Olympus", "Europe/../etc", ""])
async def test_unknown_time_zones_are_refused(store: SqlStore, learner: Learner, zone: str) -> None:
    with pytest.raises(ValueError, match="time zone"):
        async with store.unit_of_work() as uow:
            await uow.learners.update(learner.id, time_zone=zone)
