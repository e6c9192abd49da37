"""The python-telegram-bot Application `clio run` runs, in polling or webhook mode."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from telegram import BotCommand, Update
from telegram.error import InvalidToken, NetworkError
from telegram.ext import (
    Application,
    ApplicationBuilder,
    CallbackQueryHandler,
    MessageHandler,
    filters,
)

from clio.adapters.telegram.bot import ClioBot
from clio.adapters.telegram.handlers import Handlers
from clio.adapters.telegram.limits import ChatOrderedProcessor, ChatRateLimiter
from clio.adapters.telegram.outbound import deliver
from clio.adapters.telegram.polling import SkipBadUpdates, withhold_failed_batches
from clio.adapters.telegram.port import BotTexts, Tutoring
from clio.adapters.telegram.sending import Backoff
from clio.adapters.telegram.transport import AiohttpRequest
from clio.adapters.telegram.webhook import WebhookServer
from clio.core.errors import ConfigurationError
from clio.core.messages import Reply
from clio.core.records import Learner
from clio.service.outbox import Delivery

log = logging.getLogger(__name__)
# Only what Clio handles: edited messages, channel posts and the rest are never fetched.
ALLOWED_UPDATES = [Update.MESSAGE, Update.CALLBACK_QUERY]


@dataclass(frozen=True)
class BotConfig:
    """How to reach Telegram (or a test double of it) and how hard to push."""

    token: str
    api_url: str | None = None  # e.g. http://127.0.0.1:8081/bot ; None: api.telegram.org
    concurrent_updates: int = 32
    rate_limit: bool = True
    backoff: Backoff = field(default_factory=Backoff)
    poll_timeout: float = 10.0  # long-polling wait, seconds


@dataclass(frozen=True)
class WebhookConfig:
    """Where Telegram posts updates, and where Clio listens for them."""

    url: str  # public HTTPS address given to setWebhook
    secret: str  # echoed by Telegram in X-Telegram-Bot-Api-Secret-Token
    listen: str = "127.0.0.1"
    port: int = 8443

    @property
    def path(self) -> str:
        return urlsplit(self.url).path.strip("/")


@dataclass(frozen=True)
class TelegramBot:
    """The Application `clio run` serves, with what it needs at start."""

    app: Application  # type: ignore[type-arg]
    config: BotConfig
    texts: BotTexts

    async def serve(
        self,
        stop: asyncio.Event,
        *,
        webhook: WebhookConfig | None = None,
        ready: asyncio.Event | None = None,
    ) -> None:
        """Run until `stop` is set: check the token (getMe), register the commands, then
        long-poll or serve the webhook. `clio run` and the end-to-end tests both call this."""
        await self._initialize()
        try:
            await self._register_commands()
            if webhook is None:
                await self._poll(stop, ready)
            else:
                await self._serve_webhook(webhook, stop, ready)
        finally:
            await self.app.shutdown()

    async def _poll(self, stop: asyncio.Event, ready: asyncio.Event | None) -> None:
        updater = self.app.updater
        assert updater is not None  # the builder always makes one
        await updater.start_polling(
            timeout=int(self.config.poll_timeout), allowed_updates=ALLOWED_UPDATES
        )
        await self.app.start()
        try:
            _set(ready)
            await stop.wait()
        finally:
            await updater.stop()
            await self.app.stop()

    async def _serve_webhook(
        self, webhook: WebhookConfig, stop: asyncio.Event, ready: asyncio.Event | None
    ) -> None:
        """Our own server rather than PTB's: it answers an update once it is handled (see
        `webhook.py`), which keeps a chat's order across several processes."""
        server = WebhookServer(
            self.app,
            path=webhook.path,
            secret=webhook.secret,
            listen=webhook.listen,
            port=webhook.port,
        )
        await self.app.start()
        try:
            server.start()
            try:
                await self.app.bot.set_webhook(
                    webhook.url, secret_token=webhook.secret, allowed_updates=ALLOWED_UPDATES
                )
                _set(ready)
                await stop.wait()
            finally:
                await server.stop()
        finally:
            await self.app.stop()

    async def deliver(self, learner: Learner, replies: tuple[Reply, ...]) -> Delivery:
        """Send a message Clio starts (a daily prompt); for `PromptTicker`'s `send`."""
        return await deliver(self.app.bot, learner, replies, backoff=self.config.backoff)

    async def _initialize(self) -> None:
        """getMe: proves the token and the address before anything else runs."""
        where = self.config.api_url or "api.telegram.org"
        try:
            await self._get_me()
        except InvalidToken:
            raise ConfigurationError(
                f"Telegram ({where}) rejected the bot token (getMe: 401 Unauthorized); "
                "check CLIO_TELEGRAM_TOKEN or CLIO_TELEGRAM_TOKEN_FILE"
            ) from None
        except NetworkError as error:
            raise ConfigurationError(f"cannot reach the Bot API at {where}: {error}") from None

    async def _get_me(self) -> None:
        try:
            await self.app.initialize()
        except (InvalidToken, NetworkError):
            # PTB leaves open the connections getMe made; close them (aiohttp warns if not).
            await self.app.bot.shutdown()
            raise

    async def _register_commands(self) -> None:
        commands = [BotCommand(name, text) for name, text in self.texts.commands.items()]
        if commands:
            await self.app.bot.set_my_commands(commands)
        log.info("bot @%s ready with %d commands", self.app.bot.username, len(commands))


def _set(ready: asyncio.Event | None) -> None:
    if ready is not None:
        ready.set()


def build_bot(config: BotConfig, tutoring: Tutoring, texts: BotTexts) -> TelegramBot:
    """The bot with Clio's handlers and limits; not yet started."""
    withhold_failed_batches()
    bot = ClioBot(
        config.token,
        request=AiohttpRequest(),  # a few keep-alive connections; see transport.py
        get_updates_request=SkipBadUpdates(),
        rate_limiter=ChatRateLimiter(limit=config.rate_limit),
        **_addresses(config.api_url),
    )
    app = (
        ApplicationBuilder()
        .bot(bot)
        .concurrent_updates(ChatOrderedProcessor(config.concurrent_updates))
        .build()
    )
    add_handlers(app, Handlers(bot, tutoring, texts, config.backoff))
    return TelegramBot(app, config, texts)


def add_handlers(app: Application, handlers: Handlers) -> None:  # type: ignore[type-arg]
    new = filters.UpdateType.MESSAGE  # edited messages are ignored on purpose
    private = new & filters.ChatType.PRIVATE
    app.add_handler(MessageHandler(new & filters.ChatType.GROUPS, handlers.on_group))
    app.add_handler(MessageHandler(private & filters.TEXT, handlers.on_text))
    app.add_handler(
        MessageHandler(private & ~filters.TEXT & ~filters.StatusUpdate.ALL, handlers.on_not_text)
    )
    app.add_handler(CallbackQueryHandler(handlers.on_press))
    app.add_error_handler(handlers.on_error)


def _addresses(api_url: str | None) -> dict[str, Any]:
    """The bot's base URLs for a Bot API server other than Telegram's; none for Telegram's."""
    if not api_url:
        return {}
    base = api_url.rstrip("/")
    return {"base_url": base, "base_file_url": _file_url(base)}


def _file_url(base: str) -> str:
    """`.../bot` -> `.../file/bot`, as Telegram lays out its file downloads."""
    root, _, tail = base.rpartition("/")
    return f"{root}/file/{tail}"
