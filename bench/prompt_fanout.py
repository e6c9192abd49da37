"""Daily-prompt fan-out: a burst of learners all due in the same minute, delivered through
`clio run`'s bot (with its flood limits on) to the fake Bot API, against Telegram's 30
messages/s; beside it, in the same run, a bare PTB bot sending through the same limiter.

Run: .venv/bin/python bench/prompt_fanout.py [--learners 10000] [--baseline 900]

Clio: the learners are stored with a daily time due now (SQLite file), then one
`PromptTicker.tick()` (the one `clio run` calls every minute) queues every prompt in the
outbox and sends them at the limiter's pace. While the burst goes out, another learner chats
through the service every half second; their reply latency shows chatting learners do not
wait for the burst. Ends with one line `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime
from datetime import time as clock_time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))

from fakebot import FakeBotApi  # noqa: E402

from clio.adapters.telegram import BotConfig  # noqa: E402
from clio.bootstrap import build_service  # noqa: E402
from clio.commands.run import telegram_bot  # noqa: E402
from clio.core.messages import CommandMessage  # noqa: E402
from clio.service.prompts import Delivery, PromptTicker  # noqa: E402
from clio.service.tutoring import Incoming, TutorService  # noqa: E402
from clio.settings import Secret, Settings, TelegramSettings  # noqa: E402

LIMIT = 30.0  # Telegram's overall limit, messages per second
NOW = datetime(2026, 11, 26, 8, 0, tzinfo=UTC)


async def enrol(service: TutorService, learners: int) -> None:
    async with service.store.unit_of_work() as uow:
        for number in range(learners):
            learner = await uow.learners.get_or_create(
                platform="telegram",
                external_id=str(500_000 + number),
                display_name=f"Learner {number}",
                now=NOW,
            )
            await uow.learners.update(learner.id, daily_prompt_time=clock_time(8, 0))
            await uow.learners.schedule_prompt(learner.id, NOW)


async def chat_probe(service: TutorService, stop: asyncio.Event) -> list[float]:
    latencies: list[float] = []
    while not stop.is_set():
        started = time.perf_counter()
        await service.handle(Incoming("telegram", "999", "Chatty", CommandMessage("help")))
        latencies.append(time.perf_counter() - started)
        await asyncio.sleep(0.5)
    return latencies


async def clio_burst(api: FakeBotApi, learners: int, folder: Path) -> dict[str, float]:
    settings = Settings.from_env(
        {
            "CLIO_SEEDS_DIR": str(ROOT / "seeds"),
            "CLIO_DIALOGS_DIR": str(ROOT / "dialogs"),
            "CLIO_CACHE_DIR": str(folder / "cache"),
            "CLIO_DATA_DIR": str(folder),
            "CLIO_DATABASE_URL": f"sqlite:///{folder / 'clio.db'}",
        }
    )
    service = await build_service(settings, clock=lambda: NOW)
    bot = telegram_bot(
        service,
        TelegramSettings(Secret(api.token), api.base_url, Secret("")),
        BotConfig(token=api.token, api_url=api.base_url, rate_limit=True),
    )
    await bot.app.initialize()
    try:
        await enrol(service, learners)
        ticker = PromptTicker(service=service, store=service.store, send=bot.deliver)
        stop = asyncio.Event()
        probe = asyncio.create_task(chat_probe(service, stop))
        before = len(api.calls_to("sendMessage"))
        started = time.perf_counter()
        result = await ticker.tick()
        elapsed = time.perf_counter() - started
        stop.set()
        latencies = await probe
        sent = len(api.calls_to("sendMessage")) - before
    finally:
        await bot.app.shutdown()
        await service.close()
    return {
        "learners": learners,
        "messages": sent,
        "delivered": result[Delivery.SENT],
        "seconds": round(elapsed, 2),
        "rate": round(sent / elapsed, 2),
        "chat_p50_ms": round(statistics.median(latencies) * 1000, 1),
        "chat_max_ms": round(max(latencies) * 1000, 1),
        "chat_probes": len(latencies),
    }


async def bare_burst(api: FakeBotApi, messages: int) -> dict[str, float]:
    """PTB alone through the same limiter: send_message to distinct chats, 32 at a time."""
    from telegram.ext import ApplicationBuilder

    from clio.adapters.telegram.limits import ChatRateLimiter

    app = (
        ApplicationBuilder()
        .token(api.token)
        .base_url(api.base_url)
        .rate_limiter(ChatRateLimiter())
        .build()
    )
    await app.initialize()
    gate = asyncio.Semaphore(32)

    async def one(chat: int) -> None:
        async with gate:
            await app.bot.send_message(chat, "🕰️ Today's history fact")

    started = time.perf_counter()
    await asyncio.gather(*(one(700_000 + n) for n in range(messages)))
    elapsed = time.perf_counter() - started
    await app.shutdown()
    return {
        "messages": messages,
        "seconds": round(elapsed, 2),
        "rate": round(messages / elapsed, 2),
    }


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--baseline", type=int, default=900, help="messages for the bare bot")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    async with FakeBotApi() as api:
        bare = await bare_burst(api, args.baseline)
        print(
            f"bare PTB + limiter: {bare['messages']} messages in {bare['seconds']} s "
            f"= {bare['rate']}/s ({bare['rate'] / LIMIT:.0%} of {LIMIT:g}/s)"
        )
        with tempfile.TemporaryDirectory() as folder:
            clio = await clio_burst(api, args.learners, Path(folder))
    print(
        f"clio: {clio['learners']} learners due at once, {clio['messages']} messages in "
        f"{clio['seconds']} s = {clio['rate']}/s ({clio['rate'] / LIMIT:.0%} of {LIMIT:g}/s, "
        f"{clio['rate'] / bare['rate']:.2f}x the bare bot)"
    )
    print(
        f"a learner chatting meanwhile: p50 {clio['chat_p50_ms']} ms, "
        f"max {clio['chat_max_ms']} ms over {clio['chat_probes']} messages"
    )
    result = {
        "limit_per_s": LIMIT,
        "bare": bare,
        "clio": clio,
        "share_of_limit": round(clio["rate"] / LIMIT, 3),
        "ratio_to_bare": round(clio["rate"] / bare["rate"], 3),
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    asyncio.run(main())
