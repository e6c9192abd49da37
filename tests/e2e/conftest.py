"""Fixtures: a fake Bot API server on loopback and the real Clio Application running on it."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

import pytest
from fake_tutor import TEXTS, QuizTutor
from fakebot import FakeBotApi, FakeUser, Learner, RunBot, StartBot

from clio.adapters.telegram import (
    Backoff,
    BotConfig,
    BotTexts,
    TelegramBot,
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


def fake_config(
    api: FakeBotApi, *, rate_limit: bool = False, token: str | None = None
) -> BotConfig:
    """`clio run`'s configuration pointed at the fake server, with quick retries. The flood
    limits are off unless asked for: their one-second pauses per chat would make every
    conversation test slow (tests of the limits themselves turn them on)."""
    return BotConfig(
        token=api.token if token is None else token,
        api_url=api.base_url,
        backoff=FAST_BACKOFF,
        poll_timeout=1,
        rate_limit=rate_limit,
    )


@pytest.fixture
def bot_config(api: FakeBotApi) -> BotConfig:
    return fake_config(api)


@pytest.fixture
async def run_bot() -> AsyncIterator[RunBot]:
    """`await run_bot(bot, webhook=...)` serves `bot` in the background until the test ends."""
    stop = asyncio.Event()
    tasks: list[asyncio.Task[None]] = []

    async def run(bot: TelegramBot, *, webhook: WebhookConfig | None = None) -> None:
        ready = asyncio.Event()
        tasks.append(asyncio.create_task(bot.serve(stop, webhook=webhook, ready=ready)))
        waiting = asyncio.create_task(ready.wait())
        await asyncio.wait([tasks[-1], waiting], return_when=asyncio.FIRST_COMPLETED)
        if not ready.is_set():
            waiting.cancel()
            await tasks[-1]  # raises what stopped the bot from starting

    yield run
    stop.set()
    for task in tasks:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(task, timeout=10)


@pytest.fixture
def start_bot(api: FakeBotApi, run_bot: RunBot) -> StartBot:
    """`await start_bot(tutoring, texts, webhook=..., rate_limit=..., token=...)`: the adapter
    in front of any tutoring (a scripted one in the adapter tests)."""

    async def start(
        tutoring: Tutoring,
        texts: BotTexts = TEXTS,
        *,
        webhook: WebhookConfig | None = None,
        rate_limit: bool = False,
        token: str | None = None,
    ) -> None:
        config = fake_config(api, rate_limit=rate_limit, token=token)
        await run_bot(build_bot(config, tutoring, texts), webhook=webhook)

    return start


@pytest.fixture
async def quiz_bot(start_bot: StartBot, tutor: QuizTutor) -> QuizTutor:
    await start_bot(tutor)
    return tutor


@pytest.fixture
def learner(api: FakeBotApi) -> Learner:
    return Learner(api, FakeUser(1001, "Ada", "Lovelace"))
