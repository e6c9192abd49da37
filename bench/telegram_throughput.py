"""Updates handled per second end to end by `clio run`'s bot, beside a bare PTB echo bot.

Run: .venv/bin/python bench/telegram_throughput.py [--users 50] [--postgres URL|none]

Both bots long-poll the same fake Bot API server (tests/support/fakebot) over loopback HTTP,
in this process. Each run queues every update first (users x a short session: /start, /lesson,
typed answers, a quick question, /progress), starts the bot, and times from its start until
its last request; the echo bot gets the same number of text updates and answers each with
one message (PTB's own echo example, default settings). Clio runs with the service and a
fresh SQLite file, then a fresh PostgreSQL database; "service alone" sends the same sessions
straight to `TutorService.handle`, to show which share of Clio's cost is the adapter's. Flood
limits are off for both bots: they would measure Telegram's rules, not the code. "canned
tutor" runs Clio's adapter over the same sessions with a tutor that answers each update with
one short reply at once (no service, no database): the adapter's own cost, beside echo's.
Ends with one line `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

import asyncpg
from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "support"))

from fakebot import FakeBotApi, FakeUser, Learner  # noqa: E402

from clio.adapters.telegram import BotConfig, BotTexts, Inbound, TelegramBot, build_bot  # noqa: E402
from clio.adapters.telegram.translate import event_of  # noqa: E402
from clio.bootstrap import build_service, freeze_startup_heap  # noqa: E402
from clio.commands.run import ServiceTutoring, telegram_bot  # noqa: E402
from clio.core.messages import Reply  # noqa: E402
from clio.service.tutoring import TutorService  # noqa: E402
from clio.settings import Secret, Settings, TelegramSettings  # noqa: E402

SESSION = ("/start", "/lesson", "1856", "1855", "When was the Treaty of Paris signed?", "/progress")
CANNED_REPLY = Reply("The Treaty of Paris was signed on 30 March 1856. When did the war begin?")
CANNED_TEXTS = BotTexts(apology="Sorry.", not_text="Text only.", private_only="In private: {link}")
DEFAULT_PG = "postgresql://postgres@127.0.0.1:5432/test"
BENCH_DB = "clio_telegram_bench"


def queue_updates(api: FakeBotApi, users: int, texts: tuple[str, ...]) -> int:
    """Queue `users` sessions, interleaved as real traffic would be; returns the count."""
    learners = [Learner(api, FakeUser(10_000 + n, f"User{n}")) for n in range(users)]
    count = 0
    for text in texts:
        for learner in learners:
            api._pending.append(learner._message_update(text))
            count += 1
    return count


async def timed(
    api: FakeBotApi, serve: Callable[[asyncio.Event], Awaitable[None]]
) -> tuple[float, float]:
    """(wall seconds from the bot's start to its last request, CPU seconds of this process
    meanwhile). The machine is shared, so CPU time is the steadier of the two figures."""
    stop = asyncio.Event()
    cpu, started = time.process_time(), time.monotonic()
    task = asyncio.create_task(serve(stop))
    await api.wait_for(lambda: not api._pending and len(api.calls) > 2, timeout=600)
    await api.settle(since=0, quiet=1.0, timeout=600)
    last = max(call.at for call in api.calls if call.method != "getUpdates")
    # The quiet second polled too, but long polls sleep: it adds next to no CPU.
    cpu = time.process_time() - cpu
    stop.set()
    await task
    return last - started, cpu


async def echo_run(users: int) -> tuple[float, float, int]:
    async with FakeBotApi() as api:
        count = queue_updates(api, users, ("hello there",) * len(SESSION))
        app = Application.builder().token(api.token).base_url(api.base_url).build()

        async def echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            assert update.message is not None and update.message.text is not None
            await update.message.reply_text(update.message.text)

        app.add_handler(MessageHandler(filters.TEXT & ~filters.COMMAND, echo))

        async def serve(stop: asyncio.Event) -> None:
            async with app:
                assert app.updater is not None
                await app.updater.start_polling(timeout=1)
                await app.start()
                await stop.wait()
                await app.updater.stop()
                await app.stop()

        seconds, cpu = await timed(api, serve)
        assert len(api.calls_to("sendMessage")) == count, "the echo bot missed updates"
        return seconds, cpu, count


class CannedTutor:
    """The adapter's port answered at once with one short reply: the adapter alone."""

    async def handle(self, inbound: Inbound) -> tuple[Reply, ...]:
        return (CANNED_REPLY,)

    async def deactivate(self, user_id: str) -> None:
        """Nobody blocks the bot here."""


