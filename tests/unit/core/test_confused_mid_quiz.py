"""A learner who is lost while a question waits ("why?", "huh", "I don't understand") gets
the question again with how to answer it, and no wrong verdict; real answers still count."""

from __future__ import annotations

import pytest

from clio.core import quiz
from clio.core.facts import Fact, FactBase, Question, QuestionKind, Source, Topic
from clio.core.intent import is_confused
from clio.core.messages import CommandMessage, TextMessage
from clio.core.state import LearnerState
from clio.core.tutor import Tutor
from clio.dialogs.loader import load_flows
from tutor_samples import DIALOGS, T0, KeywordAnswerer, Learner


def start_lesson(learner: Learner) -> Question:
    learner.send(CommandMessage("start"))
    learner.send(CommandMessage("lesson"))
    pending = learner.state.pending
    assert pending is not None
    return learner.tutor.questions_by_id[pending.question_id]


@pytest.mark.parametrize(
    "typed",
    ["why?", "What?", "huh", "Huh?", "hmm", "Umm...", "I don't understand", "what do you mean?"],
)
def test_why_or_huh_during_a_quiz_was_graded_as_a_wrong_answer(
    learner: Learner, typed: str
) -> None:
    question = start_lesson(learner)
    before = learner.state
    text = learner.text(TextMessage(typed))
    assert "Not quite" not in text
    assert learner.last is not None and learner.last.records == ()  # nothing graded
    assert learner.state == before  # same question, no hint spent
    assert question.prompt in text  # the question again...
    assert "/hint" in text and "/skip" in text  # ...with how to answer or get help


@pytest.mark.parametrize(("question_id", "shape"), [("q0", "typed"), ("q1", "choices")])
def test_how_to_answer_follows_the_question_shape(
    learner: Learner, question_id: str, shape: str
) -> None:
    """A typed question says to type; a question with choices says to pick one."""
    tutor = learner.tutor
    learner.state, _ = quiz.ask(tutor, learner.state, tutor.questions_by_id[question_id], now=T0)
    assert learner.send(TextMessage("huh"))[0].text == tutor.flows.say(f"lesson.confused_{shape}")


def test_a_bare_question_word_without_a_question_mark_is_still_an_answer(
    learner: Learner,
) -> None:
    start_lesson(learner)
    text = learner.text(TextMessage("what"))
    assert "Not quite" in text
    assert learner.last is not None and learner.last.records != ()


def test_confusion_is_the_whole_message_only() -> None:
    phrases, questions = frozenset({"huh", "i don t understand"}), frozenset({"why", "what"})
    assert is_confused("Huh!", phrases=phrases, question_words=questions)
    assert is_confused("  why ? ", phrases=phrases, question_words=questions)
    assert not is_confused("why", phrases=phrases, question_words=questions)
    assert not is_confused("why did the war start?", phrases=phrases, question_words=questions)
    assert not is_confused("huh, 1855", phrases=phrases, question_words=questions)


def cloze_tutor() -> Tutor:
    text = "My Generation was recorded by the Who in 1965."
    fact = Fact("f0", "rock", text, text, Source("rock.txt", 1), 0)
    question = Question(
        "q0",
        "f0",
        QuestionKind.CLOZE,
        "My Generation was recorded by the ___ in 1965.",
        "Who",
        text,
        fact.source,
    )
    base = FactBase.assemble((Topic("rock", "Rock", "rock.txt", (fact,)),), (question,))
    return Tutor.create(flows=load_flows(DIALOGS), facts=base, answerer=KeywordAnswerer())


@pytest.mark.parametrize("typed", ["Who?", "who"])
def test_a_cloze_whose_answer_is_a_question_word_is_still_graded(typed: str) -> None:
    learner = Learner(cloze_tutor(), LearnerState())
    assert start_lesson(learner).kind is QuestionKind.CLOZE
    text = learner.text(TextMessage(typed))
    assert "✅ Correct: Who." in text
