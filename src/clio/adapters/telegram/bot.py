"""The bot Clio talks through: PTB's ExtBot, minus work whose result Clio would throw away.

PTB turns every answer to sendMessage or editMessageText into a `telegram.Message` (a tree of
objects, hundreds of attribute sets each: about a tenth of the adapter's CPU). Clio never
reads them: it edits a question from the callback query's own message. `send_html` and
`edit_html` post through the same path as PTB's methods (the rate limiter, the request's
error mapping, RetryAfter) and drop the answer."""

from __future__ import annotations

import logging
from typing import Any

from telegram import InlineKeyboardMarkup, Update
from telegram.constants import ParseMode
from telegram.error import TelegramError
from telegram.ext import ExtBot

from clio.adapters.telegram.polling import SkipBadUpdates

log = logging.getLogger(__name__)


class ClioBot(ExtBot[int]):  # int: the rate limiter's per-call argument (max retries)
    """`ExtBot` with sends that return nothing, and polling that skips unreadable updates."""

    def __init__(self, token: str, *, get_updates_request: SkipBadUpdates, **kwargs: Any) -> None:
        super().__init__(token, get_updates_request=get_updates_request, **kwargs)
        self._updates_request = get_updates_request

    async def send_html(
        self, chat_id: int, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> None:
        """sendMessage with HTML text (and buttons); the sent message is not parsed."""
        data = {"chat_id": chat_id, "text": text, "parse_mode": ParseMode.HTML}
        await self._post("sendMessage", {**data, "reply_markup": markup})

    async def edit_html(self, chat_id: int, message_id: int, text: str) -> None:
        """editMessageText with HTML text, no buttons left; the edited message is not parsed."""
        data = {"chat_id": chat_id, "message_id": message_id, "text": text}
        await self._post("editMessageText", {**data, "parse_mode": ParseMode.HTML})

    async def get_updates(self, *args: Any, **kwargs: Any) -> tuple[Update, ...]:
        """PTB's getUpdates; a batch PTB cannot parse (one update of a newer Bot API version
        fails it whole, and the offset never moves) is fetched again, the offset unchanged,
        with each unreadable update reduced to its id (see `polling.py`). PTB has logged the
        failed batch by then (by update id only: `withhold_failed_batches`). Checking each
        update of every batch instead would parse every update twice (a tenth of the
        adapter's CPU)."""
        try:
            return await super().get_updates(*args, **kwargs)
        except TelegramError:
            raise  # network trouble: PTB's polling loop retries
        except Exception:
            log.warning("a getUpdates batch cannot be parsed; fetching it again, checked")
        with self._updates_request.checking_each():
            return await super().get_updates(*args, **kwargs)
