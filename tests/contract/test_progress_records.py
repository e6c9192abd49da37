"""Attempts, cards, reviews, lesson positions and active days: round trips and ordering."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import date, timedelta

from store_values import NOW

from clio.core.records import Attempt, Card, Learner, LessonPosition, Review
from clio.store import SqlStore


def _attempt(learner: Learner, question: str, minutes: int, **changes: object) -> Attempt:
    attempt = Attempt(
        learner_id=learner.id,
        question_id=question,
        fact_id="f-" + question,
        topic_id="treaty-of-paris-1856",
        response="in 1856",
        score=0.75,
        verdict="partial",
        hints_used=1,
        response_seconds=12.5,
        answered_at=NOW + timedelta(minutes=minutes),
    )
    return replace(attempt, **changes)  # type: ignore[arg-type]


async def test_attempts_round_trip_in_time_order(store: SqlStore, learner: Learner) -> None:
    late = _attempt(learner, "q2", 10, fact_id=None, topic_id=None, response_seconds=None)
    early = _attempt(learner, "q1", 1)
    async with store.unit_of_work() as uow:
        late_id = await uow.attempts.add(late)
        early_id = await uow.attempts.add(early)
    async with store.unit_of_work() as uow:
        await uow.attempts.override(early_id)
    async with store.unit_of_work() as uow:
        every = await uow.attempts.for_learner(learner.id)
        recent = await uow.attempts.for_learner(learner.id, since=NOW + timedelta(minutes=5))
    assert every == (
        replace(early, id=early_id, overridden=True),
        replace(late, id=late_id),
    )
    assert recent == (replace(late, id=late_id),)


async def test_cards_get_and_upsert_replace(store: SqlStore, learner: Learner) -> None:
    card = Card(learner.id, "fact-1", {"state": 1, "stability": 2.5, "step": None}, NOW)
    async with store.unit_of_work() as uow:
        assert await uow.cards.get(learner.id, "fact-1") is None
        await uow.cards.upsert(card)
    moved = replace(card, state={"state": 2, "stability": 9.0}, due=NOW + timedelta(days=3))
    async with store.unit_of_work() as uow:
        assert await uow.cards.get(learner.id, "fact-1") == card
        await uow.cards.upsert(moved)
    async with store.unit_of_work() as uow:
        assert await uow.cards.get(learner.id, "fact-1") == moved


async def test_due_cards_most_overdue_first_up_to_limit(
    store: SqlStore, make_learner: Callable[..., Awaitable[Learner]]
) -> None:
    ada, ben = await make_learner("1"), await make_learner("2")
    offsets = {"c": -1, "a": -30, "future": 5, "b": -30, "now": 0, "d": -2}
    async with store.unit_of_work() as uow:
        for item, hours in offsets.items():
            await uow.cards.upsert(Card(ada.id, item, {}, NOW + timedelta(hours=hours)))
        await uow.cards.upsert(Card(ben.id, "bens", {}, NOW - timedelta(days=9)))
    async with store.unit_of_work() as uow:
        due = await uow.cards.due(ada.id, NOW, limit=10)
        first_three = await uow.cards.due(ada.id, NOW, limit=3)
    assert [card.item_id for card in due] == ["a", "b", "d", "c", "now"]
    assert [card.item_id for card in first_three] == ["a", "b", "d"]


async def test_reviews_round_trip(store: SqlStore, learner: Learner) -> None:
    reviews = [
        Review(learner.id, "fact-1", 3, NOW + timedelta(days=1), {"duration": 4000}),
        Review(learner.id, "fact-1", 1, NOW, {"duration": None, "note": "é"}),
    ]
    async with store.unit_of_work() as uow:
        for review in reviews:
            await uow.reviews.add(review)
    async with store.unit_of_work() as uow:
        assert await uow.reviews.for_learner(learner.id) == tuple(reversed(reviews))


async def test_lesson_positions_advance_count_completed_lessons_and_list(
    store: SqlStore, learner: Learner
) -> None:
    later = NOW + timedelta(hours=1)
    async with store.unit_of_work() as uow:
        assert await uow.lessons.for_learner(learner.id) == ()
        paris = "treaty-of-paris-1856"
        await uow.lessons.advance(learner.id, paris, position=12, completed=True, now=NOW)
        await uow.lessons.advance(learner.id, "crimean-war", position=3, completed=False, now=NOW)
    async with store.unit_of_work() as uow:
        await uow.lessons.advance(learner.id, "crimean-war", position=4, completed=True, now=later)
        await uow.lessons.advance(learner.id, paris, position=15, completed=True, now=later)
    async with store.unit_of_work() as uow:
        assert await uow.lessons.for_learner(learner.id) == (
            LessonPosition(learner.id, "crimean-war", 4, 1, later),
            LessonPosition(learner.id, paris, 15, 2, later),
        )


async def test_active_days_marked_once_each(store: SqlStore, learner: Learner) -> None:
    days = [date(2026, 3, 2), date(2026, 2, 28), date(2026, 3, 1)]
    async with store.unit_of_work() as uow:
        assert [await uow.days.mark(learner.id, day) for day in days] == [True] * 3
    async with store.unit_of_work() as uow:
        assert await uow.days.mark(learner.id, date(2026, 3, 1)) is False
        assert await uow.days.list(learner.id) == tuple(sorted(days))
