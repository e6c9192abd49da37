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
