"""`clio facts [TOPIC] [--json]`: let a content author review what was built."""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from clio.commands.build import build_with_progress
from clio.core.errors import ContentError
from clio.core.facts import Fact, FactBase, Question, Topic
from clio.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("topic", nargs="?", help="only this topic (its id)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--seeds", type=Path, help="seeds folder (default: ./seeds)")


def select_topics(fact_base: FactBase, topic_id: str | None) -> list[Topic]:
    """All topics, or the one asked for; an unknown id is a ContentError naming the known."""
    if topic_id is None:
        return list(fact_base.topics)
    topic = fact_base.topic(topic_id)
    if topic is None:
        known = ", ".join(t.id for t in fact_base.topics) or "none"
        raise ContentError(f"no topic {topic_id!r} (topics: {known})")
    return [topic]


def question_dict(question: Question) -> dict[str, Any]:
    return {
        "id": question.id,
        "kind": question.kind.value,
        "prompt": question.prompt,
        "answer": question.answer,
        "accepted": list(question.accepted),
        "choices": list(question.choices),
        "authored": question.authored,
    }


def fact_dict(fact: Fact, questions: tuple[Question, ...]) -> dict[str, Any]:
    return {
        "id": fact.id,
        "text": fact.text,
        "sentence": fact.sentence,
        "source": str(fact.source),
        "position": fact.position,
        "teachable": fact.teachable,
        "entities": [
            {"text": e.text, "kind": e.kind.value, "start": e.start, "end": e.end}
            for e in fact.entities
        ],
        "questions": [question_dict(question) for question in questions],
    }


def as_json(fact_base: FactBase, topics: list[Topic]) -> str:
    rows = [
        {
            "id": topic.id,
            "title": topic.title,
            "path": topic.path,
            "facts": [
                fact_dict(fact, fact_base.questions_by_fact.get(fact.id, ()))
                for fact in topic.facts
            ],
        }
        for topic in topics
    ]
    return json.dumps(rows, ensure_ascii=False, indent=2)


def as_text(fact_base: FactBase, topics: list[Topic]) -> Iterator[str]:
    """A readable review: one block per fact, its entities and questions indented."""
    for topic in topics:
        yield f"# {topic.title} ({topic.id}, {topic.path}, {len(topic.facts)} facts)"
        for fact in topic.facts:
            flag = "" if fact.teachable else " [context, not taught]"
            yield f"- {fact.id} {fact.source}{flag}"
            yield f"  {fact.text}"
            if fact.sentence != fact.text:
                yield f"  (from: {fact.sentence})"
            if fact.entities:
                names = "; ".join(f"{e.kind.value}: {e.text}" for e in fact.entities)
                yield f"  entities: {names}"
            for question in fact_base.questions_by_fact.get(fact.id, ()):
                yield f"  ? {question.id} [{question.kind.value}] {question.prompt}"
                yield f"    answer: {question.answer}"
                if question.choices:
                    yield f"    choices: {' | '.join(question.choices)}"
        yield ""


def run(args: argparse.Namespace, settings: Settings) -> int:
    fact_base = build_with_progress(settings, args.seeds or settings.seeds_dir).fact_base
    topics = select_topics(fact_base, args.topic)
    if args.json:
        print(as_json(fact_base, topics))
    else:
        for line in as_text(fact_base, topics):
            print(line)
    return 0
