"""`clio run`: the Telegram bot, long polling by default or behind a webhook."""

from __future__ import annotations

import argparse
import asyncio
import logging
import re
import signal
from collections import Counter
from collections.abc import Sequence
from contextlib import suppress
from typing import Protocol

from clio.adapters.telegram import (
    PLATFORM,
    BotConfig,
    BotTexts,
    Inbound,
    TelegramBot,
    WebhookConfig,
    build_bot,
    protect_token,
    webhook_secret_from_token,
)
from clio.bootstrap import build_service, freeze_startup_heap
from clio.core.errors import ConfigurationError
from clio.core.messages import Reply
from clio.service.outbox import Delivery
from clio.service.prompts import PromptTicker
from clio.service.report_ticker import ReportTicker
from clio.service.tutoring import Incoming, TutorService
from clio.settings import Settings, TelegramSettings

log = logging.getLogger(__name__)
PROMPT_TICK_SECONDS = 60.0  # prompts and reports go out within a minute of their time
_SECRET = re.compile(r"^[A-Za-z0-9_-]{1,256}$")  # what Telegram accepts as a secret_token


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--webhook-url",
        help="public HTTPS address Telegram should POST updates to (default: long polling)",
    )
    parser.add_argument(
        "--listen", default="127.0.0.1", help="address the webhook server binds (127.0.0.1)"
    )
    parser.add_argument("--port", type=int, default=8443, help="webhook server port (8443)")
    parser.add_argument(
        "--tick",
        type=_seconds,
        default=PROMPT_TICK_SECONDS,
        metavar="SECONDS",
        help=f"how often to look for due prompts and reports ({PROMPT_TICK_SECONDS:g})",
    )


def _seconds(text: str) -> float:
    value = float(text)
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError("give a number of seconds from 0 to 3600")
    return value


def run(args: argparse.Namespace, settings: Settings) -> int:
    telegram = TelegramSettings.from_env()
    if not telegram.token.value:
        raise ConfigurationError(
            "no Telegram bot token: set CLIO_TELEGRAM_TOKEN (or CLIO_TELEGRAM_TOKEN_FILE)"
        )
    protect_token(telegram.token.value, verbose=bool(getattr(args, "verbose", False)))
    webhook = webhook_config(args, telegram)
    asyncio.run(_serve(settings, telegram, webhook, tick=args.tick))
    return 0


def webhook_config(args: argparse.Namespace, telegram: TelegramSettings) -> WebhookConfig | None:
    if not args.webhook_url:
        return None
    # Unset, every process of one bot derives the same secret from the token (never logged).
    secret = telegram.webhook_secret.value or webhook_secret_from_token(telegram.token.value)
    if not _SECRET.match(secret):
        raise ConfigurationError(
            "CLIO_WEBHOOK_SECRET: use 1-256 characters from A-Z, a-z, 0-9, _ and -"
        )
    return WebhookConfig(url=args.webhook_url, secret=secret, listen=args.listen, port=args.port)


class ServiceTutoring:
    """The adapter's port, answered by the real `TutorService`."""

    def __init__(self, service: TutorService) -> None:
        self._service = service

    async def handle(self, inbound: Inbound) -> tuple[Reply, ...]:
        incoming = Incoming(
            PLATFORM, inbound.user_id, inbound.display_name, inbound.event, inbound.update_id
        )
        return await self._service.handle(incoming)

    async def deactivate(self, user_id: str) -> None:
        await self._service.deactivate(PLATFORM, user_id)


def telegram_bot(
    service: TutorService, telegram: TelegramSettings, config: BotConfig | None = None
) -> TelegramBot:
    """The bot `clio run` serves; tests pass a `config` (e.g. faster retries)."""
    flows = service.tutor.flows
    texts = BotTexts.from_texts(flows.texts, flows.commands)
    config = config or BotConfig(token=telegram.token.value, api_url=telegram.api_url)
    return build_bot(config, ServiceTutoring(service), texts)


async def _serve(
    settings: Settings, telegram: TelegramSettings, webhook: WebhookConfig | None, *, tick: float
) -> None:
    service = await build_service(settings)
    freeze_startup_heap()
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        # Windows' loop has no signal handlers, nor does a loop outside the main thread.
        with suppress(NotImplementedError, RuntimeError):
            loop.add_signal_handler(signum, stop.set)
    bot = telegram_bot(service, telegram)
    tickers: list[Ticker] = [
        PromptTicker(service=service, store=service.store, send=bot.deliver),
        ReportTicker(service=service, store=service.store, send=bot.deliver),
    ]
    ready = asyncio.Event()
    prompts = asyncio.create_task(prompt_loop(tickers, ready=ready, stop=stop, every=tick))
    try:
        await bot.serve(stop, webhook=webhook, ready=ready)
    finally:
        stop.set()
        await prompts
        await service.close()


class Ticker(Protocol):
    async def tick(self) -> Counter[Delivery]: ...


async def prompt_loop(
    tickers: Sequence[Ticker],
    *,
    ready: asyncio.Event,
    stop: asyncio.Event,
    every: float = PROMPT_TICK_SECONDS,
) -> None:
    """Send due daily prompts and weekly reports every `every` seconds while the bot runs.
    A failed tick is logged and the next one tries again: the outbox makes a retry safe."""
    await _first(ready, stop)
    while not stop.is_set():
        for ticker in tickers:
            try:
                sent = await ticker.tick()
                if sent:  # e.g. "PromptTicker: sent=20 skipped=18" (skipped: another process's)
                    counts = " ".join(f"{kind}={n}" for kind, n in sorted(sent.items()))
                    log.info("%s: %s", type(ticker).__name__, counts)
            except Exception:
                log.exception("%s tick failed", type(ticker).__name__)
        with suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), every)


async def _first(ready: asyncio.Event, stop: asyncio.Event) -> None:
    """Until the bot is ready (or stopped before it got there)."""
    waits = [asyncio.create_task(ready.wait()), asyncio.create_task(stop.wait())]
    await asyncio.wait(waits, return_when=asyncio.FIRST_COMPLETED)
    for wait in waits:
        wait.cancel()
