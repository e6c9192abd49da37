"""A learner's dialog state: a frozen value saved as JSON with a schema version."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from clio.core.errors import ClioError
from clio.core.review import CardState

SCHEMA_VERSION = 1
RECENT_DAYS_KEPT = 400  # enough for a year's streak with room for freezes

JsonDict = dict[str, Any]


class StateError(ClioError):
    """Saved state could not be read (unknown schema or corrupt)."""


class Mode(StrEnum):
    IDLE = "idle"
    LESSON = "lesson"
    REVIEW = "review"


@dataclass(frozen=True)
class Pending:
    """The question waiting for an answer, and what the learner has used on it so far."""

    question_id: str
    asked_at: datetime
    hints: int = 0
    choices: tuple[str, ...] = ()


@dataclass(frozen=True)
class LastGrade:
    """The last graded answer, kept so "I was right" can be honoured."""

    question_id: str
    fact_id: str
    topic_id: str
    response: str
    score: float
    card_before: CardState | None


@dataclass(frozen=True)
class TopicStats:
    """Per-topic counters for `/progress`: answers and the credit they earned."""

    answers: int = 0
    credit: float = 0.0
    lessons_completed: int = 0


@dataclass(frozen=True)
class Session:
    """A lesson or review in progress: where it is and how it has gone."""

    topic_id: str | None
    position: int = 0
    asked: int = 0
    credit: float = 0.0
    missed: tuple[str, ...] = ()
    queue: tuple[str, ...] = ()

    def counted(self, credit: float, fact_id: str) -> Session:
        """This session with one more answer: its credit, and the fact if it was missed."""
        missed = self.missed if credit >= 1.0 else (*self.missed, fact_id)
        return replace(self, asked=self.asked + 1, credit=self.credit + credit, missed=missed)


@dataclass(frozen=True)
class LearnerState:
    """Everything the core needs to continue a learner's conversation."""

    started: bool = False
    display_name: str = ""
    timezone: str = "UTC"
    daily_time: str | None = None  # "HH:MM" local, None when daily prompts are off
    mode: Mode = Mode.IDLE
    topic_id: str | None = None
    session: Session | None = None
    pending: Pending | None = None
    last_grade: LastGrade | None = None
    positions: Mapping[str, int] = field(default_factory=dict)
    stats: Mapping[str, TopicStats] = field(default_factory=dict)
    cards: Mapping[str, CardState] = field(default_factory=dict)
    active_days: tuple[date, ...] = ()

    def with_active_day(self, day: date) -> LearnerState:
        if day in self.active_days:
            return self
        days = tuple(sorted((*self.active_days, day)))[-RECENT_DAYS_KEPT:]
        return replace(self, active_days=days)

    def to_json(self) -> JsonDict:
        # Spelled out rather than dataclasses.asdict, which deep-copies every card on each
        # save: a fifth of the service's own time per message before (pyinstrument).
        session, pending, last = self.session, self.pending, self.last_grade
        return {
            "schema_version": SCHEMA_VERSION,
            "started": self.started,
            "display_name": self.display_name,
            "timezone": self.timezone,
            "daily_time": self.daily_time,
            "mode": self.mode.value,
            "topic_id": self.topic_id,
            "session": None if session is None else _session_json(session),
            "pending": None if pending is None else _pending_json(pending),
            "last_grade": None if last is None else _last_grade_json(last),
            "positions": dict(self.positions),
            "stats": {topic: _stats_json(stats) for topic, stats in self.stats.items()},
            "cards": {item: dict(card) for item, card in self.cards.items()},
            "active_days": [day.isoformat() for day in self.active_days],
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> LearnerState:
        version = data.get("schema_version")
        if version != SCHEMA_VERSION:
            raise StateError(f"unknown learner state schema_version {version!r}")
        try:
            return _decode(data)
        except (KeyError, TypeError, ValueError) as error:
            raise StateError(f"corrupt learner state: {error}") from error


def _session_json(session: Session) -> JsonDict:
    return {
        "topic_id": session.topic_id,
        "position": session.position,
        "asked": session.asked,
        "credit": session.credit,
        "missed": list(session.missed),
        "queue": list(session.queue),
    }


def _pending_json(pending: Pending) -> JsonDict:
    return {
        "question_id": pending.question_id,
        "asked_at": pending.asked_at.isoformat(),
        "hints": pending.hints,
        "choices": list(pending.choices),
    }


def _last_grade_json(last: LastGrade) -> JsonDict:
    return {
        "question_id": last.question_id,
        "fact_id": last.fact_id,
        "topic_id": last.topic_id,
        "response": last.response,
        "score": last.score,
        "card_before": None if last.card_before is None else dict(last.card_before),
    }


def _stats_json(stats: TopicStats) -> JsonDict:
    return {
        "answers": stats.answers,
        "credit": stats.credit,
        "lessons_completed": stats.lessons_completed,
    }


def _decode(data: Mapping[str, Any]) -> LearnerState:
    pending = data.get("pending")
    session = data.get("session")
    last = data.get("last_grade")
    return LearnerState(
        started=bool(data["started"]),
        display_name=str(data.get("display_name", "")),
        timezone=str(data.get("timezone", "UTC")),
        daily_time=data.get("daily_time"),
        mode=Mode(data["mode"]),
        topic_id=data.get("topic_id"),
        session=(
            Session(
                **{**session, "missed": tuple(session["missed"]), "queue": tuple(session["queue"])}
            )
            if session
            else None
        ),
        pending=(
            Pending(
                question_id=pending["question_id"],
                asked_at=datetime.fromisoformat(pending["asked_at"]),
                hints=int(pending["hints"]),
                choices=tuple(pending["choices"]),
            )
            if pending
            else None
        ),
        last_grade=LastGrade(**last) if last else None,
        positions=dict(data["positions"]),
        stats={key: TopicStats(**value) for key, value in data["stats"].items()},
        cards=dict(data["cards"]),
        active_days=tuple(date.fromisoformat(day) for day in data["active_days"]),
    )
