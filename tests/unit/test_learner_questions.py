"""Learner questions about the bundled seed: answered from the right sentence, or abstained."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from clio.core.facts import QuickAnswer
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


def test_near_misses_are_not_answered_as_if_the_seed_said(answerer: QuickAnswerer) -> None:
    """Questions on the seed's subject that it does not answer get "I don't know" or the
    closest sentence offered as such. A guard below today's level (88 of 98) with a margin:
    there is no target yet (bench/learner_questions.py)."""
    bluffs = [q for q in DATA["near_miss"] if _answered_as_sure(answerer.answer(q))]
    assert 1 - len(bluffs) / len(DATA["near_miss"]) >= 0.80, "\n".join(bluffs)


def test_right_answers_are_given_as_sure(answerer: QuickAnswerer) -> None:
    """The doubt is kept for typed questions whose sentence holds nothing of the kind asked
    for: right answers are rarely offered as merely the closest (today 9 of 98)."""
    replies = [(case, answerer.answer(case["q"])) for case in DATA["on_topic"]]
    unsure = [
        case["q"]
        for case, reply in replies
        if case["expect"] in (reply.sentence or "") and not reply.sure
    ]
    assert len(unsure) / len(DATA["on_topic"]) <= 0.10, "\n".join(unsure)


def test_a_caption_is_not_passed_off_as_who_signed(answerer: QuickAnswerer) -> None:
    sure = answerer.answer("When did Alexander II take the crown of Russia?")
    assert sure.sure and sure.answer == "1855"
    closest = answerer.answer("who signed the treaty of paris?")
    assert closest.sentence is not None and not closest.sure
    # A caption can still answer, when the strict judge backs it.
    engraver = answerer.answer("who made the copper plate engraving")
    assert engraver.sure and engraver.answer == "Auguste Blanchard"


def test_a_short_answer_the_strict_judge_all_but_rules_out_is_not_given(
    answerer: QuickAnswerer,
) -> None:
    """The seed names Lord Palmerston as Britain's prime minister, not Russia's foreign
    minister: the sentence may be offered as the closest, but not his name as the answer."""
    reply = answerer.answer("who was the russian foreign minister?")
    assert reply.answer is None and not reply.sure
    assert reply.sentence is not None and "Lord Palmerston" in reply.sentence
    right = answerer.answer("who was the british prime minister during the war")
    assert right.sure and right.answer == "Lord Palmerston"


def _answered_as_sure(reply: QuickAnswer) -> bool:
    return not reply.abstained and reply.sure
