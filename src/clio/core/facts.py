"""Fact base values: topics, facts, entities and questions, as frozen dataclasses."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class EntityKind(StrEnum):
    """What a span of a fact names; persisted, so the values never change."""

    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"
    EVENT = "event"
    DATE = "date"
    NUMBER = "number"
    TERM = "term"


@dataclass(frozen=True, slots=True)
class Source:
    """Where a piece of text came from: a path relative to the seeds folder and a 1-based line."""

    path: str
    line: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Entity:
    """A typed span of a fact's text (`text == fact.text[start:end]`); a place also has
    its `scale` ("city", "country", "continent" or "region"), read from a gazetteer when
    the seeds are built so that answering never loads one."""

    text: str
    kind: EntityKind
    start: int
    end: int
    scale: str = ""


@dataclass(frozen=True, slots=True)
class Fact:
    """One teachable statement of a seed: a clean sentence, or one clause of a long sentence.
    `sentence` is the whole clean source sentence it came from (equal to `text` when the
    sentence was not split). `teachable` is False for captions and headings, which are kept
    as searchable context but never taught."""

    id: str
    topic_id: str
    text: str
    sentence: str
    source: Source
    position: int
    teachable: bool = True
    entities: tuple[Entity, ...] = ()


class QuestionKind(StrEnum):
    """The shape of a question; persisted, so the values never change."""

    CLOZE = "cloze"
    WHO = "who"
    WHEN = "when"
    WHERE = "where"
    WHAT = "what"
    MULTIPLE_CHOICE = "multiple_choice"
    TRUE_FALSE = "true_false"


@dataclass(frozen=True, slots=True)
class Question:
    """A question about one fact: its answer, accepted variants, choices when it has them,
    and the source sentence as its explanation."""

    id: str
    fact_id: str
    kind: QuestionKind
    prompt: str
    answer: str
    explanation: str
    source: Source
    accepted: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    authored: bool = False


@dataclass(frozen=True, slots=True)
class Topic:
    """One seed document: its id (a slug of the file name), title and facts in reading order."""

    id: str
    title: str
    path: str
    facts: tuple[Fact, ...]


@dataclass(frozen=True)
class FactBase:
    """Everything built from the seeds; immutable and shared by all learners."""

    topics: tuple[Topic, ...]
    questions: tuple[Question, ...]
    facts_by_id: Mapping[str, Fact] = field(default_factory=dict)
    questions_by_fact: Mapping[str, tuple[Question, ...]] = field(default_factory=dict)

    @classmethod
    def assemble(cls, topics: tuple[Topic, ...], questions: tuple[Question, ...]) -> FactBase:
        """Build the lookup tables once, so the core never scans the whole base."""
        by_fact: dict[str, list[Question]] = {}
        for question in questions:
            by_fact.setdefault(question.fact_id, []).append(question)
        return cls(
            topics=topics,
            questions=questions,
            facts_by_id={fact.id: fact for topic in topics for fact in topic.facts},
            questions_by_fact={key: tuple(value) for key, value in by_fact.items()},
        )

    def topic(self, topic_id: str) -> Topic | None:
        return next((topic for topic in self.topics if topic.id == topic_id), None)


@dataclass(frozen=True, slots=True)
class QuickAnswer:
    """The reply to a learner's free question. `answer` and `sentence` both None: abstain.
    `sure` False: the sentence is only the closest the seeds come, on the question's subject
    but perhaps not answering it (the reply says so)."""

    question: str
    answer: str | None
    sentence: str | None
    source: Source | None
    score: float
    sure: bool = True

    @property
    def abstained(self) -> bool:
        return self.sentence is None
