"""The tables, as typed SQLAlchemy 2 models; the migrations in `migrations/` must match them.

No relationships are declared: repositories load what they need with explicit queries, so
nothing loads lazily behind an `await` (which async SQLAlchemy cannot do)."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, ClassVar

from sqlalchemy import (
    JSON,
    Boolean,
    Date,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    UniqueConstraint,
    false,
    true,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clio.store.types import UTCDateTime

# Named constraints, so a later migration can drop or alter them by name on every backend.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

ID = String(128)  # fact, question, topic and card item ids (hashes and slugs)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {
        datetime: UTCDateTime(),
        dict[str, Any]: JSON(),
    }


def _learner_fk(**kwargs: Any) -> Any:
    return mapped_column(ForeignKey("learners.id", ondelete="CASCADE"), **kwargs)


class LearnerRow(Base):
    __tablename__ = "learners"
    __table_args__ = (UniqueConstraint("platform", "external_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    platform: Mapped[str] = mapped_column(String(32))
    external_id: Mapped[str] = mapped_column(String(128))
    display_name: Mapped[str] = mapped_column(String(200))
    time_zone: Mapped[str] = mapped_column(String(64), server_default="UTC")
    daily_prompt_time: Mapped[time | None] = mapped_column(Time)
    active: Mapped[bool] = mapped_column(Boolean, server_default=true())
    created_at: Mapped[datetime]
    # When the next daily prompt is due (UTC); None when prompts are off. Indexed: the
    # ticker asks "who is due now?" every minute.
    next_prompt_at: Mapped[datetime | None] = mapped_column(index=True)


class DialogStateRow(Base):
    __tablename__ = "dialog_states"

    learner_id: Mapped[int] = _learner_fk(primary_key=True)
    state: Mapped[dict[str, Any]]
    schema_version: Mapped[int]
    version: Mapped[int]  # compare-and-swap: every save expects it and bumps it
    updated_at: Mapped[datetime]


class AttemptRow(Base):
    __tablename__ = "attempts"
    __table_args__ = (Index("ix_attempts_learner_answered", "learner_id", "answered_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = _learner_fk()
    question_id: Mapped[str] = mapped_column(ID)
    fact_id: Mapped[str | None] = mapped_column(ID)
    topic_id: Mapped[str | None] = mapped_column(ID)
    response: Mapped[str] = mapped_column(Text)
    score: Mapped[float] = mapped_column(Float)
    verdict: Mapped[str] = mapped_column(String(32))
    hints_used: Mapped[int]
    response_seconds: Mapped[float | None] = mapped_column(Float)
    overridden: Mapped[bool] = mapped_column(Boolean, server_default=false())
    answered_at: Mapped[datetime]


class CardRow(Base):
    __tablename__ = "cards"
    # Due cards are asked for per learner, earliest first: one index serves both.
    __table_args__ = (Index("ix_cards_learner_due", "learner_id", "due"),)

    learner_id: Mapped[int] = _learner_fk(primary_key=True)
    item_id: Mapped[str] = mapped_column(ID, primary_key=True)
    state: Mapped[dict[str, Any]]
    due: Mapped[datetime]


class ReviewLogRow(Base):
    __tablename__ = "review_logs"
    __table_args__ = (Index("ix_review_logs_learner_reviewed", "learner_id", "reviewed_at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = _learner_fk()
    item_id: Mapped[str] = mapped_column(ID)
    rating: Mapped[int]
    reviewed_at: Mapped[datetime]
    log: Mapped[dict[str, Any]]


class LessonPositionRow(Base):
    __tablename__ = "lesson_positions"

    learner_id: Mapped[int] = _learner_fk(primary_key=True)
    topic_id: Mapped[str] = mapped_column(ID, primary_key=True)
    position: Mapped[int]
    completed_lessons: Mapped[int]
    updated_at: Mapped[datetime]


class ActiveDayRow(Base):
    __tablename__ = "active_days"

    learner_id: Mapped[int] = _learner_fk(primary_key=True)
    day: Mapped[date] = mapped_column(Date, primary_key=True)  # the learner's local date


class ProcessedUpdateRow(Base):
    __tablename__ = "processed_updates"

    platform: Mapped[str] = mapped_column(String(32), primary_key=True)
    update_id: Mapped[str] = mapped_column(String(128), primary_key=True)
    learner_id: Mapped[int | None] = mapped_column(ForeignKey("learners.id", ondelete="SET NULL"))
    processed_at: Mapped[datetime]


class OutboxRow(Base):
    """Messages Clio starts (daily prompts), saved with their cause and sent afterwards, so
    that no transaction waits on the platform and a failed send is retried."""

    __tablename__ = "outbox"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    learner_id: Mapped[int] = _learner_fk(index=True)
    replies: Mapped[dict[str, Any]]
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    # When to send next; a sender leases a message by moving this forward while it sends.
    due_at: Mapped[datetime] = mapped_column(index=True)
    created_at: Mapped[datetime]


class TeacherRow(Base):
    """A learner who has made a class: when their weekly report comes (their local time)."""

    __tablename__ = "teachers"

    learner_id: Mapped[int] = _learner_fk(primary_key=True)
    report_weekday: Mapped[int | None]  # 0 = Monday; None: weekly reports off
    report_time: Mapped[time | None] = mapped_column(Time)
    # When the next weekly report is due (UTC). Indexed: the ticker asks "who is due?".
    next_report_at: Mapped[datetime | None] = mapped_column(index=True)


class ClassRow(Base):
    __tablename__ = "classes"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    teacher_id: Mapped[int] = mapped_column(
        ForeignKey("learners.id", ondelete="CASCADE"), index=True
    )
    name: Mapped[str] = mapped_column(String(100))
    # The invitation: a Telegram start payload ([A-Za-z0-9_-]{1,64}); revoking replaces it.
    invite_code: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]


class ClassMemberRow(Base):
    __tablename__ = "class_members"
    # "Which classes is this learner in?" (leave, /mydata) goes by learner first.
    __table_args__ = (Index("ix_class_members_learner", "learner_id"),)

    class_id: Mapped[int] = mapped_column(
        ForeignKey("classes.id", ondelete="CASCADE"), primary_key=True
    )
    learner_id: Mapped[int] = _learner_fk(primary_key=True)
    joined_at: Mapped[datetime]
