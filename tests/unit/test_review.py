"""FSRS-6 scheduling policy: ratings from grades, golden due dates with a fixed clock."""

from __future__ import annotations

import copy
import json
import random
from datetime import UTC, datetime, timedelta, timezone

import pytest
from fsrs import Scheduler, State

from clio.core.grades import Grade, Reason, Verdict
from clio.core.review import (
    FAST_SECONDS,
    SLOW_SECONDS,
    Rating,
    SchedulingError,
    card_id_for,
    ensure_utc,
    fuzzed_interval,
    is_due,
    new_card,
    rating_for,
    retrievability,
    review,
)

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
RIGHT = Grade(1.0, Verdict.CORRECT, Reason.EXACT, "Palmerston")
TYPO = Grade(1.0, Verdict.CORRECT, Reason.TYPO, "Palmerston")
CHOICE = Grade(1.0, Verdict.CORRECT, Reason.CHOICE, "Palmerston")
HALF = Grade(0.5, Verdict.PARTIAL, Reason.PARTIAL, "Moldavia and Wallachia", ("Wallachia",))
MISS = Grade(0.0, Verdict.WRONG, Reason.WRONG)
FAST, MIDDLE, SLOW = FAST_SECONDS - 1, (FAST_SECONDS + SLOW_SECONDS) / 2, SLOW_SECONDS + 1


@pytest.mark.parametrize(
    ("grade", "hints", "seconds", "rating"),
    [
        (MISS, 0, FAST, Rating.Again),
        (MISS, 3, None, Rating.Again),
        (HALF, 0, FAST, Rating.Hard),
        (RIGHT, 2, FAST, Rating.Hard),
        (RIGHT, 1, SLOW, Rating.Hard),
        (RIGHT, 1, FAST, Rating.Good),
        (RIGHT, 0, SLOW, Rating.Good),
        (RIGHT, 0, MIDDLE, Rating.Good),
        (RIGHT, 0, None, Rating.Good),
        (RIGHT, 0, FAST, Rating.Easy),
        (RIGHT, 0, FAST_SECONDS, Rating.Easy),
        (TYPO, 0, FAST, Rating.Good),
        (CHOICE, 0, FAST, Rating.Good),
    ],
)
def test_rating_for(grade: Grade, hints: int, seconds: float | None, rating: Rating) -> None:
    assert rating_for(grade, hints_used=hints, response_seconds=seconds) is rating


def test_rating_for_rejects_negative_inputs() -> None:
    with pytest.raises(ValueError, match="must be >= 0"):
        rating_for(RIGHT, hints_used=-1, response_seconds=None)
    with pytest.raises(ValueError, match="must be >= 0"):
        rating_for(RIGHT, hints_used=0, response_seconds=-2.0)


def test_new_card_is_plain_json_due_now_with_a_stable_id() -> None:
    card = new_card(NOW, card_id=card_id_for("learner-1", "q-1"))
    assert json.loads(json.dumps(card)) == card
    assert card["due"] == "2026-01-05T09:00:00+00:00"
    assert card["last_review"] is None
    assert card["card_id"] == card_id_for("learner-1", "q-1")
    assert card_id_for("learner-1", "q-1") != card_id_for("learner-2", "q-1")
    assert 0 < card["card_id"] < 2**63
    assert is_due(card, NOW)


@pytest.mark.parametrize(
    ("rating", "due", "state"),
    [
        (Rating.Again, "2026-01-05T09:01:00+00:00", State.Learning),
        (Rating.Hard, "2026-01-05T09:05:30+00:00", State.Learning),
        (Rating.Good, "2026-01-05T09:10:00+00:00", State.Learning),
        (Rating.Easy, "2026-01-13T09:00:00+00:00", State.Review),
    ],
)
def test_first_review_golden_due_dates(rating: Rating, due: str, state: State) -> None:
    card, record = review(new_card(NOW, card_id=7), rating, NOW)
    assert (card["due"], card["state"]) == (due, state)
    assert card["last_review"] == NOW.isoformat()
    assert (record.card_id, record.rating, record.reviewed_at) == (7, rating, NOW)
    assert record.due.isoformat() == due


