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
    return "\n\n".join(summary_parts(tutor, data, now=now, zone_name=zone_name))


def summary_parts(
    tutor: Tutor, data: ClassData, *, now: datetime, zone_name: str
) -> tuple[str, ...]:
    """The summary as a few messages, each well under a chat's length limit: the class and
    its topics; its learners; who needs attention and the hardest questions."""
    say = tutor.flows.say
    rows = standings(tutor, data, today=local_date(now, zone_name))
    active = sum(1 for row in rows if not row.inactive(now))
    header = say(
        "teacher.summary_header", name=plain_name(data.room.name), members=len(rows), active=active
    )
    if not any(row.answers for row in rows):
        return ("\n".join([header, say("teacher.summary_no_answers")]),)
    listed = sorted(rows, key=lambda row: plain_name(row.name).casefold())
    learners = [
        say("teacher.summary_learners"),
        *(_learner_line(tutor, row, zone_name) for row in listed[:MAX_LEARNERS_LISTED]),
    ]
    if len(listed) > MAX_LEARNERS_LISTED:
        learners.append(say("teacher.summary_more", count=len(listed) - MAX_LEARNERS_LISTED))
    return (
        "\n".join([header, *_topic_lines(tutor, rows)]),
        "\n".join(learners),
        "\n".join([*_attention(tutor, rows, now=now), *_hardest(tutor, data)]),
    )


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
        prompt = question.prompt if question else "?"
        shown = {"accuracy": f"{stat.credit / stat.answers:.0%}", "answers": stat.answers}
        if fact is None or fact.text in prompt:  # a true/false prompt is the fact itself
            lines.append(say("teacher.summary_hardest_plain", question=prompt, **shown))
        else:
            lines.append(say("teacher.summary_hardest", question=prompt, fact=fact.text, **shown))
    return ["", say("teacher.summary_hardest_header"), *lines] if lines else []
