"""The service over a real SQLite store: one transaction per event, once per update,
and a conversation that survives a restart."""

from __future__ import annotations

import asyncio
import random
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clio.core.messages import CommandMessage, TextMessage
from clio.core.tutor import Tutor
from clio.service.tutoring import Incoming, TutorService
from clio.store.store import SqlStore, open_store
from tutor_samples import T0, make_tutor


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=5)
        return self.now


@pytest.fixture
def tutor() -> Tutor:
    return make_tutor()


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqlStore]:
    opened = await open_store(f"sqlite:///{tmp_path / 'clio.db'}")
    yield opened
    await opened.close()


def service(tutor: Tutor, store: SqlStore) -> TutorService:
    return TutorService(
        tutor=tutor, store=store, clock=Clock(), rng_for=lambda _incoming: random.Random(3)
    )


def message(event: object, update_id: int | None = None, user: str = "ada") -> Incoming:
    return Incoming("test", user, user.title(), event, update_id)  # type: ignore[arg-type]


async def test_a_repeated_update_counts_once(tutor: Tutor, store: SqlStore) -> None:
    clio = service(tutor, store)
    await clio.handle(message(CommandMessage("lesson"), 1))
    first = await clio.handle(message(TextMessage("1855"), 2))
    again = await clio.handle(message(TextMessage("1855"), 2))
    assert first and again == ()
    async with store.unit_of_work() as uow:
        learner = await uow.learners.find(platform="test", external_id="ada")
        assert learner is not None
        attempts = await uow.attempts.for_learner(learner.id)
    assert len(attempts) == 1


async def test_conversation_resumes_after_a_restart(tmp_path: Path, tutor: Tutor) -> None:
    url = f"sqlite:///{tmp_path / 'clio.db'}"
    first_store = await open_store(url)
    replies = await service(tutor, first_store).handle(message(CommandMessage("lesson"), 1))
    question = replies[-1].text
    await first_store.close()  # the process dies here

    second_store = await open_store(url)
    try:
        replies = await service(tutor, second_store).handle(message(CommandMessage("lesson"), 2))
    finally:
        await second_store.close()
    assert "Welcome back" in replies[0].text
    assert replies[-1].text == question


async def test_failure_mid_event_leaves_nothing_half_written(
    tutor: Tutor, store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    clio = service(tutor, store)
    await clio.handle(message(CommandMessage("lesson"), 1))

    async def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr("clio.service.tutoring.save_records", broken)
    with pytest.raises(RuntimeError):
        await clio.handle(message(TextMessage("1855"), 2))
    monkeypatch.undo()
    async with store.unit_of_work() as uow:
        learner = await uow.learners.find(platform="test", external_id="ada")
        assert learner is not None
        assert await uow.attempts.for_learner(learner.id) == ()
        stored = await uow.states.load(learner.id)
    assert stored is not None and stored.state["pending"] is not None
    # The learner can go on: the same update is not marked handled, so a retry works.
    assert await clio.handle(message(TextMessage("1855"), 2))


async def test_one_learners_events_are_serialised(tutor: Tutor, store: SqlStore) -> None:
    clio = service(tutor, store)
    await clio.handle(message(CommandMessage("lesson"), 1))
    results = await asyncio.gather(
        *(clio.handle(message(TextMessage("who was palmerston?"), 10 + i)) for i in range(5))
    )
    assert all(results)
    async with store.unit_of_work() as uow:
        learner = await uow.learners.find(platform="test", external_id="ada")
        assert learner is not None
        stored = await uow.states.load(learner.id)
    assert stored is not None and stored.version == 6


def counting(store: SqlStore) -> list[int]:
    """Counts the units of work the store hands out (one entry each)."""
    opened: list[int] = []
    unit_of_work = store.unit_of_work

    def counted():  # type: ignore[no-untyped-def]
        opened.append(1)
        return unit_of_work()

    store.unit_of_work = counted  # type: ignore[method-assign]
    return opened


async def test_learners_writing_at_once_share_units_of_work_and_get_what_they_would_alone(
    tutor: Tutor, store: SqlStore, tmp_path: Path
) -> None:
    names = [f"learner{n}" for n in range(8)]
    session = [
        CommandMessage("lesson"),
        TextMessage("1856"),
        TextMessage("1855"),
        CommandMessage("progress"),
    ]

    def fixed_clock() -> datetime:
        return T0

    def rng(_incoming: Incoming) -> random.Random:
        return random.Random(3)

    alone_store = await open_store(f"sqlite:///{tmp_path / 'alone.db'}")
    try:
        alone = TutorService(tutor=tutor, store=alone_store, clock=fixed_clock, rng_for=rng)
        expected = {
            name: [
                await alone.handle(message(event, n * 100 + k, name))
                for k, event in enumerate(session)
            ]
            for n, name in enumerate(names)
        }
    finally:
        await alone_store.close()

    together = TutorService(tutor=tutor, store=store, clock=fixed_clock, rng_for=rng)
    opened = counting(store)

    async def converse(n: int, name: str) -> list[tuple[object, ...]]:
        return [
            await together.handle(message(event, n * 100 + k, name))
            for k, event in enumerate(session)
        ]

    got = await asyncio.gather(*(converse(n, name) for n, name in enumerate(names)))
    assert dict(zip(names, got, strict=True)) == expected
    assert len(opened) < len(names) * len(session) / 2  # 32 events, in a handful of groups


async def test_an_event_that_fails_in_a_group_fails_alone(
    tutor: Tutor, store: SqlStore, monkeypatch: pytest.MonkeyPatch
) -> None:
    clio = service(tutor, store)
    from clio.service import tutoring

    real_step = tutoring.step

    def step(tutor: Tutor, state, event, **kwargs):  # type: ignore[no-untyped-def]
        if event == TextMessage("boom"):
            raise RuntimeError("a bug this event trips")
        return real_step(tutor, state, event, **kwargs)

    monkeypatch.setattr(tutoring, "step", step)
    opened = counting(store)
    results = await asyncio.gather(
        clio.handle(message(CommandMessage("lesson"), 1, "ada")),
        clio.handle(message(TextMessage("boom"), 2, "ben")),
        clio.handle(message(CommandMessage("lesson"), 3, "cy")),
        clio.handle(message(CommandMessage("lesson"), 4, "dee")),
        return_exceptions=True,
    )
    assert isinstance(results[1], RuntimeError)
    assert all(
        isinstance(replies, tuple) and replies for replies in (results[0], results[2], results[3])
    )
    assert len(opened) > 1  # the group failed, then each went alone
    async with store.unit_of_work() as uow:
        ben = await uow.learners.find(platform="test", external_id="ben")
        assert ben is None or await uow.states.load(ben.id) is None
        for name in ("ada", "cy", "dee"):
            learner = await uow.learners.find(platform="test", external_id=name)
            assert learner is not None and await uow.states.load(learner.id) is not None
    # ben can go on, and the update that failed was not marked handled.
    monkeypatch.undo()
    assert await clio.handle(message(TextMessage("boom"), 2, "ben"))


async def test_a_mistyped_class_command_is_offered_though_not_in_the_menu(
    tutor: Tutor, store: SqlStore
) -> None:
    assert "rename" not in tutor.flows.commands
    replies = await service(tutor, store).handle(message(CommandMessage("renmae", "1 9B")))
    assert replies[0].text.startswith("I don't know the command /renmae. Did you mean /rename?")