def test_learning_then_review_golden_path_and_a_lapse() -> None:
    card, _ = review(new_card(NOW, card_id=7), Rating.Good, NOW)
    card, _ = review(card, Rating.Good, datetime.fromisoformat(card["due"]))
    assert (card["state"], card["due"]) == (State.Review, "2026-01-07T09:10:00+00:00")
    assert card["stability"] == pytest.approx(2.3065)
    later, _ = review(card, Rating.Good, datetime.fromisoformat(card["due"]))
    assert later["due"] == "2026-01-18T09:10:00+00:00"
    lapsed, record = review(later, Rating.Again, datetime.fromisoformat(later["due"]))
    assert (lapsed["state"], lapsed["due"]) == (State.Relearning, "2026-01-18T09:20:00+00:00")
    assert record.state is State.Relearning


def test_review_never_mutates_its_input() -> None:
    card, _ = review(new_card(NOW, card_id=7), Rating.Easy, NOW)
    before = copy.deepcopy(card)
    review(card, Rating.Again, NOW + timedelta(days=8), rng=random.Random(3))
    assert card == before


def test_is_due_compares_with_the_given_time() -> None:
    card, _ = review(new_card(NOW, card_id=7), Rating.Easy, NOW)
    due = datetime.fromisoformat(card["due"])
    assert not is_due(card, due - timedelta(seconds=1))
    assert is_due(card, due)


def test_times_must_be_timezone_aware_utc() -> None:
    card = new_card(NOW, card_id=7)
    with pytest.raises(SchedulingError, match="naive"):
        review(card, Rating.Good, datetime(2026, 1, 5, 9, 0))
    with pytest.raises(SchedulingError, match="offset"):
        is_due(card, datetime(2026, 1, 5, 11, 0, tzinfo=timezone(timedelta(hours=2))))
    with pytest.raises(SchedulingError, match="naive"):
        new_card(datetime(2026, 1, 5), card_id=1)
    assert ensure_utc(NOW.replace(tzinfo=timezone(timedelta(0)))).tzinfo is UTC


def test_malformed_card_state_names_the_problem() -> None:
    with pytest.raises(SchedulingError, match="malformed card state"):
        is_due({"card_id": 1}, NOW)  # type: ignore[typeddict-item]


def test_a_scheduler_with_global_random_fuzzing_is_refused() -> None:
    with pytest.raises(ValueError, match="global random"):
        review(new_card(NOW, card_id=7), Rating.Good, NOW, scheduler=Scheduler())


def test_fuzz_comes_only_from_the_injected_generator_and_stays_in_range() -> None:
    card, _ = review(new_card(NOW, card_id=7), Rating.Easy, NOW)
    at = datetime.fromisoformat(card["due"])
    plain, _ = review(card, Rating.Good, at)
    interval = datetime.fromisoformat(plain["due"]) - at
    seen = set()
    for seed in range(40):
        fuzzed, _ = review(card, Rating.Good, at, rng=random.Random(seed))
        again, _ = review(card, Rating.Good, at, rng=random.Random(seed))
        assert fuzzed == again
        seen.add(datetime.fromisoformat(fuzzed["due"]) - at)
    assert len(seen) > 1
    assert all(abs(days - interval) <= interval * 0.2 + timedelta(days=1) for days in seen)


def test_short_intervals_are_not_fuzzed() -> None:
    rng = random.Random(0)
    assert fuzzed_interval(timedelta(days=2), rng=rng, maximum_interval_days=365) == timedelta(
        days=2
    )
    assert fuzzed_interval(timedelta(days=400), rng=rng, maximum_interval_days=365) <= timedelta(
        days=365
    )


def test_review_record_is_json_and_converts_to_a_py_fsrs_log() -> None:
    _, record = review(new_card(NOW, card_id=7), Rating.Hard, NOW, duration_ms=4200)
    data = record.to_dict()
    assert json.loads(json.dumps(data)) == data
    assert data["rating"] == 2 and data["review_duration"] == 4200
    assert record.to_fsrs().rating is Rating.Hard


def test_retrievability_falls_with_time() -> None:
    fresh = new_card(NOW, card_id=7)
    assert retrievability(fresh, NOW) == 0
    card, _ = review(fresh, Rating.Easy, NOW)
    soon = retrievability(card, NOW + timedelta(days=1))
    late = retrievability(card, NOW + timedelta(days=30))
    assert 1.0 >= soon > late > 0.0
