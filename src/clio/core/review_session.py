"""Review (`/review`): the learner's due items first (FSRS), then a few new ones."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

from clio.core import review as srs
from clio.core.lesson import set_aside
from clio.core.messages import Reply
from clio.core.outcome import Outcome, Record
from clio.core.quiz import ask, choose_question
from clio.core.state import LearnerState, Mode, Session
from clio.core.tutor import Tutor


def due_items(tutor: Tutor, state: LearnerState, *, now: datetime) -> list[str]:
    """Fact ids whose cards are due, most overdue first."""
    due = [
        (srs.due_at(card), fact_id)
        for fact_id, card in state.cards.items()
        if fact_id in tutor.facts.facts_by_id
    ]
    return [fact_id for when, fact_id in sorted(due) if when <= now]


def new_items(tutor: Tutor, state: LearnerState, *, limit: int) -> list[str]:
    """Facts never seen, with a question, from the current topic first."""
    topics = sorted(tutor.facts.topics, key=lambda t: t.id != state.topic_id)
    fresh: list[str] = []
    for topic in topics:
        for fact in tutor.lesson_facts.get(topic.id, ()):
            if len(fresh) >= limit:
                return fresh
            if fact.id not in state.cards and tutor.questions_for(fact.id):
                fresh.append(fact.id)
    return fresh


def start(tutor: Tutor, state: LearnerState, *, now: datetime, rng: random.Random) -> Outcome:
    settings = tutor.flows.review
    due = due_items(tutor, state, now=now)[: settings.session_size]
    room = max(settings.session_size - len(due), 0)
    fresh = new_items(tutor, state, limit=min(settings.new_items, room))
    if not due and not fresh:
        return Outcome(state, (Reply(tutor.flows.say("review.nothing")),))
    intro = Reply(tutor.flows.say("review.start", due=len(due), new=len(fresh)))
    state, records = set_aside(tutor, state)
    session = Session(topic_id=state.topic_id, queue=(*due, *fresh))
    state = replace(state, mode=Mode.REVIEW, session=session, pending=None)
    return next_item(tutor, state, (intro,), records, now=now, rng=rng)


def next_item(
    tutor: Tutor,
    state: LearnerState,
    replies: tuple[Reply, ...],
    records: tuple[Record, ...],
    *,
    now: datetime,
    rng: random.Random,
) -> Outcome:
    session = state.session
    assert session is not None
    queue = list(session.queue)
    while queue:
        fact = tutor.facts.facts_by_id.get(queue.pop(0))
        question = choose_question(tutor, fact, rng=rng) if fact else None
        if question is not None:
            state = replace(state, session=replace(session, queue=tuple(queue)))
            state, asked = ask(tutor, state, question, now=now)
            return Outcome(state, (*replies, asked), records)
    done = Reply(tutor.flows.say("review.done", correct=f"{session.credit:g}", total=session.asked))
    state = replace(state, mode=Mode.IDLE, session=None, pending=None)
    return Outcome(state, (*replies, done), records)