async def canned_run(users: int) -> tuple[float, float, int]:
    """Clio's adapter, as `clio run` builds it (32 concurrent updates), on the same sessions."""
    async with FakeBotApi() as api:
        count = queue_updates(api, users, SESSION)
        config = BotConfig(token=api.token, api_url=api.base_url, rate_limit=False)
        bot = build_bot(config, CannedTutor(), CANNED_TEXTS)
        seconds, cpu = await timed(api, lambda stop: bot.serve(stop))
        assert len(api.calls_to("sendMessage")) == count, "the canned bot missed updates"
        return seconds, cpu, count


def settings_for(database_url: str, cache: Path) -> Settings:
    return Settings.from_env(
        {
            "CLIO_SEEDS_DIR": str(ROOT / "seeds"),
            "CLIO_DIALOGS_DIR": str(ROOT / "dialogs"),
            "CLIO_CACHE_DIR": str(cache),
            "CLIO_DATA_DIR": str(cache),
            "CLIO_DATABASE_URL": database_url,
        }
    )


async def service_run(users: int, database_url: str, cache: Path) -> tuple[float, float, int]:
    """The same sessions straight into `TutorService.handle`, no Telegram: the service's own
    share of the cost (other user ids, so the bot's run still meets new learners)."""
    service = await build_service(settings_for(database_url, cache))
    freeze_startup_heap()  # as `clio run` does once it has built the service
    tutoring = ServiceTutoring(service)
    try:
        cpu, started, update_id = time.process_time(), time.monotonic(), 0
        for text in SESSION:
            inbound = []
            for n in range(users):
                update_id += 1
                event = event_of(text, bot_username="bench_bot")
                inbound.append(Inbound(str(50_000 + n), f"User{n}", event, update_id))
            # Concurrently across learners, as the bot's update processor runs them.
            await asyncio.gather(*(tutoring.handle(one) for one in inbound))
        return time.monotonic() - started, time.process_time() - cpu, update_id
    finally:
        await service.close()


async def clio_run(users: int, database_url: str, cache: Path) -> tuple[float, float, int, int]:
    service: TutorService = await build_service(settings_for(database_url, cache))
    freeze_startup_heap()  # as `clio run` does
    try:
        async with FakeBotApi() as api:
            count = queue_updates(api, users, SESSION)
            telegram = TelegramSettings(Secret(api.token), api.base_url, Secret(""))
            config = BotConfig(token=api.token, api_url=api.base_url, rate_limit=False)
            bot: TelegramBot = telegram_bot(service, telegram, config)
            seconds, cpu = await timed(api, lambda stop: bot.serve(stop))
            return seconds, cpu, count, len(api.calls_to("sendMessage"))
    finally:
        await service.close()


async def fresh_postgres(url: str) -> str | None:
    """A new, empty database on the server at `url` (dropped first if left over)."""
    try:
        connection = await asyncpg.connect(url)
    except (OSError, asyncpg.PostgresError) as error:
        print(f"PostgreSQL unavailable ({error}); skipped")
        return None
    try:
        await connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
        await connection.execute(f"CREATE DATABASE {BENCH_DB}")
    finally:
        await connection.close()
    return url.rsplit("/", 1)[0] + f"/{BENCH_DB}"


async def drop_postgres(url: str) -> None:
    connection = await asyncpg.connect(url)
    try:
        await connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DB} WITH (FORCE)")
    finally:
        await connection.close()


