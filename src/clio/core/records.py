"""What the store keeps about learners, as frozen values the repositories return."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from clio.core.messages import Reply

# A JSON object as the core hands it over: str keys, JSON-able values.
JsonObject = Mapping[str, Any]


@dataclass(frozen=True, slots=True)
class Learner:
    """Someone Clio teaches, known by a platform's own id (a Telegram user id, "console")."""

    id: int
    platform: str
    external_id: str
    display_name: str
    time_zone: str
    daily_prompt_time: time | None
    active: bool
    created_at: datetime
    next_prompt_at: datetime | None = None


@dataclass(frozen=True, slots=True)
class StoredState:
    """The learner's dialog state as last saved; `version` is what a save must expect."""

    learner_id: int
    state: JsonObject
    schema_version: int
    version: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class StateChange:
    """A learner's new dialog state, to be saved if theirs is still at `expected_version`."""

    learner_id: int
    state: JsonObject
    expected_version: int


@dataclass(frozen=True, slots=True)
class Attempt:
    """One answer to one question. `id` is None until the store has added it."""

    learner_id: int
    question_id: str
    fact_id: str | None
    topic_id: str | None
    response: str
    score: float
    verdict: str
    hints_used: int
    response_seconds: float | None
    answered_at: datetime
    overridden: bool = False
    id: int | None = None


@dataclass(frozen=True, slots=True)
class Card:
    """A spaced-repetition card: the scheduler's own state (JSON) and when it is next due."""

    learner_id: int
    item_id: str
    state: JsonObject
    due: datetime


@dataclass(frozen=True, slots=True)
class Review:
    """One review of a card: the rating given and the scheduler's log of it (JSON)."""

    learner_id: int
    item_id: str
    rating: int
    reviewed_at: datetime
    log: JsonObject


@dataclass(frozen=True, slots=True)
class LessonPosition:
    """How far a learner has come through one topic's lessons."""

    learner_id: int
    topic_id: str
    position: int
    completed_lessons: int
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class LessonMove:
    """A learner moved to `position` in a topic's lessons, `completed` one more lesson."""

    learner_id: int
    topic_id: str
    position: int
    completed: bool


@dataclass(frozen=True, slots=True)
class ActiveDay:
    """A learner was active on `day`, their local date."""

    learner_id: int
    day: date


@dataclass(frozen=True, slots=True)
class OutboxMessage:
    """Replies waiting to be sent to a learner, and how often sending has failed."""

    id: int
    learner_id: int
    replies: tuple[Reply, ...]
    attempts: int


@dataclass(frozen=True, slots=True)
class ClassRoom:
    """A teacher's class; learners join it with `invite_code` (a link's start payload)."""

    id: int
    teacher_id: int
    name: str
    invite_code: str
    created_at: datetime
    members: int = 0


@dataclass(frozen=True, slots=True)
class Member:
    """A learner in a class, as the teacher may see them: a display name, nothing more."""

    learner_id: int
    display_name: str
    joined_at: datetime


@dataclass(frozen=True, slots=True)
class Teacher:
    """When a teacher's weekly report comes: a weekday (0 = Monday) and a local time, or off."""

    learner_id: int
    report_weekday: int | None
    report_time: time | None
    next_report_at: datetime | None
