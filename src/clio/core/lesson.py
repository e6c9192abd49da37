"""Guided lessons: facts in reading order, in short chunks, each followed by a check question."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

from clio.core.messages import Choice, Reply
from clio.core.outcome import LessonRecord, Outcome, Record
from clio.core.payloads import TopicPayload, encode
from clio.core.quiz import ask, choose_question
from clio.core.state import LearnerState, Mode, Session, TopicStats
from clio.core.tutor import Tutor
from clio.core.waiting import reask


def topic_choices(tutor: Tutor) -> tuple[Choice, ...]:
    return tuple(
        Choice(label=topic.title, payload=encode(TopicPayload(topic.id)))
        for topic in tutor.facts.topics
        if tutor.lesson_facts.get(topic.id)
    )


def find_topic(tutor: Tutor, wanted: str) -> str | None:
    """A topic by id, or by a word of its title (case-insensitive)."""
    needle = wanted.strip().casefold()
    for topic in tutor.facts.topics:
        if needle in (topic.id, topic.title.casefold()):
            return topic.id
    matches = [t.id for t in tutor.facts.topics if needle and needle in t.title.casefold()]
    return matches[0] if len(matches) == 1 else None


def start(
    tutor: Tutor, state: LearnerState, wanted: str, *, now: datetime, rng: random.Random
) -> Outcome:
    """`/lesson [topic]`: resume the lesson in progress, or start one on the chosen topic."""
    say = tutor.flows.say
    if not wanted and state.mode is Mode.LESSON and state.pending is not None:
        topic = tutor.topic(state.topic_id)
        again = reask(tutor, state)
        resume = Reply(say("lesson.resume", topic=topic.title if topic else ""))
        return Outcome(state, (resume,) if again is None else (resume, again))
    choices = topic_choices(tutor)
    if not choices:
        return Outcome(state, (Reply(say("lesson.no_topics")),))
    topic_id = find_topic(tutor, wanted) if wanted else state.topic_id
    if wanted and topic_id is None:
        return Outcome(state, (Reply(say("lesson.unknown_topic", topic=wanted), choices),))
    if topic_id is None:
        if len(choices) > 1:
            return Outcome(state, (Reply(say("onboarding.choose_topic"), choices),))
        topic_id = tutor.facts.topics[0].id
    return begin(tutor, state, topic_id, now=now, rng=rng)


def set_aside(tutor: Tutor, state: LearnerState) -> tuple[LearnerState, tuple[Record, ...]]:
    """Leaving a lesson whose question is unanswered (for a review, another topic): its
    saved position goes back to that question's chunk, so the lesson teaches and asks it
    again instead of skipping it."""
    session, pending = state.session, state.pending
    if state.mode is not Mode.LESSON or session is None or pending is None:
        return state, ()
    topic_id = session.topic_id
    question = tutor.questions_by_id.get(pending.question_id)
    facts = tutor.lesson_facts.get(topic_id or "", ())
    ids = [fact.id for fact in facts]
    if topic_id is None or question is None or question.fact_id not in ids:
        return state, ()
    index = ids.index(question.fact_id)
    start = index - index % tutor.flows.lesson.chunk_size
    positions = {**state.positions, topic_id: start}
    return replace(state, positions=positions), (LessonRecord(topic_id, start, completed=False),)


def begin(
    tutor: Tutor, state: LearnerState, topic_id: str, *, now: datetime, rng: random.Random
) -> Outcome:
    """Open (or re-open) the lesson on `topic_id` at the learner's saved position."""
    state, records = set_aside(tutor, state)
    topic = tutor.topic(topic_id)
    facts = tutor.lesson_facts.get(topic_id, ())
    if topic is None or not facts:
        return Outcome(state, (Reply(tutor.flows.say("lesson.no_topics")),))
    position = state.positions.get(topic_id, 0)
    if position >= len(facts):
        position = 0
    key = "lesson.resume" if position else "lesson.start"
    intro = Reply(tutor.flows.say(key, topic=topic.title, facts=len(facts)))
    state = replace(
        state,
        mode=Mode.LESSON,
        topic_id=topic_id,
        pending=None,
        session=Session(topic_id=topic_id, position=position),
    )
    return next_chunk(tutor, state, (intro,), records, now=now, rng=rng)


def next_chunk(
    tutor: Tutor,
    state: LearnerState,
    replies: tuple[Reply, ...],
    records: tuple[Record, ...],
    *,
    now: datetime,
    rng: random.Random,
) -> Outcome:
    """Teach the next chunk of facts and ask about one of them; the recap at the end."""
    session = state.session
    assert session is not None and session.topic_id is not None
    facts = tutor.lesson_facts[session.topic_id]
    position = session.position
    taught: list[str] = []
    while position < len(facts):
        chunk = facts[position : position + tutor.flows.lesson.chunk_size]
        position += len(chunk)
        taught.extend(fact.text for fact in chunk)
        candidates = [q for f in chunk if (q := choose_question(tutor, f, rng=rng))]
        if candidates:
            question = rng.choice(candidates)
            lines = "\n".join(f"• {text}" for text in taught)
            state = replace(
                state,
                session=replace(session, position=position),
                positions={**state.positions, session.topic_id: position},
            )
            state, asked = ask(tutor, state, question, now=now)
            lesson = LessonRecord(session.topic_id, position, completed=False)
            chunk_reply = Reply(tutor.flows.say("lesson.chunk", facts=lines))
            return Outcome(state, (*replies, chunk_reply, asked), (*records, lesson))
    if taught:
        lines = "\n".join(f"• {text}" for text in taught)
        replies = (*replies, Reply(tutor.flows.say("lesson.chunk", facts=lines)))
    return finish(tutor, state, replies, records)


def finish(
    tutor: Tutor, state: LearnerState, replies: tuple[Reply, ...], records: tuple[Record, ...]
) -> Outcome:
    """The recap: score and what to review; the topic starts over next time."""
    session = state.session
    assert session is not None and session.topic_id is not None
    topic = tutor.topic(session.topic_id)
    say = tutor.flows.say
    recap = [
        say(
            "lesson.recap",
            topic=topic.title if topic else "",
            correct=_score(session.credit),
            total=session.asked,
        )
    ]
    if session.missed:
        missed = "\n".join(f"• {tutor.facts.facts_by_id[fid].text}" for fid in session.missed)
        recap.append(say("lesson.recap_review", facts=missed))
    elif session.asked:
        recap.append(say("lesson.recap_perfect"))
    stats = state.stats.get(session.topic_id, TopicStats())
    state = replace(
        state,
        mode=Mode.IDLE,
        session=None,
        pending=None,
        positions={**state.positions, session.topic_id: 0},
        stats={
            **state.stats,
            session.topic_id: replace(stats, lessons_completed=stats.lessons_completed + 1),
        },
    )
    done = LessonRecord(session.topic_id, 0, completed=True)
    return Outcome(state, (*replies, Reply("\n\n".join(recap))), (*records, done))


def _score(credit: float) -> str:
    return f"{credit:g}" if credit != int(credit) else str(int(credit))
