"""What the Telegram adapter needs from the tutor: one door in, a way to mark a learner gone."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol

from clio.core.messages import Event, Reply

PLATFORM = "telegram"


@dataclass(frozen=True, slots=True)
class Inbound:
    """One learner event from Telegram, with the update id that makes it count once."""

    user_id: str
    display_name: str
    event: Event
    update_id: int


class Tutoring(Protocol):
    """The service as the adapter sees it; `clio run` wires the real `TutorService` to it."""

    async def handle(self, inbound: Inbound) -> tuple[Reply, ...]:
        """The replies to one event; () when this update was already handled."""
        ...

    async def deactivate(self, user_id: str) -> None:
        """The learner blocked the bot: stop scheduling messages to them."""
        ...


@dataclass(frozen=True)
class BotTexts:
    """The few learner-facing texts the adapter says itself (from `dialogs/*.yaml`)."""

    apology: str
    not_text: str
    private_only: str  # uses {link}: the bot's t.me address
    commands: Mapping[str, str] = field(default_factory=dict)

    @classmethod
    def from_texts(cls, texts: Mapping[str, str], commands: Mapping[str, str]) -> BotTexts:
        return cls(
            apology=texts["errors.apology"],
            not_text=texts["chat.not_text"],
            private_only=texts["chat.private_only"],
            commands=dict(commands),
        )
