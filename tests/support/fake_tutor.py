"""A tiny scripted tutor behind the adapter's port, for testing the adapter on its own."""

from __future__ import annotations

from dataclasses import dataclass, field

from clio.adapters.telegram.port import BotTexts, Inbound
from clio.core.messages import (
    Attachment,
    AttachmentKind,
    Choice,
    ChoicePressed,
    CommandMessage,
    Reply,
    TextMessage,
)

TEXTS = BotTexts(
    apology="Sorry, something went wrong on my side.",
    not_text="I read text only.",
    private_only="Talk to me in private: {link}",
    commands={"start": "Begin", "quiz": "A question", "progress": "Your progress"},
)
QUESTIONS = {
    "q1": ("When was the Bastille stormed?", ("1789", "1815"), 0),
    "q2": ("Who crowned himself emperor in 1804?", ("Louis XVI", "Napoleon"), 1),
}


@dataclass
class QuizTutor:
    """Asks q1 then q2; answers typed or pressed; dedupes update ids like the real service."""

    current: dict[str, str] = field(default_factory=dict)
    seen_updates: set[int] = field(default_factory=set)
    inbound: list[Inbound] = field(default_factory=list)
    deactivated: list[str] = field(default_factory=list)

    async def handle(self, inbound: Inbound) -> tuple[Reply, ...]:
        if inbound.update_id in self.seen_updates:
            return ()
        self.seen_updates.add(inbound.update_id)
        self.inbound.append(inbound)
        event, user = inbound.event, inbound.user_id
        if isinstance(event, CommandMessage):
            return self._command(user, inbound.display_name, event)
        if isinstance(event, ChoicePressed):
            question_id, _, index = event.payload[2:].partition(":")
            return self._answer(user, question_id, int(index))
        if isinstance(event, TextMessage) and user in self.current:
            question_id = self.current[user]
            options = QUESTIONS[question_id][1]
            if event.text in options:
                return self._answer(user, question_id, options.index(event.text))
        return (Reply(f"You said: {getattr(event, 'text', '')}"),)

    async def deactivate(self, user_id: str) -> None:
        self.deactivated.append(user_id)

    def _command(self, user: str, name: str, event: CommandMessage) -> tuple[Reply, ...]:
        if event.name == "start":
            return (Reply(f"Welcome, {name}! <b>{event.argument or 'no link'}</b>"),)
        if event.name == "quiz":
            return (self._ask(user, "q1"),)
        if event.name == "long":
            return (Reply(" ".join(f"Sentence number {n} is here." for n in range(400))),)
        if event.name == "two":
            return (Reply("First."), Reply("Second."), Reply("Third."))
        if event.name == "files":
            chart = Attachment(AttachmentKind.IMAGE, "chart.png", b"\x89PNG chart")
            sheet = Attachment(AttachmentKind.DOCUMENT, "class.csv", b"name,score\nAda,3\n")
            long = Attachment(AttachmentKind.DOCUMENT, "long.json", b"{}")
            return (
                Reply("Mastery <by learner>", attachment=chart),
                Reply("Your class", attachment=sheet),
                Reply("All about you. " * 100, attachment=long),
            )
        if event.name == "boom":
            raise RuntimeError("the tutor broke")
        return (Reply(f"Unknown command /{event.name}"),)

    def _ask(self, user: str, question_id: str) -> Reply:
        self.current[user] = question_id
        text, options, _ = QUESTIONS[question_id]
        choices = tuple(Choice(o, f"a:{question_id}:{i}") for i, o in enumerate(options))
        return Reply(text, choices)

    def _answer(self, user: str, question_id: str, index: int) -> tuple[Reply, ...]:
        current = self.current.get(user)
        if question_id != current:
            expired = Reply("That question has expired.")
            return (expired, self._ask(user, current)) if current else (expired,)
        verdict = "Correct!" if QUESTIONS[question_id][2] == index else "Not quite."
        if question_id == "q1":
            return (Reply(verdict), self._ask(user, "q2"))
        del self.current[user]
        return (Reply(f"{verdict} That's all."),)
