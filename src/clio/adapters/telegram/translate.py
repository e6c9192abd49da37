"""Telegram messages to platform-neutral events: commands, deep links, mentions in groups."""

from __future__ import annotations

from telegram import Message, MessageEntity

from clio.core.messages import CommandMessage, Event, TextMessage


def command_of(text: str, *, bot_username: str) -> CommandMessage | None:
    """`/lesson@clio_bot paris` -> CommandMessage("lesson", "paris"); None when the text is
    not a command, or is a command for another bot in a group."""
    if not text.startswith("/"):
        return None
    head, _, argument = text[1:].partition(" ")
    name, _, target = head.partition("@")
    if not name or (target and target.lower() != bot_username.lower()):
        return None
    # `/start PAYLOAD` from a t.me/<bot>?start=PAYLOAD link arrives here like any argument.
    return CommandMessage(name.lower(), argument.strip())


def event_of(text: str, *, bot_username: str) -> Event:
    """What a private text message means to the core."""
    return command_of(text, bot_username=bot_username) or TextMessage(text)


def addressed_to_bot(message: Message, *, bot_username: str) -> bool:
    """In a group: a command for this bot, an @mention of it, or a reply to one of its messages."""
    text = message.text or message.caption or ""
    if command_of(text, bot_username=bot_username) is not None:
        return True
    mention = f"@{bot_username}".lower()
    for entity, value in message.parse_entities([MessageEntity.MENTION]).items():
        if entity.type == MessageEntity.MENTION and value.lower() == mention:
            return True
    replied = message.reply_to_message
    return bool(
        replied is not None
        and replied.from_user is not None
        and (replied.from_user.username or "").lower() == bot_username.lower()
    )


def private_link(bot_username: str) -> str:
    return f"https://t.me/{bot_username}"
