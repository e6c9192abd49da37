"""The daily prompt: one due review question, or else the next new fact with its question."""

from __future__ import annotations

import random
from datetime import datetime

from clio.core import review as srs
from clio.core.calendar import local_date, streak
from clio.core.facts import Fact
from clio.core.messages import Reply
from clio.core.outcome import Outcome
from clio.core.quiz import ask, choose_question
from clio.core.state import LearnerState
from clio.core.tutor import Tutor
from clio.core.waiting import reask


def daily_prompt(
    tutor: Tutor, state: LearnerState, *, now: datetime, rng: random.Random
) -> Outcome:
    """What the learner gets at their daily time; answering it works like any answer."""
    say = tutor.flows.say
    days = streak(state.active_days, local_date(now, state.timezone))
    pending = reask(tutor, state)
    if pending is not None:  # a question is already waiting: remind, don't pile up
        return Outcome(state, (_joined(say("prompt.reminder", streak=days), pending),))
    due = _most_overdue(tutor, state, now=now)
    if due is not None and (question := choose_question(tutor, due, rng=rng)):
        new_state, asked = ask(tutor, state, question, now=now)
        return Outcome(new_state, (_joined(say("prompt.review", streak=days), asked),))
    for fact in _new_facts(tutor, state):
        question = choose_question(tutor, fact, rng=rng)
        if question is not None:
            new_state, asked = ask(tutor, state, question, now=now)
            intro = say("prompt.new", streak=days, fact=fact.text)
            return Outcome(new_state, (_joined(intro, asked),))
    return Outcome(state, (Reply(say("prompt.all_done", streak=days)),))


def _joined(intro: str, question: Reply) -> Reply:
    """One message per prompt: a burst of prompts is paced per message by the platform."""
    return Reply(f"{intro}\n\n{question.text}", question.choices)


def _most_overdue(tutor: Tutor, state: LearnerState, *, now: datetime) -> Fact | None:
    due = [
        (srs.due_at(card), fact_id)
        for fact_id, card in state.cards.items()
        if fact_id in tutor.facts.facts_by_id and srs.is_due(card, now)
    ]
    return tutor.facts.facts_by_id[min(due)[1]] if due else None


def _new_facts(tutor: Tutor, state: LearnerState) -> list[Fact]:
    """Unseen facts in lesson order: the current topic from its lesson position, then the
    rest of it, then the other topics."""
    topic_ids = [t.id for t in tutor.facts.topics]
    if state.topic_id in topic_ids:
        topic_ids.remove(state.topic_id)
        topic_ids.insert(0, state.topic_id)
    ordered: list[Fact] = []
    for topic_id in topic_ids:
        facts = tutor.lesson_facts.get(topic_id, ())
        start = state.positions.get(topic_id, 0) if topic_id == state.topic_id else 0
        ordered.extend((*facts[start:], *facts[:start]))
    return [fact for fact in ordered if fact.id not in state.cards]
