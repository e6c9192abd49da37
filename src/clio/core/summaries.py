"""A class summary that reads well in a chat: members, activity, topics, who needs
attention, and the questions the class finds hardest. Pure: data and texts in, text out."""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from clio.core.calendar import local_date, zone
from clio.core.report_data import ClassData
from clio.core.standings import Standing, standings
from clio.core.tutor import Tutor

MAX_LEARNERS_LISTED = 20  # a chat message stays readable; /export has everyone
MAX_NAMES = 10  # per "needs attention" line


def plain_name(name: str) -> str:
    """A display name on one line: control characters (newlines, tabs) become spaces."""
    cleaned = "".join(" " if not char.isprintable() else char for char in name)
    return " ".join(cleaned.split()) or "?"


def summary_text(tutor: Tutor, data: ClassData, *, now: datetime, zone_name: str) -> str:
    """The summary of one class at `now`, dates in the teacher's zone `zone_name`."""
    say = tutor.flows.say
    rows = standings(tutor, data, today=local_date(now, zone_name))
    active = sum(1 for row in rows if not row.inactive(now))
    lines = [
        say(
            "teacher.summary_header",
            name=plain_name(data.room.name),
            members=len(rows),
            active=active,
        )
    ]
    if not any(row.answers for row in rows):
        return "\n".join([*lines, say("teacher.summary_no_answers")])
    lines.extend(_topic_lines(tutor, rows))
    lines.append("")
    lines.append(say("teacher.summary_learners"))
    listed = sorted(rows, key=lambda row: plain_name(row.name).casefold())
    lines.extend(_learner_line(tutor, row, zone_name) for row in listed[:MAX_LEARNERS_LISTED])
    if len(listed) > MAX_LEARNERS_LISTED:
        lines.append(say("teacher.summary_more", count=len(listed) - MAX_LEARNERS_LISTED))
    lines.append("")
    lines.extend(_attention(tutor, rows, now=now))
    lines.extend(_hardest(tutor, data))
    return "\n".join(lines)


def _topic_lines(tutor: Tutor, rows: tuple[Standing, ...]) -> list[str]:
    say = tutor.flows.say
    lines = []
    for topic in tutor.facts.topics:
        found = [t for row in rows for t in row.topics if t.topic_id == topic.id]
        answers = sum(t.answers for t in found)
        if not answers:
            continue
        credit = sum(t.accuracy * t.answers for t in found)
        levels = Counter(t.level for t in found if t.level)
        order = [level.name for level in tutor.flows.mastery]
        shown = ", ".join(f"{levels[name]} {name}" for name in reversed(order) if levels.get(name))
        lines.append(
            say(
                "teacher.summary_topic",
                topic=topic.title,
                lessons=sum(t.lessons for t in found),
                accuracy=f"{credit / answers:.0%}",
                answers=answers,
                learners=len(found),
                levels=shown or "-",
            )
        )
    return lines


def _learner_line(tutor: Tutor, row: Standing, zone_name: str) -> str:
    say = tutor.flows.say
    last = (
        row.last_answered_at.astimezone(zone(zone_name)).strftime("%Y-%m-%d")
        if row.last_answered_at
        else say("teacher.summary_never")
    )
    return say(
        "teacher.summary_learner",
        name=plain_name(row.name),
        answers=row.answers,
        accuracy=f"{row.accuracy:.0%}",
        mastery=f"{row.mastery:.0%}",
        streak=row.streak,
        last=last,
    )


def _names(rows: list[Standing]) -> str:
    names = sorted((plain_name(row.name) for row in rows), key=str.casefold)
    shown = ", ".join(names[:MAX_NAMES])
    return shown + (f" (+{len(names) - MAX_NAMES})" if len(names) > MAX_NAMES else "")


def _attention(tutor: Tutor, rows: tuple[Standing, ...], *, now: datetime) -> list[str]:
    say = tutor.flows.say
    inactive = [row for row in rows if row.inactive(now)]
    struggling = [row for row in rows if row.struggling and not row.inactive(now)]
    lines = []
    if inactive:
        lines.append(say("teacher.summary_inactive", names=_names(inactive)))
    if struggling:
        lines.append(say("teacher.summary_struggling", names=_names(struggling)))
    return lines or [say("teacher.summary_all_well")]


def _hardest(tutor: Tutor, data: ClassData) -> list[str]:
    say = tutor.flows.say
    lines = []
    for stat in data.hardest:
        question = tutor.questions_by_id.get(stat.question_id)
        fact = tutor.facts.facts_by_id.get(stat.fact_id or "")
        if question is None and fact is None:
            continue  # no longer in the fact base: nothing useful to show
        lines.append(
            say(
                "teacher.summary_hardest",
                accuracy=f"{stat.credit / stat.answers:.0%}",
                answers=stat.answers,
                question=question.prompt if question else "?",
                fact=fact.text if fact else "?",
            )
        )
    return ["", say("teacher.summary_hardest_header"), *lines] if lines else []
