"""`/progress`: per topic facts seen, accuracy, items due and mastery; streak; next review."""

from __future__ import annotations

from datetime import datetime

from clio.core import review as srs
from clio.core.calendar import local_date, local_moment, streak
from clio.core.flows import MasteryLevel
from clio.core.messages import Reply
from clio.core.state import LearnerState, TopicStats
from clio.core.tutor import Tutor


def mastery(levels: tuple[MasteryLevel, ...], *, seen: float, accuracy: float) -> str:
    """The highest level whose thresholds are both met (levels are listed lowest first)."""
    reached = [lvl.name for lvl in levels if seen >= lvl.min_seen and accuracy >= lvl.min_accuracy]
    return reached[-1] if reached else ""


def report(tutor: Tutor, state: LearnerState, *, now: datetime) -> Reply:
    say = tutor.flows.say
    lines = [say("progress.header")]
    dues: list[datetime] = []
    for topic in tutor.facts.topics:
        facts = tutor.lesson_facts.get(topic.id, ())
        if not facts:
            continue
        cards = [state.cards[f.id] for f in facts if f.id in state.cards]
        topic_dues = [srs.due_at(card) for card in cards]
        dues.extend(topic_dues)
        stats = state.stats.get(topic.id, TopicStats())
        accuracy = stats.credit / stats.answers if stats.answers else 0.0
        seen_share = len(cards) / len(facts)
        lines.append(
            say(
                "progress.topic",
                topic=topic.title,
                seen=len(cards),
                total=len(facts),
                accuracy=f"{accuracy:.0%}",
                due=sum(1 for when in topic_dues if when <= now),
                mastery=mastery(tutor.flows.mastery, seen=seen_share, accuracy=accuracy),
            )
        )
    if not state.cards:
        return Reply("\n".join([*lines, say("progress.empty")]))
    today = local_date(now, state.timezone)
    lines.append(say("progress.streak", days=streak(state.active_days, today)))
    upcoming = [when for when in dues if when > now]
    if any(when <= now for when in dues):
        lines.append(say("progress.review_now"))
    elif upcoming:
        lines.append(say("progress.next_review", when=local_moment(min(upcoming), state.timezone)))
    else:
        lines.append(say("progress.no_reviews"))
    return Reply("\n".join(lines))
