"""Where each learner of a class stands: per-topic and overall figures, from `ClassData`.

Summaries (text), exports (CSV) and charts (PNG) all read these, so the three agree."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from clio.core.calendar import streak
from clio.core.progress import mastery
from clio.core.report_data import ACTIVE_DAYS, ClassData, TopicActivity
from clio.core.tutor import Tutor

STRUGGLING_ACCURACY = 0.5  # below this share of credit ...
STRUGGLING_MIN_ANSWERS = 5  # ... over at least this many answers: needs attention


@dataclass(frozen=True, slots=True)
class TopicStanding:
    topic_id: str
    title: str
    answers: int
    accuracy: float
    seen: int
    total: int  # teachable facts in the topic
    level: str  # the mastery level's name (dialogs/progress.yaml)
    lessons: int


@dataclass(frozen=True, slots=True)
class Standing:
    """One learner of the class, as the teacher sees them."""

    learner_id: int
    name: str
    answers: int
    recent_answers: int
    accuracy: float
    mastery: float  # share of all teachable facts seen, times accuracy: 0..1
    streak: int
    last_answered_at: datetime | None
    topics: tuple[TopicStanding, ...]

    def inactive(self, now: datetime) -> bool:
        last = self.last_answered_at
        return last is None or last < now - timedelta(days=ACTIVE_DAYS)

    @property
    def struggling(self) -> bool:
        return self.answers >= STRUGGLING_MIN_ANSWERS and self.accuracy < STRUGGLING_ACCURACY


def standings(tutor: Tutor, data: ClassData, *, today: date) -> tuple[Standing, ...]:
    """Every member's standing, in the order they joined; `today` is the teacher's date."""
    by_learner: defaultdict[int, list[TopicActivity]] = defaultdict(list)
    for row in data.activity:
        by_learner[row.learner_id].append(row)
    lessons = {(row.learner_id, row.topic_id): row.completed for row in data.lessons}
    return tuple(
        _standing(
            tutor,
            member.learner_id,
            member.display_name,
            by_learner.get(member.learner_id, []),
            lessons=lessons,
            streak_days=streak(data.days.get(member.learner_id, ()), today),
        )
        for member in data.members
    )


def _standing(
    tutor: Tutor,
    learner_id: int,
    name: str,
    rows: list[TopicActivity],
    *,
    lessons: dict[tuple[int, str], int],
    streak_days: int,
) -> Standing:
    topics = tuple(
        _topic(tutor, row, lessons.get((learner_id, row.topic_id), 0))
        for row in sorted(rows, key=lambda row: row.topic_id)
    )
    answers = sum(row.answers for row in rows)
    accuracy = sum(row.credit for row in rows) / answers if answers else 0.0
    total = sum(len(facts) for facts in tutor.lesson_facts.values())
    seen = sum(min(topic.seen, topic.total) for topic in topics)
    return Standing(
        learner_id=learner_id,
        name=name,
        answers=answers,
        recent_answers=sum(row.recent_answers for row in rows),
        accuracy=accuracy,
        mastery=(seen / total) * accuracy if total else 0.0,
        streak=streak_days,
        last_answered_at=max((row.last_answered_at for row in rows), default=None),
        topics=topics,
    )


def _topic(tutor: Tutor, row: TopicActivity, lessons: int) -> TopicStanding:
    topic = tutor.topic(row.topic_id)
    total = len(tutor.lesson_facts.get(row.topic_id, ()))
    accuracy = row.credit / row.answers if row.answers else 0.0
    share = min(row.facts_seen / total, 1.0) if total else 0.0
    return TopicStanding(
        topic_id=row.topic_id,
        title=topic.title if topic else row.topic_id,  # a topic since removed from the seeds
        answers=row.answers,
        accuracy=accuracy,
        seen=row.facts_seen,
        total=total,
        level=mastery(tutor.flows.mastery, seen=share, accuracy=accuracy),
        lessons=lessons,
    )
