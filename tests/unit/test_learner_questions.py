"""Learner questions about the bundled seed: answered from the right sentence, or abstained."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from clio.factbase.answering import QuickAnswerer
from clio.factbase.build import build_fact_base

ROOT = Path(__file__).resolve().parents[2]
DATA = yaml.safe_load((ROOT / "tests" / "data" / "learner_questions.yaml").read_text("utf-8"))


@pytest.fixture(scope="module")
def answerer() -> QuickAnswerer:
    return QuickAnswerer.from_fact_base(build_fact_base(ROOT / "seeds"))


def test_the_question_set_is_large_enough() -> None:
    assert len(DATA["on_topic"]) >= 60
    assert len(DATA["off_topic"]) >= 20


def _on_topic_correct(answerer: QuickAnswerer) -> tuple[float, list[str]]:
    wrong = []
    for case in DATA["on_topic"]:
        reply = answerer.answer(case["q"])
        if reply.sentence is None or case["expect"] not in reply.sentence:
            wrong.append(f"{case['q']!r} -> {reply.sentence!r}")
    return 1 - len(wrong) / len(DATA["on_topic"]), wrong


def test_on_topic_questions_rank_the_right_sentence_first(answerer: QuickAnswerer) -> None:
    wrong = []
    for case in DATA["on_topic"]:
        ranking = answerer.rank(case["q"])
        top = answerer.index.units[ranking.candidates[0].unit].sentence
        if case["expect"] not in top:
            wrong.append(f"{case['q']!r} -> {top!r}")
    assert len(wrong) / len(DATA["on_topic"]) <= 0.05, "\n".join(wrong)


def test_on_topic_questions_are_answered_from_the_right_sentence(answerer: QuickAnswerer) -> None:
    correct, wrong = _on_topic_correct(answerer)
    assert correct >= 0.95, "\n".join(wrong)


def test_off_topic_questions_are_abstained(answerer: QuickAnswerer) -> None:
    answered = [q for q in DATA["off_topic"] if not answerer.answer(q).abstained]
    abstained = 1 - len(answered) / len(DATA["off_topic"])
    assert abstained >= 0.90, "\n".join(answered)
