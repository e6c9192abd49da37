"""Platform-neutral values: events that come in, replies that go out."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True)
class TextMessage:
    """Free text typed by the learner."""

    text: str


@dataclass(frozen=True, slots=True)
class CommandMessage:
    """A command such as `/lesson paris`: `name` without the slash, lower case."""

    name: str
    argument: str = ""


@dataclass(frozen=True, slots=True)
class ChoicePressed:
    """A press on a choice (a button, or a number typed in the terminal)."""

    payload: str


@dataclass(frozen=True, slots=True)
class PromptDue:
    """The scheduler says the learner's daily prompt is due."""


Event = TextMessage | CommandMessage | ChoicePressed | PromptDue


@dataclass(frozen=True, slots=True)
class Choice:
    """One option offered to the learner; `payload` comes back in `ChoicePressed`."""

    label: str
    payload: str


class AttachmentKind(StrEnum):
    DOCUMENT = "document"  # a file to download (CSV, JSON)
    IMAGE = "image"  # a picture shown inline (PNG)


@dataclass(frozen=True, slots=True)
class Attachment:
    """A file sent with a reply; `text` of the reply is its caption."""

    kind: AttachmentKind
    filename: str
    content: bytes


@dataclass(frozen=True, slots=True)
class Reply:
    """One message to the learner: plain text (adapters escape it), optional choices, and an
    optional attachment (a platform without files says where the file was written)."""

    text: str
    choices: tuple[Choice, ...] = ()
    attachment: Attachment | None = None


def replies_to_json(replies: tuple[Reply, ...]) -> dict[str, Any]:
    """Text replies as JSON, for messages kept until they are sent (attachments are not)."""
    return {
        "replies": [
            {"text": r.text, "choices": [[c.label, c.payload] for c in r.choices]} for r in replies
        ]
    }


def replies_from_json(data: dict[str, Any]) -> tuple[Reply, ...]:
    return tuple(
        Reply(item["text"], tuple(Choice(label, payload) for label, payload in item["choices"]))
        for item in data["replies"]
    )
