"""A tiny hand-made fact base and the bundled dialogs, shared by engine and service tests."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from clio.core.engine import step
from clio.core.facts import Fact, FactBase, Question, QuestionKind, QuickAnswer, Source, Topic
from clio.core.messages import Event, Reply
from clio.core.outcome import Outcome
from clio.core.state import LearnerState
from clio.core.tutor import Tutor
from clio.dialogs.loader import load_flows

DIALOGS = Path(__file__).resolve().parents[1] / "dialogs"
T0 = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)

SENTENCES = [
    "Alexander II took the crown of Russia in 1855.",
    "Peace talks were held in Paris in 1856.",
    "Lord Palmerston was the British prime minister.",
    "The Ottomans joined the Concert of Europe.",
]


def make_fact(index: int, text: str) -> Fact:
    return Fact(f"f{index}", "paris", text, text, Source("paris.txt", index + 2), index)


def make_fact_base() -> FactBase:
    facts = tuple(make_fact(i, text) for i, text in enumerate(SENTENCES))
    questions = (
        Question(
            "q0",
            "f0",
            QuestionKind.WHEN,
            "When did Alexander II take the crown?",
            "1855",
            SENTENCES[0],
            facts[0].source,
        ),
        Question(
            "q1",
            "f1",
            QuestionKind.MULTIPLE_CHOICE,
            "Where were the peace talks held?",
            "Paris",
            SENTENCES[1],
            facts[1].source,
            choices=("London", "Paris", "Vienna", "Berlin"),
        ),
        Question(
            "q2",
            "f2",
            QuestionKind.WHO,
            "Who was the British prime minister?",
            "Lord Palmerston",
            SENTENCES[2],
            facts[2].source,
            accepted=("Palmerston",),
        ),
        Question(
            "q3",
            "f3",
            QuestionKind.TRUE_FALSE,
            "The Ottomans joined the Concert of Europe.",
            "true",
            SENTENCES[3],
            facts[3].source,
            choices=("true", "false"),
        ),
    )
    topic = Topic("paris", "Treaty of Paris", "paris.txt", facts)
    return FactBase.assemble((topic,), questions)


class KeywordAnswerer:
    """Answers when the question names Palmerston; offers the closest sentence, unsure, when
    it asks who signed; abstains otherwise."""

    def answer(self, question: str) -> QuickAnswer:
        if "palmerston" in question.casefold():
            return QuickAnswer(
                question, "Lord Palmerston", SENTENCES[2], Source("paris.txt", 4), 1.0
            )
        if "signed" in question.casefold():
            source = Source("paris.txt", 2)
            return QuickAnswer(question, "Britain", SENTENCES[1], source, 0.6, sure=False)
        return QuickAnswer(question, None, None, None, 0.0)


@dataclass
class Learner:
    """Drives the pure step like a chat would, keeping state between events."""

    tutor: Tutor
    state: LearnerState
    now: datetime = T0
    last: Outcome | None = None

    def send(self, event: Event) -> tuple[Reply, ...]:
        self.last = step(self.tutor, self.state, event, now=self.now, rng=random.Random(7))
        # What the service saves is JSON: a round trip must lose nothing.
        assert LearnerState.from_json(self.last.state.to_json()) == self.last.state
        self.state = self.last.state
        return self.last.replies

    def text(self, event: Event) -> str:
        return "\n".join(reply.text for reply in self.send(event))


def make_tutor() -> Tutor:
    flows = load_flows(DIALOGS)
    return Tutor.create(flows=flows, facts=make_fact_base(), answerer=KeywordAnswerer())
