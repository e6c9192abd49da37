"""The question waiting for an answer: brought back after something else, restated for a
learner who is lost, and hinted."""

from __future__ import annotations

from dataclasses import replace

from clio.core.facts import Question
from clio.core.grading import grade
from clio.core.messages import Reply
from clio.core.quiz import question_reply
from clio.core.state import LearnerState
from clio.core.tutor import Tutor


def reask(tutor: Tutor, state: LearnerState) -> Reply | None:
    """The pending question again (after a quick question, a resume or a stale press)."""
    if state.pending is None:
        return None
    question = tutor.questions_by_id.get(state.pending.question_id)
    return None if question is None else question_reply(question, state.pending.choices)


def restate(tutor: Tutor, state: LearnerState, response: str) -> tuple[Reply, ...] | None:
    """For a learner who is lost ("why?", "huh"): how to answer, and the pending question
    again, with nothing graded or spent. None when nothing is pending, or when `response`
    would earn credit (a fill-in-the-blank answer may be "Who"): then it is an answer."""
    pending = state.pending
    question = tutor.questions_by_id.get(pending.question_id) if pending else None
    if pending is None or question is None or grade(response, question).score > 0:
        return None
    how = "lesson.confused_choices" if pending.choices else "lesson.confused_typed"
    return Reply(tutor.flows.say(how)), question_reply(question, pending.choices)


def hint(tutor: Tutor, state: LearnerState) -> tuple[LearnerState, Reply]:
    """Graded hints: first the answer's first letter, then fewer choices."""
    pending = state.pending
    question = tutor.questions_by_id.get(pending.question_id) if pending else None
    say = tutor.flows.say
    if pending is None or question is None:
        return state, Reply(say("lesson.nothing_pending"))
    if pending.hints >= tutor.flows.lesson.max_hints:
        return state, Reply(say("lesson.no_more_hints"))
    used = replace(pending, hints=pending.hints + 1)
    if pending.hints == 0 and question.kind.value != "true_false":
        letter = question.answer.strip()[:1].upper()
        text = say("lesson.hint_first_letter", letter=letter, length=len(question.answer))
        return replace(state, pending=used), Reply(text)
    fewer = _fewer_choices(tutor, question, pending.choices)
    if not fewer:
        return state, Reply(say("lesson.no_more_hints"))
    used = replace(used, choices=fewer)
    shown = question_reply(question, fewer)
    hinted = replace(shown, text=f"{say('lesson.hint_choices')}\n{shown.text}")
    return replace(state, pending=used), hinted


def _fewer_choices(tutor: Tutor, question: Question, shown: tuple[str, ...]) -> tuple[str, ...]:
    """Two options, the answer among them, keeping the order they were shown in."""
    options = shown or next(
        (
            q.choices
            for q in tutor.questions_for(question.fact_id)
            if q.choices and q.answer == question.answer and q.kind.value != "true_false"
        ),
        (),
    )
    if len(options) <= 2 or question.answer not in options:
        return ()
    keep = {question.answer, next(o for o in options if o != question.answer)}
    return tuple(o for o in options if o in keep)
