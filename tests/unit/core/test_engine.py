"""The core step through a learner's eyes: lessons, answers, hints, skips, quick questions."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from clio.core.engine import step
from clio.core.messages import ChoicePressed, CommandMessage, PromptDue, TextMessage
from clio.core.outcome import ActiveDayRecord, AttemptRecord, CardRecord, LessonRecord
from clio.core.payloads import AnswerPayload, encode
from clio.core.state import LearnerState, Mode
from tutor_samples import SENTENCES, T0, Learner


def start_lesson(learner: Learner) -> str:
    learner.send(CommandMessage("start"))
    return learner.text(CommandMessage("lesson"))


def test_start_welcomes_and_offers_topics(learner: Learner) -> None:
    replies = learner.send(CommandMessage("start"))
    assert "I'm Clio" in replies[0].text
    assert [c.label for c in replies[3].choices] == ["Treaty of Paris"]
    assert [c.label for c in replies[2].choices] == ["Yes, daily at 18:00", "Not now"]
    assert learner.state.started
    again = learner.send(CommandMessage("start"))
    assert len(again) == 3  # the daily offer is made once


def test_lesson_teaches_a_chunk_then_asks(learner: Learner) -> None:
    text = start_lesson(learner)
    assert "Lesson: Treaty of Paris (4 facts)" in text
    assert "• Alexander II took the crown of Russia in 1855." in text
    assert "• Peace talks were held in Paris in 1856." in text
    assert learner.state.pending is not None
    assert learner.state.mode is Mode.LESSON
    assert learner.last is not None
    assert LessonRecord("paris", 2, completed=False) in learner.last.records


def answer_pending(learner: Learner, *, right: bool) -> str:
    pending = learner.state.pending
    assert pending is not None
    question = learner.tutor.questions_by_id[pending.question_id]
    if right:
        return learner.text(TextMessage(question.answer))
    wrong = next((c for c in question.choices if c != question.answer), "no idea at all")
    return learner.text(TextMessage(wrong))


def test_right_answer_gets_feedback_source_and_records(learner: Learner) -> None:
    start_lesson(learner)
    text = answer_pending(learner, right=True)
    assert "✅ Correct" in text
    assert 'Source: "' in text and "(paris.txt:" in text
    assert learner.last is not None
    kinds = {type(record) for record in learner.last.records}
    assert {AttemptRecord, CardRecord, ActiveDayRecord, LessonRecord} <= kinds
    attempt = next(r for r in learner.last.records if isinstance(r, AttemptRecord))
    assert attempt.score == 1.0 and attempt.verdict == "correct"


def test_wrong_answer_then_i_was_right(learner: Learner) -> None:
    start_lesson(learner)
    text = answer_pending(learner, right=False)
    assert "❌ Not quite. The answer is" in text
    topic = learner.state.stats["paris"]
    assert (topic.answers, topic.credit) == (1, 0.0)
    assert "counted that as right" in learner.text(TextMessage("I was right!"))
    assert learner.state.stats["paris"].credit == 1.0
    assert learner.last is not None
    override = next(r for r in learner.last.records if isinstance(r, AttemptRecord))
    assert override.overridden and override.score == 1.0
    assert "no wrong answer" in learner.text(TextMessage("i was right"))


def test_typed_answers_are_lenient(learner: Learner) -> None:
    learner.state = replace(learner.state, started=True)
    start_lesson(learner)
    pending = learner.state.pending
    assert pending is not None
    question = learner.tutor.questions_by_id[pending.question_id]
    sloppy = {"1855": "1855", "Paris": "paris.", "Lord Palmerston": "palmerstn"}
    if question.answer in sloppy:
        assert "✅ Correct" in learner.text(TextMessage(sloppy[question.answer]))


def test_whole_lesson_ends_with_a_recap(learner: Learner) -> None:
    start_lesson(learner)
    answer_pending(learner, right=True)
    recap = answer_pending(learner, right=False)
    assert "Lesson complete: Treaty of Paris. You scored 1 out of 2." in recap
    assert "Worth reviewing:" in recap
    assert learner.state.mode is Mode.IDLE and learner.state.pending is None
    assert learner.state.stats["paris"].lessons_completed == 1
    assert learner.state.positions["paris"] == 0


def test_lesson_command_resumes_the_pending_question(learner: Learner) -> None:
    start_lesson(learner)
    pending = learner.state.pending
    text = learner.text(CommandMessage("lesson"))
    assert "Welcome back to Treaty of Paris" in text
    assert learner.state.pending == pending


def test_hints_first_letter_then_fewer_choices(learner: Learner) -> None:
    start_lesson(learner)
    pending = learner.state.pending
    assert pending is not None
    question = learner.tutor.questions_by_id[pending.question_id]
    first = learner.text(CommandMessage("hint"))
    assert f'starts with "{question.answer[0].upper()}"' in first
    second = learner.send(CommandMessage("hint"))
    if question.choices:
        assert len(second[-1].choices) == 2
        assert question.answer in [c.label for c in second[-1].choices]
    assert "No more hints" in learner.text(CommandMessage("hint"))
    answer_pending(learner, right=True)
    assert learner.last is not None
    attempt = next(r for r in learner.last.records if isinstance(r, AttemptRecord))
    assert attempt.hints == 2


def test_skip_shows_the_answer_and_moves_on(learner: Learner) -> None:
    start_lesson(learner)
    pending = learner.state.pending
    assert pending is not None
    answer = learner.tutor.questions_by_id[pending.question_id].answer
    text = learner.text(CommandMessage("skip"))
    assert f"Skipped. The answer was {answer}." in text
    assert 'Source: "' in text
    assert learner.last is not None
    attempt = next(r for r in learner.last.records if isinstance(r, AttemptRecord))
    assert attempt.verdict == "skipped" and attempt.score == 0.0
    assert learner.state.pending is not None and learner.state.pending != pending


def test_quick_question_mid_quiz_is_answered_then_the_question_comes_back(
    learner: Learner,
) -> None:
    start_lesson(learner)
    pending = learner.state.pending
    replies = learner.send(TextMessage("who was palmerston?"))
    assert "Lord Palmerston" in replies[0].text
    assert replies[1].text == "Back to your question:"
    assert learner.state.pending == pending
    assert learner.last is not None and learner.last.records == ()
    unknown = learner.text(TextMessage("What is the capital of Japan?"))
    assert "I don't know" in unknown


def test_an_unsure_quick_answer_is_offered_as_the_closest_without_its_short_answer(
    learner: Learner,
) -> None:
    [reply] = learner.send(TextMessage("who signed the treaty?"))
    assert reply.text.startswith("I'm not sure my sources answer that.")
    assert SENTENCES[1] in reply.text and "paris.txt:2" in reply.text
    assert not reply.text.startswith("Britain")


def test_button_press_answers_and_old_button_expires(learner: Learner) -> None:
    start_lesson(learner)
    pending = learner.state.pending
    assert pending is not None
    question = learner.tutor.questions_by_id[pending.question_id]
    stale = encode(AnswerPayload("old-question", 0))
    replies = learner.send(ChoicePressed(stale))
    assert replies[0].text == "That question has expired. Here's the current one:"
    assert learner.state.pending == pending
    if question.choices:
        index = question.choices.index(question.answer)
        assert "✅" in learner.text(ChoicePressed(encode(AnswerPayload(question.id, index))))


def test_typed_number_picks_a_choice(learner: Learner, tutor: object) -> None:
    start_lesson(learner)
    learner.text(CommandMessage("skip"))  # q0/q1 chunk done; next chunk may have choices
    pending = learner.state.pending
    assert pending is not None
    question = learner.tutor.questions_by_id[pending.question_id]
    if pending.choices:
        number = pending.choices.index(question.answer) + 1
        assert "✅" in learner.text(TextMessage(str(number)))


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("", "I didn't catch anything"),
        ("🎉🎉", "I read text best"),
        ("x" * 5000, "That's a long message"),
        ("thanks!", "You're welcome"),
        ("Hello", "Hello!"),
        # About Clio itself, not a history question for the sources.
        ("who are you?", "I'm Clio, a history tutor"),
        ("What can you do", "short lessons"),
        # With no question waiting: not a history question for the sources either.
        ("I don't know", "There's no question waiting"),
        ("hint", "There's no question waiting"),
        ("2", "There's no question waiting"),
        ("huh?", "No worries! Type /lesson"),
        ("what should I do?", "No worries! Type /lesson"),
    ],
)
def test_odd_messages_get_friendly_replies(learner: Learner, message: str, expected: str) -> None:
    assert expected in learner.text(TextMessage(message))
    assert learner.last is not None and learner.last.records == ()


def test_unknown_command_points_to_help(learner: Learner) -> None:
    text = learner.text(CommandMessage("dance"))
    assert "I don't know the command /dance." in text and "/help" in text
    assert "Did you mean" not in text


@pytest.mark.parametrize(
    ("typed", "meant"), [("stats", "progress"), ("lesosn", "lesson"), ("Quiz", "review")]
)
def test_a_misspelt_or_familiar_command_gets_the_one_meant(
    learner: Learner, typed: str, meant: str
) -> None:
    text = learner.text(CommandMessage(typed))
    assert f"I don't know the command /{typed}. Did you mean /{meant}?" in text
    assert learner.last is not None and learner.last.records == ()


def test_progress_counts_match_answers(learner: Learner) -> None:
    assert "haven't answered anything" in learner.text(CommandMessage("progress"))
    start_lesson(learner)
    answer_pending(learner, right=True)
    answer_pending(learner, right=False)
    text = learner.text(CommandMessage("progress"))
    assert "Treaty of Paris: 2/4 facts seen, 50% correct" in text
    assert "Days in a row with an answer: 1" in text


def test_review_asks_due_items_first(learner: Learner) -> None:
    start_lesson(learner)
    answer_pending(learner, right=False)
    missed = next(iter(learner.state.cards))
    learner.now = T0 + timedelta(days=2)
    text = learner.text(CommandMessage("review"))
    assert "Review time: 1 due, 3 new." in text
    pending = learner.state.pending
    assert pending is not None
    assert learner.tutor.questions_by_id[pending.question_id].fact_id == missed
    assert learner.state.mode is Mode.REVIEW


def test_daily_prompt_brings_a_new_fact_when_nothing_is_due(learner: Learner) -> None:
    replies = learner.send(PromptDue())
    assert "Today's history fact (streak: 0 day(s))" in replies[0].text
    assert "Alexander II took the crown of Russia in 1855." in replies[0].text
    assert learner.state.pending is not None
    assert "✅" in learner.text(TextMessage("1855"))
    assert learner.state.pending is None


def test_daily_prompt_prefers_a_due_review_and_never_piles_up(learner: Learner) -> None:
    start_lesson(learner)
    answer_pending(learner, right=False)
    missed = next(iter(learner.state.cards))
    learner.text(CommandMessage("skip"))
    learner.now = T0 + timedelta(days=3)
    replies = learner.send(PromptDue())
    assert "Your daily history question" in replies[0].text
    pending = learner.state.pending
    assert pending is not None
    assert learner.tutor.questions_by_id[pending.question_id].fact_id in learner.state.cards
    assert missed in learner.state.cards
    again = learner.send(PromptDue())
    assert "still waiting" in again[0].text and learner.state.pending == pending


def test_step_needs_an_aware_clock(learner: Learner) -> None:
    with pytest.raises(ValueError, match="timezone-aware"):
        step(
            learner.tutor,
            LearnerState(),
            TextMessage("hi"),
            now=T0.replace(tzinfo=None),
            rng=__import__("random").Random(1),
        )


def test_step_never_mutates_its_input(learner: Learner) -> None:
    start_lesson(learner)
    before = learner.state
    snapshot = before.to_json()
    answer_pending(learner, right=True)
    assert before.to_json() == snapshot


def test_override_counts_in_the_lesson_recap(learner: Learner) -> None:
    start_lesson(learner)
    answer_pending(learner, right=False)
    learner.text(TextMessage("I was right"))
    recap = answer_pending(learner, right=True)
    assert "You scored 2 out of 2." in recap
    assert "Worth reviewing" not in recap


def test_i_was_right_after_a_skip_is_refused(learner: Learner) -> None:
    """Regression: "I was right" straight after /skip credited the skipped question."""
    start_lesson(learner)
    learner.send(CommandMessage("skip"))
    assert "no wrong answer" in learner.text(TextMessage("I was right"))
    assert learner.last is not None and learner.last.records == ()
    assert learner.state.stats["paris"].credit == 0.0


def test_a_question_about_a_whole_topic_offers_its_lesson(learner: Learner) -> None:
    [reply] = learner.send(TextMessage("Tell me about the Treaty of Paris"))
    assert reply.text.startswith("That's one of my topics: Treaty of Paris, 4 facts")
    assert "Alexander II took the crown of Russia in 1855." in reply.text
    [start] = reply.choices
    assert start.label == "Start the lesson"
    assert "Lesson: Treaty of Paris" in learner.text(ChoicePressed(start.payload))
    # Mid-lesson the topic is described again, without a button to start what is on.
    pending = learner.state.pending
    replies = learner.send(TextMessage("what was the treaty of paris?"))
    assert replies[0].text.startswith("That's one of my topics") and not replies[0].choices
    assert replies[1].text == "Back to your question:"
    assert learner.state.pending == pending


def waiting_prompt(learner: Learner) -> str:
    """Start a lesson; the prompt of the question it leaves waiting."""
    start_lesson(learner)
    pending = learner.state.pending
    assert pending is not None
    return learner.tutor.questions_by_id[pending.question_id].prompt


def test_help_progress_and_settings_bring_the_waiting_question_back(learner: Learner) -> None:
    prompt = waiting_prompt(learner)
    pending = learner.state.pending
    commands = [("help", ""), ("progress", ""), ("timezone", "Europe/Paris"), ("daily", "18:30")]
    for name, argument in commands:
        replies = learner.send(CommandMessage(name, argument))
        assert replies[-2].text == "Back to your question:", name
        assert prompt in replies[-1].text
        assert learner.state.pending == pending
    assert learner.state.timezone == "Europe/Paris" and learner.state.daily_time == "18:30"


def test_small_talk_mid_question_does_not_point_away_from_it(learner: Learner) -> None:
    prompt = waiting_prompt(learner)
    pending = learner.state.pending
    replies = learner.send(TextMessage("thanks!"))
    assert replies[0].text == "You're welcome!"
    assert replies[1].text == "Back to your question:" and prompt in replies[2].text
    assert learner.state.pending == pending


@pytest.mark.parametrize("odd", ["9" * 5000, "3" * 4000 + "rd"])
def test_a_run_of_digits_too_long_to_read_mid_question_keeps_the_question(
    learner: Learner, odd: str
) -> None:
    start_lesson(learner)
    pending = learner.state.pending
    assert pending is not None
    assert "long message" in learner.text(TextMessage(odd))
    assert learner.state.pending is not None
    assert learner.state.pending.question_id == pending.question_id


def test_a_superscript_digit_is_a_typed_answer_not_a_crash(learner: Learner) -> None:
    start_lesson(learner)
    assert "Not quite" in learner.text(TextMessage("²"))
