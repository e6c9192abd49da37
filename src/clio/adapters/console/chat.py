"""A terminal chat on the same service: choices are numbered, piped input works line by line."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TextIO

from clio.core.messages import (
    Attachment,
    Choice,
    ChoicePressed,
    CommandMessage,
    Event,
    Reply,
    TextMessage,
)
from clio.core.numerals import numbered_option, typed_number
from clio.service.tutoring import Incoming

Handler = Callable[[Incoming], Awaitable[tuple[Reply, ...]]]
PLATFORM = "console"


def parse(line: str, shown: tuple[str, ...]) -> Event:
    """A `/command arg`, a number picking one of the choices last shown, or free text."""
    text = line.strip()
    if text.startswith("/") and len(text) > 1:
        name, _, argument = text[1:].partition(" ")
        return CommandMessage(name.casefold(), argument.strip())
    payload = numbered_option(text, shown)
    if payload is not None:
        return ChoicePressed(payload)
    return TextMessage(line.rstrip("\n"))


def missed_choice(line: str, labels: tuple[str, ...]) -> str | None:
    """A note for a choice number out of range ("5" of four), which would otherwise go
    to the tutor as an answer and be marked wrong; None for anything else, such as a
    number that is one of the choices' own text or a year."""
    text = line.strip()
    number = typed_number(text, digits=2)
    if not labels or number is None or 1 <= number <= len(labels):
        return None
    if text in (label.strip() for label in labels):
        return None
    return f"Pick a number from 1 to {len(labels)}."


def render(reply: Reply, exports: Path | None = None, *, first: int = 1) -> str:
    """The reply as terminal text, its choices numbered from `first`; an attachment is
    written to `exports` (a terminal shows no files) and its path printed."""
    lines = [reply.text]
    if reply.attachment is not None:
        lines.append(f"  [{reply.attachment.kind.value}] {_save(reply.attachment, exports)}")
    lines.extend(
        f"  {number}. {choice.label}" for number, choice in enumerate(reply.choices, start=first)
    )
    return "\n".join(lines)


def _save(attachment: Attachment, exports: Path | None) -> str:
    if exports is None:
        return f"{attachment.filename} ({len(attachment.content)} bytes, not saved)"
    exports.mkdir(parents=True, exist_ok=True)
    # Only the last part of the name: a file name never leads outside the folder.
    path = exports / Path(attachment.filename).name
    path.write_bytes(attachment.content)
    return str(path)


async def run_chat(
    handle: Handler,
    *,
    source: TextIO,
    sink: TextIO,
    user_id: str,
    name: str,
    interactive: bool,
    exports: Path | None = None,
) -> None:
    """Read lines until end of input; print every reply. Each line is one update."""
    shown: tuple[Choice, ...] = ()
    if interactive:
        sink.write("Clio — type /start to begin, Ctrl-D to leave.\n")
    while True:
        if interactive:
            sink.write("> ")
            sink.flush()
        line = await asyncio.to_thread(source.readline)
        if not line:
            break
        if not interactive:
            sink.write(f"> {line.rstrip()}\n")
        note = missed_choice(line, tuple(choice.label for choice in shown))
        if note is not None:
            sink.write(note + "\n")
            sink.flush()
            continue
        event = parse(line, tuple(choice.payload for choice in shown))
        replies = await handle(Incoming(PLATFORM, user_id, name, event))
        # Numbers refer to the choices of the latest answer, numbered on across its replies
        # (the daily offer's buttons and the topics after them each get their own number).
        shown = ()
        for reply in replies:
            sink.write(render(reply, exports, first=len(shown) + 1) + "\n")
            shown += reply.choices
        sink.flush()