def line(name: str, count: int, seconds: float, cpu: float, echo: tuple[float, float]) -> str:
    rate, cpu_ms = count / seconds, cpu * 1000 / count
    return (
        f"{name:<22} {count} updates in {seconds:6.2f}s  {rate:7.1f}/s  "
        f"{cpu_ms:5.2f} ms CPU each  ({rate / echo[0]:.0%} of echo's rate, "
        f"{echo[1] / cpu_ms:.0%} of its CPU efficiency)"
    )


async def main(users: int, postgres: str, rounds: int) -> dict[str, object]:
    """`rounds` rounds of echo, the canned tutor, Clio on SQLite and on PostgreSQL,
    interleaved so that load from other processes hits them alike; the median of each is
    reported."""
    result: dict[str, object] = {"users": users, "updates": users * len(SESSION)}
    runs: dict[str, list[tuple[float, float, int]]] = {}
    with tempfile.TemporaryDirectory() as folder:
        cache = Path(folder)
        for round_ in range(rounds):
            seconds, cpu, count = await echo_run(users)
            runs.setdefault("echo", []).append((seconds, cpu, count))
            runs.setdefault("canned", []).append(await canned_run(users))
            targets = {"sqlite": f"sqlite:///{cache / f'bench{round_}.db'}"}
            pg_url = await fresh_postgres(postgres) if postgres != "none" else None
            if pg_url:
                targets["postgres"] = pg_url
            for name, url in targets.items():
                runs.setdefault(f"{name} service", []).append(await service_run(users, url, cache))
                seconds, cpu, count, sent = await clio_run(users, url, cache)
                runs.setdefault(name, []).append((seconds, cpu, count))
                result[f"clio_{name}_messages"] = sent
            if pg_url:
                await drop_postgres(postgres)
    medians = {name: _median(values) for name, values in runs.items()}
    echo_seconds, echo_cpu, count = medians["echo"]
    echo = (count / echo_seconds, echo_cpu * 1000 / count)
    print(line("echo bot (PTB defaults)", count, echo_seconds, echo_cpu, echo))
    result["echo_updates_per_s"] = round(echo[0], 1)
    result["echo_cpu_ms_per_update"] = round(echo[1], 2)
    seconds, cpu, count = medians["canned"]
    print(line("canned tutor (adapter)", count, seconds, cpu, echo))
    result["canned_updates_per_s"] = round(count / seconds, 1)
    result["canned_cpu_ms_per_update"] = round(cpu * 1000 / count, 2)
    result["canned_ratio"] = round(count / seconds / echo[0], 3)
    for name in ("sqlite", "postgres"):
        if name not in medians:
            continue
        seconds, cpu, count = medians[name]
        print(line(f"clio on {name}", count, seconds, cpu, echo))
        result[f"clio_{name}_updates_per_s"] = round(count / seconds, 1)
        result[f"clio_{name}_cpu_ms_per_update"] = round(cpu * 1000 / count, 2)
        result[f"clio_{name}_ratio"] = round(count / seconds / echo[0], 3)
        seconds, cpu, count = medians[f"{name} service"]
        print(line("  service alone", count, seconds, cpu, echo))
        result[f"service_{name}_updates_per_s"] = round(count / seconds, 1)
        result[f"service_{name}_cpu_ms_per_update"] = round(cpu * 1000 / count, 2)
    result["rounds"] = rounds
    result["target_ratio"] = 0.5
    return result


def _median(values: list[tuple[float, float, int]]) -> tuple[float, float, int]:
    ordered = sorted(values)
    return ordered[len(ordered) // 2]


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--postgres", default=DEFAULT_PG, help="server URL, or 'none'")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    # Shutdown noise (a last getUpdates racing the stop) is not what is measured here.
    logging.basicConfig(level=logging.CRITICAL)
    print("RESULT " + json.dumps(asyncio.run(main(args.users, args.postgres, args.rounds))))
