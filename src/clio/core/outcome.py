"""What one core step produces: the new state, replies to send and records to save."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from typing import Any

from clio.core.messages import Reply
from clio.core.review import CardState
from clio.core.state import LearnerState


@dataclass(frozen=True)
class AttemptRecord:
    """One graded answer (or a skip), for history and teacher reports."""

    question_id: str
    fact_id: str
    topic_id: str
    response: str
    score: float
    verdict: str
    hints: int
    seconds: float | None
    overridden: bool = False


@dataclass(frozen=True)
class CardRecord:
    """A learner's spaced-repetition card after a review; `due` is indexed by the store."""

    item_id: str
    card: CardState
    due: datetime
    rating: int
    reviewed_at: datetime
    log: dict[str, Any]


@dataclass(frozen=True)
class LessonRecord:
    """A learner's position in a topic's lesson."""

    topic_id: str
    position: int
    completed: bool


@dataclass(frozen=True)
class ActiveDayRecord:
    """The learner answered something on this local date (for streaks)."""

    day: date


@dataclass(frozen=True)
class PreferencesRecord:
    """The learner changed their time zone or daily prompt time (None: prompts off)."""

    timezone: str
    daily_time: time | None


Record = AttemptRecord | CardRecord | LessonRecord | ActiveDayRecord | PreferencesRecord


@dataclass(frozen=True)
class Outcome:
    """The result of `step`: never mutates its input state."""

    state: LearnerState
    replies: tuple[Reply, ...] = ()
    records: tuple[Record, ...] = field(default_factory=tuple)
