"""Choice payloads: a small codec under 64 bytes that names what the choice belongs to."""

from __future__ import annotations

from dataclasses import dataclass

from clio.core.numerals import typed_number

MAX_PAYLOAD_BYTES = 64  # Telegram's callback_data limit; other platforms are looser


class PayloadTooLong(ValueError):
    """A payload would not fit on a button."""


@dataclass(frozen=True, slots=True)
class AnswerPayload:
    """The learner picked option `index` of question `question_id`."""

    question_id: str
    index: int


@dataclass(frozen=True, slots=True)
class TopicPayload:
    """The learner picked a topic."""

    topic_id: str


@dataclass(frozen=True, slots=True)
class CommandPayload:
    """A choice that stands for typing a command (e.g. `/review`)."""

    command: str


Payload = AnswerPayload | TopicPayload | CommandPayload


def encode(payload: Payload) -> str:
    if isinstance(payload, AnswerPayload):
        text = f"a:{payload.question_id}:{payload.index}"
    elif isinstance(payload, TopicPayload):
        text = f"t:{payload.topic_id}"
    else:
        text = f"c:{payload.command}"
    if len(text.encode()) > MAX_PAYLOAD_BYTES:
        raise PayloadTooLong(f"choice payload over {MAX_PAYLOAD_BYTES} bytes: {text!r}")
    return text


def decode(text: str) -> Payload | None:
    """The payload `text` encodes, or None for anything unknown (an old or forged press)."""
    kind, _, rest = text.partition(":")
    if kind == "a":
        question_id, _, index = rest.rpartition(":")
        number = typed_number(index)
        return AnswerPayload(question_id, number) if number is not None and question_id else None
    if kind == "t" and rest:
        return TopicPayload(rest)
    if kind == "c" and rest:
        return CommandPayload(rest)
    return None
