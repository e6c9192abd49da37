"""A terminal chat on the same service: choices are numbered, piped input works line by line."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import TextIO

from clio.core.messages import ChoicePressed, CommandMessage, Event, Reply, TextMessage
from clio.service.tutoring import Incoming

Handler = Callable[[Incoming], Awaitable[tuple[Reply, ...]]]
PLATFORM = "console"


def parse(line: str, shown: tuple[str, ...]) -> Event:
    """A `/command arg`, a number picking one of the choices last shown, or free text."""
    text = line.strip()
    if text.startswith("/") and len(text) > 1:
        name, _, argument = text[1:].partition(" ")
        return CommandMessage(name.casefold(), argument.strip())
    if text.isdigit() and 1 <= int(text) <= len(shown):
        return ChoicePressed(shown[int(text) - 1])
    return TextMessage(line.rstrip("\n"))


def render(reply: Reply) -> str:
    lines = [reply.text]
    lines.extend(
        f"  {number}. {choice.label}" for number, choice in enumerate(reply.choices, start=1)
    )
    return "\n".join(lines)


async def run_chat(
    handle: Handler,
    *,
    source: TextIO,
    sink: TextIO,
    user_id: str,
    name: str,
    interactive: bool,
) -> None:
    """Read lines until end of input; print every reply. Each line is one update."""
    shown: tuple[str, ...] = ()
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
        event = parse(line, shown)
        replies = await handle(Incoming(PLATFORM, user_id, name, event))
        shown = ()  # numbers refer to the choices of the latest answer only
        for reply in replies:
            sink.write(render(reply) + "\n")
            if reply.choices:
                shown = tuple(choice.payload for choice in reply.choices)
        sink.flush()
