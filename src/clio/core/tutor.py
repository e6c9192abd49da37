"""The shared, read-only context of every step: content, facts, and the quick answerer."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

from clio.core.facts import Fact, FactBase, Question, QuickAnswer, Topic
from clio.core.flows import Flows
from clio.core.topic_question import titles_index


class Answerer(Protocol):
    """Answers a free question from the fact base (pure and fast)."""

    def answer(self, question: str) -> QuickAnswer: ...


@dataclass(frozen=True)
class Tutor:
    """Everything a step reads but never changes; built once at start-up."""

    flows: Flows
    facts: FactBase
    answerer: Answerer
    questions_by_id: Mapping[str, Question] = field(default_factory=dict)
    lesson_facts: Mapping[str, tuple[Fact, ...]] = field(default_factory=dict)
    topics_by_title: Mapping[str, Topic] = field(default_factory=dict)  # see topic_question
    # Commands the service handles around the core (a class's admin, not in the menu): a
    # mistyped one ("/renmae") is offered too.
    service_commands: frozenset[str] = frozenset()

    @classmethod
    def create(cls, *, flows: Flows, facts: FactBase, answerer: Answerer) -> Tutor:
        return cls(
            flows=flows,
            facts=facts,
            answerer=answerer,
            questions_by_id={question.id: question for question in facts.questions},
            lesson_facts={topic.id: _teachable(topic) for topic in facts.topics},
            topics_by_title=titles_index(facts.topics),
        )

    def with_service_commands(self, names: Iterable[str]) -> Tutor:
        return replace(self, service_commands=frozenset(names))

    def topic(self, topic_id: str | None) -> Topic | None:
        return None if topic_id is None else self.facts.topic(topic_id)

    def questions_for(self, fact_id: str) -> tuple[Question, ...]:
        return self.facts.questions_by_fact.get(fact_id, ())


def _teachable(topic: Topic) -> tuple[Fact, ...]:
    return tuple(fact for fact in topic.facts if fact.teachable)
