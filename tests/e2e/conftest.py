"""Fixtures: a fake Bot API server on loopback and the real Clio Application running on it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from fake_tutor import TEXTS, QuizTutor
from fakebot import FakeBotApi, FakeUser, Learner, StartBot

from clio.adapters.telegram import (
    Backoff,
    BotConfig,
    BotTexts,
    Tutoring,
    WebhookConfig,
    build_bot,
)

FAST_BACKOFF = Backoff(attempts=4, first=0.01)


@pytest.fixture
async def api() -> AsyncIterator[FakeBotApi]:
    async with FakeBotApi() as server:
        yield server


@pytest.fixture
def tutor() -> QuizTutor:
    return QuizTutor()


@pytest.fixture
async def start_bot(api: FakeBotApi) -> AsyncIterator[StartBot]:
    """`await start_bot(tutoring, texts, webhook=...)` runs the bot `clio run` runs, pointed at
    the fake server, until the test ends. The flood limits are off unless asked for: their
    one-second pauses per chat would make every conversation test slow (tests of the
    limits themselves turn them on)."""
    stop = asyncio.Event()
    tasks: list[asyncio.Task[None]] = []

    async def start(
        tutoring: Tutoring,
        texts: BotTexts = TEXTS,
        *,
        webhook: WebhookConfig | None = None,
        rate_limit: bool = False,
        token: str | None = None,
    ) -> None:
        config = BotConfig(
            token=api.token if token is None else token,
            api_url=api.base_url,
            backoff=FAST_BACKOFF,
            poll_timeout=1,
            rate_limit=rate_limit,
        )
        bot = build_bot(config, tutoring, texts)
        ready = asyncio.Event()
        tasks.append(asyncio.create_task(bot.serve(stop, webhook=webhook, ready=ready)))
        waiting = asyncio.create_task(ready.wait())
        await asyncio.wait([tasks[-1], waiting], return_when=asyncio.FIRST_COMPLETED)
        if not ready.is_set():
            waiting.cancel()
            await tasks[-1]  # raises what stopped the bot from starting

    yield start
    stop.set()
    for task in tasks:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, timeout=10)


@pytest.fixture
async def quiz_bot(start_bot: StartBot, tutor: QuizTutor) -> QuizTutor:
    await start_bot(tutor)
    return tutor


@pytest.fixture
def learner(api: FakeBotApi) -> Learner:
    return Learner(api, FakeUser(1001, "Ada", "Lovelace"))
