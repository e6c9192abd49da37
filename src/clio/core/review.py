"""FSRS-6 review scheduling policy: grades become ratings; card state is a plain JSON dict."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Protocol

from fsrs import Card, Rating, ReviewLog, Scheduler, State
from fsrs.card import CardDict
from fsrs.scheduler import FUZZ_RANGES

from clio.core.errors import ClioError
from clio.core.grades import Grade, Reason, Verdict

__all__ = [
    "DEFAULT_SCHEDULER",
    "CardState",
    "RandomSource",
    "Rating",
    "ReviewLogRecord",
    "SchedulingError",
    "card_id_for",
    "due_at",
    "ensure_utc",
    "is_due",
    "make_scheduler",
    "new_card",
    "rating_for",
    "retrievability",
    "review",
]

# The persisted card: py-fsrs's own dict form (ids, state code, step, stability, difficulty,
# ISO datetimes), so the library's `Card.from_dict` reads it back unchanged.
CardState = CardDict

# Rating thresholds. An answer typed within FAST_SECONDS with no hint was recalled fluently;
# one that took longer than SLOW_SECONDS was a struggle even when right.
FAST_SECONDS = 8.0
SLOW_SECONDS = 30.0
MANY_HINTS = 2
# Correct answers that can never be Easy: recognising a choice or a truth value is easier
# than recalling, and an override or a typo says recall was not clean.
CAPPED_AT_GOOD = frozenset({Reason.CHOICE, Reason.TRUE_FALSE, Reason.TYPO, Reason.LEARNER_OVERRIDE})


class RandomSource(Protocol):
    """The one thing fuzzing needs from a generator; `random.Random(seed)` is one."""

    def random(self) -> float: ...


class SchedulingError(ClioError, ValueError):
    """A stored card state, a time or a scheduler handed to this module is unusable."""


def ensure_utc(now: datetime) -> datetime:
    """`now` as a UTC datetime; a naive or non-UTC time is a caller's bug and raises."""
    offset = now.utcoffset()
    if offset is None:
        raise SchedulingError(f"time must be timezone-aware UTC, got naive {now.isoformat()}")
    if offset != timedelta(0):
        raise SchedulingError(f"time must be UTC, got offset {offset} in {now.isoformat()}")
    # py-fsrs compares tzinfo with `timezone.utc` itself, so ZoneInfo("UTC") is converted.
    return now.replace(tzinfo=UTC)


def rating_for(grade: Grade, *, hints_used: int, response_seconds: float | None) -> Rating:
    """The FSRS rating for an answer: wrong -> Again; partial or MANY_HINTS hints -> Hard;
    correct with one hint or slow -> Good, both -> Hard; fast with no hint -> Easy; anything
    else correct (including an unknown time) -> Good."""
    if hints_used < 0 or (response_seconds is not None and response_seconds < 0):
        raise ValueError(f"hints {hints_used} and seconds {response_seconds} must be >= 0")
    if grade.verdict is Verdict.WRONG:
        return Rating.Again
    if grade.verdict is Verdict.PARTIAL or hints_used >= MANY_HINTS:
        return Rating.Hard
    slow = response_seconds is not None and response_seconds > SLOW_SECONDS
    if hints_used == 1 and slow:
        return Rating.Hard
    if hints_used == 1 or slow or grade.reason in CAPPED_AT_GOOD:
        return Rating.Good
    fast = response_seconds is not None and response_seconds <= FAST_SECONDS
    return Rating.Easy if fast else Rating.Good


def make_scheduler(
    *, desired_retention: float = 0.9, maximum_interval_days: int = 36500
) -> Scheduler:
    """An FSRS-6 scheduler with default parameters and py-fsrs's own fuzzing off: it draws
    from the global random generator. `review` fuzzes with an injected one instead."""
    return Scheduler(
        desired_retention=desired_retention,
        maximum_interval=maximum_interval_days,
        enable_fuzzing=False,
    )


# Stateless between calls (`review_card` copies the card), so one instance serves everyone.
DEFAULT_SCHEDULER = make_scheduler()


