"""Asking a question and taking its answer: grading, feedback, skips and overrides (hints and
re-asking: waiting.py)."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, datetime

from clio.core import review as srs
from clio.core.calendar import local_date
from clio.core.facts import Fact, Question, QuestionKind
from clio.core.grades import Grade, Reason, Verdict, override, wrong
from clio.core.grading import grade
from clio.core.messages import Choice, Reply
from clio.core.outcome import ActiveDayRecord, AttemptRecord, CardRecord, Record
from clio.core.payloads import AnswerPayload, encode
from clio.core.state import LastGrade, LearnerState, Pending, TopicStats
from clio.core.tutor import Tutor

SKIPPED = "skipped"  # the verdict recorded for a skipped question


@dataclass(frozen=True)
class Answered:
    """What taking an answer produced, before the flow decides what comes next."""

    state: LearnerState
    replies: tuple[Reply, ...]
    records: tuple[Record, ...]
    credit: float
    fact: Fact


def choose_question(tutor: Tutor, fact: Fact, *, rng: random.Random) -> Question | None:
    """The question to check `fact` with: the first kind in the lesson's preferred order,
    with a random pick among questions of that kind."""
    questions = tutor.questions_for(fact.id)
    for kind in tutor.flows.lesson.question_kinds:
        of_kind = [q for q in questions if q.kind.value == kind]
        if of_kind:
            return rng.choice(of_kind)
    return rng.choice(questions) if questions else None


def ask(
    tutor: Tutor, state: LearnerState, question: Question, *, now: datetime
) -> tuple[LearnerState, Reply]:
    """Put `question` to the learner and remember it as pending."""
    choices = question.choices
    if question.kind is QuestionKind.TRUE_FALSE and not choices:
        # One press beats typing: the labels come from the dialogs, the grader reads them.
        choices = (tutor.flows.say("lesson.true_choice"), tutor.flows.say("lesson.false_choice"))
    pending = Pending(question_id=question.id, asked_at=now, choices=choices)
    return replace(state, pending=pending), question_reply(question, pending.choices)


def question_reply(question: Question, choices: tuple[str, ...]) -> Reply:
    buttons = tuple(
        Choice(label=choice, payload=encode(AnswerPayload(question.id, index)))
        for index, choice in enumerate(choices)
    )
    return Reply(question.prompt, buttons)


def take_answer(
    tutor: Tutor, state: LearnerState, response: str, *, now: datetime, rng: random.Random
) -> Answered | None:
    """Grade `response` to the pending question; None when nothing (known) is pending."""
    pending = state.pending
    question = tutor.questions_by_id.get(pending.question_id) if pending else None
    if pending is None or question is None:
        return None
    result = grade(response, question)
    seconds = max((now - pending.asked_at).total_seconds(), 0.0)
    rating = srs.rating_for(result, hints_used=pending.hints, response_seconds=seconds)
    return _record(
        tutor,
        state,
        question,
        result,
        response=response,
        rating=rating,
        hints=pending.hints,
        seconds=seconds,
        now=now,
        rng=rng,
    )


def skip(
    tutor: Tutor, state: LearnerState, *, now: datetime, rng: random.Random
) -> Answered | None:
    """Give up on the pending question: no credit, the answer shown, the card rated Again."""
    pending = state.pending
    question = tutor.questions_by_id.get(pending.question_id) if pending else None
    if pending is None or question is None:
        return None
    answered = _record(
        tutor,
        state,
        question,
        wrong(Reason.EMPTY),
        response="",
        rating=srs.Rating.Again,
        hints=pending.hints,
        seconds=None,
        now=now,
        rng=rng,
        verdict=SKIPPED,
    )
    say = tutor.flows.say
    source = say("lesson.source", sentence=question.explanation, source=str(question.source))
    skipped = Reply(f"{say('lesson.skipped', answer=question.answer)}\n{source}")
    # A skip is no answer that could have been right: "I was right" must not credit it.
    state = replace(answered.state, last_grade=None)
    return replace(answered, state=state, replies=(skipped, *answered.replies[1:]))


def _record(
    tutor: Tutor,
    state: LearnerState,
    question: Question,
    result: Grade,
    *,
    response: str,
    rating: srs.Rating,
    hints: int,
    seconds: float | None,
    now: datetime,
    rng: random.Random,
    verdict: str | None = None,
) -> Answered:
    fact = tutor.facts.facts_by_id[question.fact_id]
    card_before = state.cards.get(fact.id)
    graded = LastGrade(
        question_id=question.id,
        fact_id=fact.id,
        topic_id=fact.topic_id,
        response=response,
        score=result.score,
        card_before=card_before,
    )
    card_after, reviewed = _reviewed(
        graded,
        rating,
        result,
        hints=hints,
        seconds=seconds,
        now=now,
        rng=rng,
        verdict=verdict,
    )
    stats = state.stats.get(fact.topic_id, TopicStats())
    new_state = replace(
        state,
        pending=None,
        cards={**state.cards, fact.id: card_after},
        stats={
            **state.stats,
            fact.topic_id: replace(
                stats, answers=stats.answers + 1, credit=stats.credit + result.score
            ),
        },
        last_grade=graded,
    ).with_active_day(local_day(state, now))
    records = (*reviewed, ActiveDayRecord(local_day(state, now)))
    return Answered(new_state, feedback(tutor, question, result), records, result.score, fact)


def _reviewed(
    graded: LastGrade,
    rating: srs.Rating,
    result: Grade,
    *,
    hints: int,
    seconds: float | None,
    now: datetime,
    rng: random.Random,
    verdict: str | None = None,
    overridden: bool = False,
) -> tuple[srs.CardState, tuple[AttemptRecord, CardRecord]]:
    """Review the card of a graded answer (as it was before, or a new one) at `rating`: the
    card after, and the two records that keep it (the attempt, and the card with its review
    log). A graded answer and an "I was right" both come through here, so their records
    cannot drift apart."""
    card = graded.card_before or srs.new_card(now, card_id=srs.card_id_for(graded.fact_id))
    card_after, log = srs.review(card, rating, now, rng=rng)
    attempt = AttemptRecord(
        question_id=graded.question_id,
        fact_id=graded.fact_id,
        topic_id=graded.topic_id,
        response=graded.response,
        score=result.score,
        verdict=verdict or result.verdict.value,
        hints=hints,
        seconds=seconds,
        overridden=overridden,
    )
    card_record = CardRecord(
        item_id=graded.fact_id,
        card=card_after,
        due=log.due,
        rating=int(rating),
        reviewed_at=now,
        log=log.to_dict(),
    )
    return card_after, (attempt, card_record)


def feedback(tutor: Tutor, question: Question, result: Grade) -> tuple[Reply, ...]:
    """Right or wrong, the correct answer, and the source sentence."""
    say = tutor.flows.say
    if result.verdict is Verdict.CORRECT:
        verdict = say("lesson.correct", answer=question.answer)
    elif result.verdict is Verdict.PARTIAL:
        missing = ", ".join(result.missing)
        verdict = say("lesson.partial", answer=question.answer, missing=missing)
    else:
        verdict = say("lesson.wrong", answer=question.answer)
    source = say("lesson.source", sentence=question.explanation, source=str(question.source))
    return (Reply(f"{verdict}\n{source}"),)


def honour_override(
    tutor: Tutor, state: LearnerState, *, now: datetime, rng: random.Random
) -> tuple[LearnerState, Reply, tuple[Record, ...]]:
    """ "I was right": credit the last answer in full and re-rate its card as Good."""
    last = state.last_grade
    question = tutor.questions_by_id.get(last.question_id) if last else None
    if last is None or question is None or last.score >= 1.0:
        return state, Reply(tutor.flows.say("lesson.nothing_to_override")), ()
    fixed = override(grade(last.response, question))
    card_after, records = _reviewed(
        last, srs.Rating.Good, fixed, hints=0, seconds=None, now=now, rng=rng, overridden=True
    )
    stats = state.stats.get(last.topic_id, TopicStats())
    session = state.session
    if session is not None:  # the lesson's recap counts the answer as right too
        session = replace(
            session,
            credit=session.credit + fixed.score - last.score,
            missed=tuple(fid for fid in session.missed if fid != last.fact_id),
        )
    new_state = replace(
        state,
        last_grade=None,
        session=session,
        cards={**state.cards, last.fact_id: card_after},
        stats={
            **state.stats,
            last.topic_id: replace(stats, credit=stats.credit + fixed.score - last.score),
        },
    )
    return new_state, Reply(tutor.flows.say("lesson.override")), records


def local_day(state: LearnerState, now: datetime) -> date:
    return local_date(now, state.timezone)
