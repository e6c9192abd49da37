"""The PTB callbacks: each builds an event, awaits the tutor, renders the replies."""

from __future__ import annotations

import contextlib
import html
import logging
from dataclasses import dataclass, field

from telegram import CallbackQuery, Message, Update, User
from telegram.error import BadRequest, Forbidden
from telegram.ext import ContextTypes

from clio.adapters.telegram import render
from clio.adapters.telegram.bot import ClioBot
from clio.adapters.telegram.port import BotTexts, Inbound, Tutoring
from clio.adapters.telegram.sending import (
    Backoff,
    Blocked,
    send_html,
    send_replies,
    with_retries,
)
from clio.adapters.telegram.translate import addressed_to_bot, event_of, private_link
from clio.core.messages import ChoicePressed, Event, Reply

log = logging.getLogger(__name__)
Context = ContextTypes.DEFAULT_TYPE


@dataclass(frozen=True)
class Handlers:
    """Callbacks bound to the bot that sends, the tutor and the adapter's own texts."""

    bot: ClioBot  # the Application's own bot (context.bot is typed as a plain ExtBot)
    tutoring: Tutoring
    texts: BotTexts
    backoff: Backoff = field(default_factory=Backoff)

    async def on_text(self, update: Update, context: Context) -> None:
        """A private text message or command."""
        message, user = update.effective_message, update.effective_user
        if message is None or user is None or message.text is None:
            return
        event = event_of(message.text, bot_username=context.bot.username)
        replies = await self._ask(update, user, event)
        await self._send(user, message.chat_id, replies)

    async def on_press(self, update: Update, context: Context) -> None:
        """A button press: acknowledge at once, handle, then close the old keyboard."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None or query.data is None:
            return
        # Answer first: Telegram shows a spinner on the button until we do.
        with contextlib.suppress(BadRequest):  # a redelivered press is too old to answer
            await query.answer()
        chat_id = query.message.chat.id if query.message is not None else user.id
        replies = await self._ask(update, user, ChoicePressed(query.data))
        await self._send(user, chat_id, replies, answered=query if replies else None)

    async def on_not_text(self, update: Update, context: Context) -> None:
        """Photos, stickers, voice, files: Clio reads text only."""
        message = update.effective_message
        if message is not None:
            await self._say(message.chat_id, self.texts.not_text)

    async def on_group(self, update: Update, context: Context) -> None:
        """In groups Clio only answers what is addressed to it, with a pointer to a private
        chat: lessons are one learner's progress, not the group's."""
        message = update.effective_message
        if message is None or not addressed_to_bot(message, bot_username=context.bot.username):
            return
        link = private_link(context.bot.username)
        await self._say(message.chat_id, self.texts.private_only.format(link=link))

    async def on_error(self, update: object, context: Context) -> None:
        """Log the failure with its update id; tell the learner, briefly."""
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("update %s failed", update_id, exc_info=context.error)
        if isinstance(context.error, Forbidden | Blocked) or not isinstance(update, Update):
            return
        chat = update.effective_chat
        if chat is not None and chat.type == chat.PRIVATE:
            with contextlib.suppress(Exception):  # the apology is best effort
                await self._say(chat.id, self.texts.apology)

    async def _ask(self, update: Update, user: User, event: Event) -> tuple[Reply, ...]:
        inbound = Inbound(str(user.id), user.full_name, event, update.update_id)
        return await self.tutoring.handle(inbound)

    async def _send(
        self,
        user: User,
        chat_id: int,
        replies: tuple[Reply, ...],
        *,
        answered: CallbackQuery | None = None,
    ) -> None:
        """Close the answered question's keyboard (if any), then send the replies; a learner
        who blocked the bot is marked inactive and sent nothing more."""
        try:
            if answered is not None:
                await self._close_keyboard(answered)
            await send_replies(self.bot, chat_id, replies, backoff=self.backoff)
        except Blocked:
            log.info("learner %s blocked the bot; marking inactive", user.id)
            await self.tutoring.deactivate(str(user.id))

    async def _close_keyboard(self, query: CallbackQuery) -> None:
        message = query.message
        if not isinstance(message, Message) or message.text is None or query.data is None:
            return  # too old for Telegram to show us
        label = render.pressed_label(message.reply_markup, query.data)
        if label is None:
            return
        text = render.answered(message.text, label)
        with contextlib.suppress(BadRequest):  # already edited, or deleted by the learner
            await with_retries(
                lambda: self.bot.edit_html(message.chat_id, message.message_id, text),
                backoff=self.backoff,
            )

    async def _say(self, chat_id: int, text: str) -> None:
        await send_html(self.bot, chat_id, html.escape(text), None, backoff=self.backoff)