def card_id_for(*parts: str) -> int:
    """A stable positive 63-bit card id for, e.g., (learner id, question id): it fits a
    BIGINT and never depends on the clock (py-fsrs's default id is the creation time)."""
    digest = hashlib.blake2b("\x1f".join(parts).encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def new_card(now: datetime, *, card_id: int) -> CardState:
    """A card never reviewed, due at once."""
    return Card(card_id=card_id, due=ensure_utc(now)).to_dict()


def _load(card: CardState) -> Card:
    try:
        loaded = Card.from_dict(card)
        ensure_utc(loaded.due)
    except (KeyError, TypeError, ValueError) as error:
        raise SchedulingError(f"malformed card state {card!r}: {error}") from error
    return loaded


def due_at(card: CardState) -> datetime:
    """When the card is next due (aware UTC)."""
    return _load(card).due


def is_due(card: CardState, now: datetime) -> bool:
    """Whether the card should be reviewed at `now`."""
    return _load(card).due <= ensure_utc(now)


@dataclass(frozen=True, slots=True)
class ReviewLogRecord:
    """One review, as the store records it: the rating given and the card's schedule after."""

    card_id: int
    rating: Rating
    reviewed_at: datetime
    duration_ms: int | None
    state: State
    due: datetime
    stability: float
    difficulty: float

    def to_fsrs(self) -> ReviewLog:
        """The py-fsrs review log, e.g. for its optimiser."""
        return ReviewLog(self.card_id, self.rating, self.reviewed_at, self.duration_ms)

    def to_dict(self) -> dict[str, object]:
        """A JSON-able form: py-fsrs's review log fields plus the schedule after it."""
        return {
            **self.to_fsrs().to_dict(),
            "state": int(self.state),
            "due": self.due.isoformat(),
            "stability": self.stability,
            "difficulty": self.difficulty,
        }


def fuzzed_interval(
    interval: timedelta, *, rng: RandomSource, maximum_interval_days: int
) -> timedelta:
    """py-fsrs's interval fuzz (FSRS-6) drawn from `rng`, so reviews of cards learned
    together spread over nearby days without a hidden global random generator."""
    days = interval.days
    if days < 2.5:  # py-fsrs leaves intervals under 2.5 days alone
        return interval
    delta = 1.0
    for fuzz_range in FUZZ_RANGES:
        covered = min(float(days), fuzz_range["end"]) - fuzz_range["start"]
        delta += fuzz_range["factor"] * max(covered, 0.0)
    high = min(round(days + delta), maximum_interval_days)
    low = min(max(2, round(days - delta)), high)
    fuzzed = round(rng.random() * (high - low + 1) + low)
    return timedelta(days=min(fuzzed, maximum_interval_days))


def review(
    card: CardState,
    rating: Rating,
    now: datetime,
    *,
    scheduler: Scheduler = DEFAULT_SCHEDULER,
    rng: RandomSource | None = None,
    duration_ms: int | None = None,
) -> tuple[CardState, ReviewLogRecord]:
    """Review `card` with `rating` at `now`: the new card state and the log record. The input
    is never mutated. With `rng`, intervals of review-state cards are fuzzed from it."""
    if scheduler.enable_fuzzing:
        raise SchedulingError("use make_scheduler(): py-fsrs fuzzing draws from global random")
    now = ensure_utc(now)
    after, _ = scheduler.review_card(_load(card), Rating(rating), now, duration_ms)
    if rng is not None and after.state is State.Review:
        after.due = now + fuzzed_interval(
            after.due - now, rng=rng, maximum_interval_days=scheduler.maximum_interval
        )
    # After any review py-fsrs has set both; the asserts narrow the types for mypy.
    assert after.stability is not None and after.difficulty is not None
    record = ReviewLogRecord(
        card_id=after.card_id,
        rating=Rating(rating),
        reviewed_at=now,
        duration_ms=duration_ms,
        state=after.state,
        due=after.due,
        stability=after.stability,
        difficulty=after.difficulty,
    )
    return after.to_dict(), record


def retrievability(
    card: CardState, now: datetime, *, scheduler: Scheduler = DEFAULT_SCHEDULER
) -> float:
    """The predicted chance (0..1) the learner recalls the card at `now`; 0 if never reviewed.
    Useful to pick which due card to ask first."""
    return float(scheduler.get_card_retrievability(_load(card), ensure_utc(now)))
