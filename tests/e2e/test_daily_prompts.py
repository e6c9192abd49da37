"""Daily prompts through `clio run`'s bot: sent to the learner's chat at their time, and a
learner who blocked the bot is marked inactive and not prompted again."""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from fakebot import FakeBotApi, Learner, RunBot

from clio.adapters.telegram import BotConfig, TelegramBot
from clio.bootstrap import build_service
from clio.commands.run import prompt_loop, telegram_bot
from clio.service.outbox import Delivery
from clio.service.prompts import PromptTicker
from clio.service.tutoring import TutorService
from clio.settings import Secret, Settings, TelegramSettings

ROOT = Path(__file__).resolve().parents[2]


class Clock:
    def __init__(self) -> None:
        self.now = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
async def service(tmp_path: Path, clock: Clock) -> AsyncIterator[TutorService]:
    settings = Settings.from_env(
        {
            "CLIO_SEEDS_DIR": str(ROOT / "seeds"),
            "CLIO_DIALOGS_DIR": str(ROOT / "dialogs"),
            "CLIO_CACHE_DIR": str(tmp_path / "cache"),
            "CLIO_DATA_DIR": str(tmp_path),
            "CLIO_DATABASE_URL": f"sqlite:///{tmp_path / 'clio.db'}",
        }
    )
    built = await build_service(settings, clock=clock)
    yield built
    await built.close()


@pytest.fixture
async def bot(
    api: FakeBotApi, service: TutorService, bot_config: BotConfig, run_bot: RunBot
) -> TelegramBot:
    telegram = TelegramSettings(Secret(api.token), api.base_url, Secret(""))
    running = telegram_bot(service, telegram, bot_config)
    await run_bot(running)
    return running


async def sign_up_for_daily_prompts(learner: Learner) -> None:
    await learner.say("/start")
    [offer] = [s for s in learner.messages() if "Yes, daily at 18:00" in dict(s.buttons)]
    await learner.press(offer, "Yes, daily at 18:00")


async def test_a_due_prompt_reaches_the_learners_chat(
    api: FakeBotApi, service: TutorService, bot: TelegramBot, clock: Clock, learner: Learner
) -> None:
    await sign_up_for_daily_prompts(learner)
    ticker = PromptTicker(service=service, store=service.store, send=bot.deliver)
    assert await ticker.tick() == Counter()  # 10:00: nobody is due yet
    before = len(learner.messages())
    clock.now = datetime(2026, 11, 26, 18, 0, 30, tzinfo=UTC)
    assert await ticker.tick() == Counter({Delivery.SENT: 1})
    prompt = learner.messages()[before:]
    assert prompt and all(s.chat_id == learner.user.id for s in prompt)
    assert await ticker.tick() == Counter()  # once per local day


async def test_a_blocked_learner_is_not_prompted_again(
    api: FakeBotApi, service: TutorService, bot: TelegramBot, clock: Clock, learner: Learner
) -> None:
    await sign_up_for_daily_prompts(learner)
    ticker = PromptTicker(service=service, store=service.store, send=bot.deliver)
    clock.now = datetime(2026, 11, 26, 18, 0, 30, tzinfo=UTC)
    api.fail("sendMessage", 403)
    assert await ticker.tick() == Counter({Delivery.BLOCKED: 1})
    clock.now += timedelta(days=1)
    assert await ticker.tick() == Counter()
    async with service.store.unit_of_work() as uow:
        found = await uow.learners.find(platform="telegram", external_id=str(learner.user.id))
    assert found is not None and not found.active


async def test_the_prompt_loop_ticks_until_stopped() -> None:
    ticks: list[int] = []

    class Ticker:
        async def tick(self) -> Counter[Delivery]:
            ticks.append(1)
            if len(ticks) == 2:
                raise RuntimeError("one bad tick")  # logged; the loop goes on
            return Counter()

    ready, stop = asyncio.Event(), asyncio.Event()
    loop = asyncio.create_task(prompt_loop([Ticker()], ready=ready, stop=stop, every=0.01))  # type: ignore[arg-type]
    await asyncio.sleep(0.05)
    assert ticks == []  # nothing before the bot is ready
    ready.set()
    await asyncio.sleep(0.2)
    stop.set()
    await asyncio.wait_for(loop, 1)
    assert len(ticks) >= 3


async def test_daily_set_to_the_next_minute_arrives_in_that_minute(
    api: FakeBotApi, service: TutorService, bot: TelegramBot, clock: Clock, learner: Learner
) -> None:
    assert "Time zone set to UTC" in (await learner.say("/timezone UTC"))[0].text
    assert "Daily history prompts at 10:01" in (await learner.say("/daily 10:01"))[0].text
    ticker = PromptTicker(service=service, store=service.store, send=bot.deliver)
    clock.now = datetime(2026, 11, 26, 10, 0, 59, tzinfo=UTC)
    assert await ticker.tick() == Counter()
    before = len(learner.messages())
    clock.now = datetime(2026, 11, 26, 10, 1, 0, tzinfo=UTC)
    assert await ticker.tick() == Counter({Delivery.SENT: 1})
    [prompt] = learner.messages()[before:]
    assert "Today's history fact" in prompt.text and prompt.chat_id == learner.user.id
