"""Replies to Telegram messages: HTML-escaped text, split under the length limit, keyboards."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator, Sequence

from telegram import InlineKeyboardButton, InlineKeyboardMarkup

from clio.core.messages import Choice, Reply

# Telegram counts a message's length after parsing the HTML, in UTF-16 code units.
MAX_MESSAGE_LENGTH = 4096
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
_SPACE = re.compile(r"\s+")


def telegram_length(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def split_text(text: str, *, limit: int = MAX_MESSAGE_LENGTH) -> tuple[str, ...]:
    """`text` in pieces no longer than `limit`, cut between sentences where possible.

    Separators (spaces, line breaks) are kept inside a piece and dropped at a cut."""
    if telegram_length(text) <= limit:
        return (text,)
    pieces: list[str] = []
    current = ""
    for separator, sentence in _pieces(text, limit=limit):
        joined = current + separator + sentence if current else sentence
        if telegram_length(joined) <= limit:
            current = joined
        else:
            pieces.append(current)
            current = sentence
    if current:
        pieces.append(current)
    return tuple(pieces)


def _pieces(text: str, *, limit: int) -> Iterator[tuple[str, str]]:
    """(separator before, piece): sentences, else words, else hard cuts that fit `limit`."""
    parts = _SENTENCE_END.split(text.strip())
    separators = ["", *_SENTENCE_END.findall(text.strip())]
    for separator, sentence in zip(separators, parts, strict=True):
        if telegram_length(sentence) <= limit:
            yield separator, sentence
            continue
        for index, word in enumerate(_SPACE.split(sentence)):
            gap = separator if index == 0 else " "
            while telegram_length(word) > limit:
                cut = _cut_point(word, limit)
                yield gap, word[:cut]
                word, gap = word[cut:], ""
            yield gap, word


def _cut_point(word: str, limit: int) -> int:
    cut = limit
    while telegram_length(word[:cut]) > limit:  # astral characters count twice
        cut -= 1
    return cut


def keyboard(choices: tuple[Choice, ...]) -> InlineKeyboardMarkup | None:
    """One button per row, so long answers stay readable on a phone."""
    if not choices:
        return None
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(choice.label, callback_data=choice.payload)] for choice in choices]
    )


def bundled(replies: Sequence[Reply]) -> list[Reply]:
    """Consecutive replies joined into as few messages as read well: a reply with buttons or
    a file ends its message, and a message stays under Telegram's limit.

    Telegram lets a bot send about one message a second into a chat, so a lesson step sent as
    three messages (feedback, facts, question) would take seconds to appear; one message
    shows at once, with the question and its buttons last, where the learner looks."""
    bundles: list[Reply] = []
    for reply in replies:
        last = bundles[-1] if bundles else None
        if (
            last is not None
            and not last.choices
            and last.attachment is None
            and reply.attachment is None
            and telegram_length(last.text) + 2 + telegram_length(reply.text) <= MAX_MESSAGE_LENGTH
        ):
            bundles[-1] = Reply(f"{last.text}\n\n{reply.text}", reply.choices)
        else:
            bundles.append(reply)
    return bundles


def messages(reply: Reply) -> list[tuple[str, InlineKeyboardMarkup | None]]:
    """The HTML messages one reply becomes; the keyboard rides on the last one."""
    parts = split_text(reply.text)
    markup = keyboard(reply.choices)
    return [
        (html.escape(part), markup if index == len(parts) - 1 else None)
        for index, part in enumerate(parts)
    ]


def answered(question: str, label: str) -> str:
    """A question message once answered: its text and the learner's pick, no buttons."""
    return html.escape(f"{question}\n\n→ {label}")


def pressed_label(markup: InlineKeyboardMarkup | None, payload: str) -> str | None:
    """The label of the button that carried `payload`, if it is on this keyboard."""
    if markup is None:
        return None
    for row in markup.inline_keyboard:
        for button in row:
            if button.callback_data == payload:
                return button.text
    return None
