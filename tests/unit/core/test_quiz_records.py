"""Every field of the records a graded answer and an "I was right" leave for the store."""

from __future__ import annotations

from clio.core import review as srs
from clio.core.messages import CommandMessage, TextMessage
from clio.core.outcome import ActiveDayRecord, AttemptRecord, CardRecord
from tutor_samples import T0, Learner


def records_of(learner: Learner) -> tuple[AttemptRecord, CardRecord]:
    assert learner.last is not None
    attempts = [r for r in learner.last.records if isinstance(r, AttemptRecord)]
    cards = [r for r in learner.last.records if isinstance(r, CardRecord)]
    assert len(attempts) == len(cards) == 1
    return attempts[0], cards[0]


def test_a_wrong_answer_then_i_was_right_leave_matching_records(learner: Learner) -> None:
    learner.send(CommandMessage("start"))
    learner.send(CommandMessage("lesson"))
    pending = learner.state.pending
    assert pending is not None
    question = learner.tutor.questions_by_id[pending.question_id]
    fact = learner.tutor.facts.facts_by_id[question.fact_id]

    learner.send(TextMessage("Atlantis"))
    attempt, card = records_of(learner)
    assert attempt == AttemptRecord(
        question_id=question.id,
        fact_id=fact.id,
        topic_id=fact.topic_id,
        response="Atlantis",
        score=0.0,
        verdict="wrong",
        hints=0,
        seconds=0.0,
        overridden=False,
    )
    assert learner.last is not None and ActiveDayRecord(T0.date()) in learner.last.records
    after_wrong = learner.state.cards[fact.id]
    assert card.item_id == fact.id and card.card == after_wrong
    assert card.rating == int(srs.Rating.Again) and card.reviewed_at == T0
    assert card.due == srs.due_at(after_wrong) and card.log["due"] == card.due.isoformat()

    learner.send(TextMessage("I was right"))
    attempt, card = records_of(learner)
    assert attempt == AttemptRecord(
        question_id=question.id,
        fact_id=fact.id,
        topic_id=fact.topic_id,
        response="Atlantis",
        score=1.0,
        verdict="correct",
        hints=0,
        seconds=None,
        overridden=True,
    )
    fixed = learner.state.cards[fact.id]
    assert card.item_id == fact.id and card.card == fixed and fixed != after_wrong
    assert card.rating == int(srs.Rating.Good) and card.reviewed_at == T0
    assert card.due == srs.due_at(fixed) and card.log["due"] == card.due.isoformat()
