"""A learner who blocks Clio is marked inactive; writing again makes them active again."""

from __future__ import annotations

import random
from collections.abc import AsyncIterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from clio.core.messages import CommandMessage, PromptDue
from clio.service.tutoring import Incoming, TutorService
from clio.store.store import SqlStore, open_store
from tutor_samples import T0, make_tutor


@pytest.fixture
async def store(tmp_path: Path) -> AsyncIterator[SqlStore]:
    opened = await open_store(f"sqlite:///{tmp_path / 'clio.db'}")
    yield opened
    await opened.close()


def clock() -> datetime:
    return T0 + timedelta(minutes=1)


async def active(store: SqlStore, user: str) -> bool | None:
    async with store.unit_of_work() as uow:
        learner = await uow.learners.find(platform="telegram", external_id=user)
        return None if learner is None else learner.active


async def test_blocked_learner_is_inactive_until_they_write_again(store: SqlStore) -> None:
    clio = TutorService(
        tutor=make_tutor(), store=store, clock=clock, rng_for=lambda _i: random.Random(1)
    )
    assert await clio.deactivate("telegram", "7") is False  # unknown: nothing to do
    await clio.handle(Incoming("telegram", "7", "Ada", CommandMessage("start"), 1))
    assert await clio.deactivate("telegram", "7") is True
    assert await active(store, "7") is False
    assert await clio.deactivate("telegram", "7") is False  # already inactive
    await clio.handle(Incoming("telegram", "7", "Ada", PromptDue(), None))
    assert await active(store, "7") is False  # a scheduled prompt is not the learner
    await clio.handle(Incoming("telegram", "7", "Ada", CommandMessage("help"), 2))
    assert await active(store, "7") is True
