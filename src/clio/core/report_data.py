"""What a class report is made of: per-learner, per-topic aggregates the store computes."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from clio.core.records import ClassRoom, Member

ACTIVE_DAYS = 7  # "active" means answered something in the last week
STREAK_WINDOW_DAYS = 120  # active days read for streaks: longer streaks show as this many


@dataclass(frozen=True, slots=True)
class TopicActivity:
    """One learner's answers on one topic: how many, the credit earned, distinct facts."""

    learner_id: int
    topic_id: str
    answers: int
    credit: float  # sum of scores, an overridden answer counting as fully right
    facts_seen: int
    recent_answers: int  # in the last ACTIVE_DAYS days
    last_answered_at: datetime


@dataclass(frozen=True, slots=True)
class LessonCount:
    learner_id: int
    topic_id: str
    completed: int


@dataclass(frozen=True, slots=True)
class QuestionStat:
    """How the class did on one question (the hardest come first)."""

    question_id: str
    fact_id: str | None
    answers: int
    credit: float


@dataclass(frozen=True)
class ClassData:
    """Everything a summary, an export or a chart of one class reads."""

    room: ClassRoom
    members: tuple[Member, ...]
    activity: tuple[TopicActivity, ...] = ()
    lessons: tuple[LessonCount, ...] = ()
    days: Mapping[int, tuple[date, ...]] = field(default_factory=dict)
    hardest: tuple[QuestionStat, ...] = ()
