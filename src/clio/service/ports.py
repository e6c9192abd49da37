"""What the service needs from storage, as Protocols; `clio.store` implements them in SQL.

The service never imports SQLAlchemy: it asks a `Store` for a unit of work (one transaction
per learner event), uses the repositories on it, and leaves the block. A clean exit commits
everything; an exception rolls everything back. Timestamps are aware UTC datetimes given by
the caller (the service's clock), never read by the store."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from datetime import date, datetime, time, timedelta
from typing import Protocol

from clio.core.messages import Reply
from clio.core.records import (
    ActiveDay,
    Attempt,
    Card,
    ClassRoom,
    JsonObject,
    Learner,
    LessonMove,
    LessonPosition,
    Member,
    OutboxMessage,
    Review,
    StateChange,
    StoredState,
    Teacher,
)
from clio.core.report_data import LessonCount, QuestionStat, TopicActivity


class Learners(Protocol):
    # for_update: hold the learner's row until the unit of work ends (across processes,
    # like the in-process lock within one), and read it after whoever held it committed.
    async def get_or_create(
        self,
        *,
        platform: str,
        external_id: str,
        display_name: str,
        now: datetime,
        for_update: bool = False,
    ) -> Learner: ...

    async def find(
        self, *, platform: str, external_id: str, for_update: bool = False
    ) -> Learner | None: ...

    async def find_many(
        self, *, platform: str, external_ids: Sequence[str], for_update: bool = False
    ) -> dict[str, Learner]:
        """Those that exist, by external id; locked (`for_update`) in the order of their ids,
        so that units of work locking several learners cannot deadlock."""
        ...

    async def get(self, learner_id: int, *, for_update: bool = False) -> Learner | None: ...

    async def active(self) -> tuple[Learner, ...]: ...

    async def update(
        self,
        learner_id: int,
        *,
        display_name: str | None = None,
        time_zone: str | None = None,
        daily_prompt_time: time | None = None,
        clear_daily_prompt: bool = False,
        active: bool | None = None,
    ) -> None: ...

    async def schedule_prompt(self, learner_id: int, at: datetime | None) -> None: ...

    async def due_for_prompt(self, now: datetime, *, limit: int) -> tuple[Learner, ...]: ...

    async def delete(self, learner_id: int) -> bool:
        """Forget the learner and everything of theirs (memberships, classes they teach)."""
        ...


class States(Protocol):
    async def load(self, learner_id: int) -> StoredState | None:
        """None before the first save. To serialise a learner across processes, lock their
        row first (`Learners.get(..., for_update=True)`): a load after that sees what the
        previous holder committed."""
        ...

    async def load_many(self, learner_ids: Sequence[int]) -> dict[int, StoredState]:
        """`load` of several learners at once: those with a saved state, by learner id."""
        ...

    async def save(
        self, learner_id: int, state: JsonObject, *, expected_version: int, now: datetime
    ) -> int:
        """Compare-and-swap: raises `ConcurrentUpdate` unless the saved version is still
        `expected_version` (0 for a learner with no state yet); returns the new version."""
        ...

    async def save_many(self, changes: Sequence[StateChange], *, now: datetime) -> None:
        """`save` of several learners' states at once; raises `ConcurrentUpdate` if any had
        moved (having saved some or none: the unit of work must roll back)."""
        ...


class Updates(Protocol):
    async def claim(
        self, platform: str, update_id: int | str, *, now: datetime, learner_id: int | None = None
    ) -> bool:
        """False when this update was already processed (in a committed unit of work).
        Scheduled work dedupes the same way, e.g. a daily prompt as
        `claim("daily-prompt", f"{learner_id}:{local_date}", ...)`."""
        ...

    async def claim_many(
        self, platform: str, update_ids: Sequence[int | str], *, now: datetime
    ) -> set[str]:
        """`claim` of several updates at once: the ids (as text) claimed by this call."""
        ...

    async def prune(self, *, before: datetime) -> int:
        """Forget updates processed before `before`; how many were forgotten."""
        ...


class Attempts(Protocol):
    async def add(self, attempt: Attempt) -> int: ...

    async def add_many(self, attempts: Sequence[Attempt]) -> None: ...

    async def for_learner(
        self, learner_id: int, *, since: datetime | None = None
    ) -> tuple[Attempt, ...]: ...

    async def override(self, attempt_id: int) -> None: ...


class Cards(Protocol):
    async def get(self, learner_id: int, item_id: str) -> Card | None: ...

    async def upsert(self, card: Card) -> None: ...

    async def upsert_many(self, cards: Sequence[Card]) -> None: ...

    async def due(self, learner_id: int, now: datetime, limit: int) -> tuple[Card, ...]:
        """Cards due at `now` or earlier, most overdue first."""
        ...


class Reviews(Protocol):
    async def add(self, review: Review) -> None: ...

    async def add_many(self, reviews: Sequence[Review]) -> None: ...

    async def for_learner(self, learner_id: int) -> tuple[Review, ...]: ...


class Lessons(Protocol):
    async def advance(
        self, learner_id: int, topic_id: str, *, position: int, completed: bool, now: datetime
    ) -> None:
        """Move to `position`, one more completed lesson if `completed`."""

    async def advance_many(self, moves: Sequence[LessonMove], *, now: datetime) -> None: ...

    async def for_learner(self, learner_id: int) -> tuple[LessonPosition, ...]: ...


class Days(Protocol):
    async def mark(self, learner_id: int, day: date) -> bool:
        """True when `day` (the learner's local date) was not marked before."""
        ...

    async def mark_many(self, days: Sequence[ActiveDay]) -> None: ...

    async def list(self, learner_id: int) -> tuple[date, ...]: ...


class Outbox(Protocol):
    async def add(self, learner_id: int, replies: tuple[Reply, ...], *, now: datetime) -> None:
        """Keep replies to send once this unit of work commits."""
        ...

    async def lease(
        self, now: datetime, *, limit: int, lease: timedelta
    ) -> tuple[OutboxMessage, ...]: ...

    async def sent(self, message_id: int) -> None: ...

    async def retry(self, message_id: int, *, at: datetime) -> None: ...

    async def pending(self) -> int: ...


class Classes(Protocol):
    async def create(
        self, *, teacher_id: int, name: str, invite_code: str, now: datetime
    ) -> ClassRoom: ...

    async def get(self, class_id: int) -> ClassRoom | None: ...

    async def by_code(self, invite_code: str) -> ClassRoom | None: ...

    async def taught_by(self, teacher_id: int) -> tuple[ClassRoom, ...]: ...

    async def joined_by(self, learner_id: int) -> tuple[ClassRoom, ...]: ...

    async def rename(self, class_id: int, name: str) -> None: ...

    async def set_code(self, class_id: int, invite_code: str) -> None: ...

    async def delete(self, class_id: int) -> None: ...

    async def add_member(self, class_id: int, learner_id: int, *, now: datetime) -> bool: ...

    async def remove_member(self, class_id: int, learner_id: int) -> bool: ...

    async def members(self, class_id: int) -> tuple[Member, ...]: ...


class Teachers(Protocol):
    async def get(self, learner_id: int) -> Teacher | None: ...

    async def enrol(
        self, learner_id: int, *, weekday: int | None, at: time | None, next_at: datetime | None
    ) -> bool: ...

    async def set_schedule(
        self, learner_id: int, *, weekday: int | None, at: time | None, next_at: datetime | None
    ) -> None: ...

    async def schedule(self, learner_id: int, next_at: datetime | None) -> None: ...

    async def due(self, now: datetime, *, limit: int) -> tuple[Teacher, ...]: ...


class ClassReports(Protocol):
    """Aggregates over a class's members, computed where the data is."""

    async def activity(
        self, class_id: int, *, recent_since: datetime
    ) -> tuple[TopicActivity, ...]: ...

    async def hardest(
        self, class_id: int, *, min_answers: int, limit: int
    ) -> tuple[QuestionStat, ...]: ...

    async def lessons(self, class_id: int) -> tuple[LessonCount, ...]: ...

    async def days(self, class_id: int, *, since: date) -> dict[int, tuple[date, ...]]: ...


class UnitOfWork(Protocol):
    """The repositories of one transaction."""

    @property
    def learners(self) -> Learners: ...
    @property
    def states(self) -> States: ...
    @property
    def updates(self) -> Updates: ...
    @property
    def attempts(self) -> Attempts: ...
    @property
    def cards(self) -> Cards: ...
    @property
    def reviews(self) -> Reviews: ...
    @property
    def lessons(self) -> Lessons: ...
    @property
    def days(self) -> Days: ...
    @property
    def outbox(self) -> Outbox: ...
    @property
    def classes(self) -> Classes: ...
    @property
    def teachers(self) -> Teachers: ...
    @property
    def reports(self) -> ClassReports: ...


class Store(Protocol):
    def unit_of_work(self) -> AbstractAsyncContextManager[UnitOfWork]:
        """`async with store.unit_of_work() as uow:` one transaction: commits on a clean
        exit, rolls back (and re-raises) on an exception."""
        ...

    async def close(self) -> None: ...
