"""Sending replies: network errors retried with backoff, a blocked bot stops the sending."""

from __future__ import annotations

import asyncio
import html
import logging
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from telegram import InlineKeyboardMarkup, InputFile
from telegram.constants import ParseMode
from telegram.error import BadRequest, Forbidden, NetworkError

from clio.adapters.telegram import render
from clio.adapters.telegram.bot import ClioBot
from clio.core.messages import Attachment, AttachmentKind, Reply

log = logging.getLogger(__name__)
T = TypeVar("T")
MAX_CAPTION_LENGTH = 1024  # Telegram's limit for a photo's or document's caption


class Blocked(Exception):
    """The learner blocked the bot (Telegram answered 403): send nothing more to them."""


@dataclass(frozen=True)
class Backoff:
    """Waits between attempts after a network error: `first`, then doubling, `attempts` tries.

    RetryAfter (429) is not retried here: the rate limiter pauses every request for as long as
    Telegram asks, which is what a flood limit means."""

    attempts: int = 4
    first: float = 0.5

    def delays(self) -> Sequence[float]:
        return [self.first * 2**n for n in range(self.attempts - 1)]


async def with_retries(call: Callable[[], Awaitable[T]], *, backoff: Backoff) -> T:
    """`call()`, again after each network error (never after a BadRequest: that won't heal)."""
    for delay in backoff.delays():
        try:
            return await call()
        except Forbidden as error:
            raise Blocked(str(error)) from error
        except BadRequest:
            raise
        except NetworkError as error:  # includes TimedOut and 5xx answers
            log.warning("network error, retrying in %.2fs: %s", delay, error)
            await asyncio.sleep(delay)
    try:
        return await call()
    except Forbidden as error:
        raise Blocked(str(error)) from error


async def send_replies(
    bot: ClioBot, chat_id: int, replies: Sequence[Reply], *, backoff: Backoff
) -> None:
    """Every reply in order, bundled into as few messages as read well, each split into as
    many as it needs; a reply with an attachment goes as a document or photo, its text the
    caption when it fits."""
    for reply in render.bundled(replies):
        if reply.attachment is not None:
            await send_attachment(bot, chat_id, reply, reply.attachment, backoff=backoff)
            continue
        for text, markup in render.messages(reply):
            await send_html(bot, chat_id, text, markup, backoff=backoff)


async def send_attachment(
    bot: ClioBot, chat_id: int, reply: Reply, attachment: Attachment, *, backoff: Backoff
) -> None:
    caption: str | None = html.escape(reply.text)
    if render.telegram_length(reply.text) > MAX_CAPTION_LENGTH:
        # Too long for a caption: the text goes first as messages, the file after it.
        for text, _ in render.messages(Reply(reply.text)):
            await send_html(bot, chat_id, text, None, backoff=backoff)
        caption = None
    markup = render.keyboard(reply.choices)

    async def call() -> object:
        file = InputFile(attachment.content, filename=attachment.filename)
        if attachment.kind is AttachmentKind.IMAGE:
            return await bot.send_photo(
                chat_id, file, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
            )
        return await bot.send_document(
            chat_id, file, caption=caption, parse_mode=ParseMode.HTML, reply_markup=markup
        )

    await with_retries(call, backoff=backoff)


async def send_html(
    bot: ClioBot, chat_id: int, text: str, markup: InlineKeyboardMarkup | None, *, backoff: Backoff
) -> None:
    await with_retries(lambda: bot.send_html(chat_id, text, markup), backoff=backoff)
