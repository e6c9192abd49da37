"""Regressions found while scripting golden chats: each test is named after the problem."""

from __future__ import annotations

import pytest

from clio.core.intent import Intent, classify
from clio.core.messages import CommandMessage, TextMessage
from tutor_samples import Learner


def pending_answer(learner: Learner) -> str:
    pending = learner.state.pending
    assert pending is not None
    return learner.tutor.questions_by_id[pending.question_id].answer


def start_lesson(learner: Learner) -> None:
    learner.send(CommandMessage("start"))
    learner.send(CommandMessage("lesson"))


@pytest.mark.parametrize("typed", ["skip", "I don't know", "no idea", "idk", "Dunno."])
def test_typed_skip_or_i_dont_know_was_graded_as_a_wrong_answer(
    learner: Learner, typed: str
) -> None:
    start_lesson(learner)
    answer = pending_answer(learner)
    text = learner.text(TextMessage(typed))
    assert f"Skipped. The answer was {answer}." in text
    assert "Not quite" not in text
    assert learner.last is not None
    verdicts = [getattr(r, "verdict", None) for r in learner.last.records]
    assert "skipped" in verdicts


@pytest.mark.parametrize("typed", ["hint", "give me a hint", "Hint please!"])
def test_typed_hint_was_graded_as_a_wrong_answer(learner: Learner, typed: str) -> None:
    start_lesson(learner)
    pending = learner.state.pending
    text = learner.text(TextMessage(typed))
    assert text.startswith("Hint: the answer starts with")
    assert learner.state.pending is not None and learner.state.pending.hints == 1
    assert pending is not None and learner.state.pending.question_id == pending.question_id


@pytest.mark.parametrize("hedge", ["was it {}?", "Is it {}", "maybe {}", "could it be {}?"])
def test_hesitant_answer_was_it_x_was_taken_for_a_question(learner: Learner, hedge: str) -> None:
    start_lesson(learner)
    answer = pending_answer(learner)
    assert "✅ Correct" in learner.text(TextMessage(hedge.format(answer)))


def test_who_was_palmerston_during_a_quiz_is_a_question_not_an_answer(learner: Learner) -> None:
    start_lesson(learner)
    pending = learner.state.pending
    text = learner.text(TextMessage("who was palmerston?"))
    assert text.startswith("Lord Palmerston")
    assert "Back to your question:" in text
    assert learner.state.pending == pending  # nothing graded
    assert learner.last is not None and learner.last.records == ()


def test_a_long_question_after_a_hedge_is_still_a_question() -> None:
    found = classify(
        "was it Palmerston who signed the treaty in Paris?",
        awaiting_answer=True,
        small_talk=(),
        max_length=1000,
    )
    assert found.intent is Intent.QUESTION


def test_a_hedge_with_no_question_waiting_is_a_question() -> None:
    found = classify("was it 1855?", awaiting_answer=False, small_talk=(), max_length=1000)
    assert found.intent is Intent.QUESTION


def test_progress_said_day_s_in_a_row(learner: Learner) -> None:
    start_lesson(learner)
    learner.text(TextMessage(pending_answer(learner)))
    text = learner.text(CommandMessage("progress"))
    assert "day(s)" not in text
    assert "Days in a row with an answer: 1" in text


def test_review_in_the_middle_of_a_lesson_lost_the_lesson_question(learner: Learner) -> None:
    """/review while a lesson question waited, then /lesson: the lesson used to move on to
    the next chunk, so the facts of the unanswered one were never checked."""
    start_lesson(learner)
    pending = learner.state.pending
    assert pending is not None
    asked_about = learner.tutor.questions_by_id[pending.question_id].fact_id
    learner.send(CommandMessage("review"))
    assert learner.state.positions["paris"] == 0
    while learner.state.pending is not None:  # finish the review
        learner.text(TextMessage(pending_answer(learner)))
    text = learner.text(CommandMessage("lesson"))
    assert "• Alexander II took the crown of Russia in 1855." in text  # the chunk, again
    again = learner.state.pending
    assert again is not None
    assert learner.tutor.questions_by_id[again.question_id].fact_id in {"f0", "f1"}
    assert asked_about in {"f0", "f1"}


def test_choosing_the_topic_again_mid_lesson_skipped_the_waiting_chunk(learner: Learner) -> None:
    start_lesson(learner)
    text = learner.text(CommandMessage("lesson", "paris"))
    assert "• Alexander II took the crown of Russia in 1855." in text
    assert learner.state.positions["paris"] == 2


def test_hesitant_answer_naming_a_long_choice_was_taken_for_a_question() -> None:
    found = classify(
        "was it the Charge of the Light Brigade?",
        awaiting_answer=True,
        small_talk=(),
        max_length=1000,
        choices=("Peace of Paris", "Charge of the Light Brigade"),
    )
    assert found.intent is Intent.ANSWER
    assert found.answer == "the Charge of the Light Brigade"


def test_unknown_command_mid_quiz_lost_sight_of_the_question(learner: Learner) -> None:
    start_lesson(learner)
    replies = learner.send(CommandMessage("pause"))
    assert "I don't know the command /pause." in replies[0].text
    assert replies[-2].text == "Back to your question:"
    assert learner.state.pending is not None
