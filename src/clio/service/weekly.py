"""Weekly class reports: becoming a teacher sets a default day and time; `/weekly` changes
it (the ticker that sends them is in `report_ticker`)."""

from __future__ import annotations

from clio.core.calendar import zone
from clio.core.messages import Reply
from clio.core.records import Teacher
from clio.core.weekly import (
    OFF_WORDS,
    WeeklyTime,
    describe,
    next_weekly_time,
    parse_weekly,
)
from clio.service.class_lookup import Ask


def schedule_of(teacher: Teacher | None) -> WeeklyTime | None:
    if teacher is None or teacher.report_weekday is None or teacher.report_time is None:
        return None
    return WeeklyTime(teacher.report_weekday, teacher.report_time)


async def enrol(ask: Ask) -> WeeklyTime | None:
    """Make the sender a teacher (weekly reports at the content's default) unless they are
    one already; their report schedule either way."""
    existing = await ask.uow.teachers.get(ask.learner.id)
    if existing is not None:
        return schedule_of(existing)
    default = parse_weekly(ask.tutor.flows.default_weekly_report)
    following = next_weekly_time(default, ask.learner.time_zone, after=ask.now) if default else None
    await ask.uow.teachers.enrol(
        ask.learner.id,
        weekday=default.weekday if default else None,
        at=default.at if default else None,
        next_at=following,
    )
    return default


async def command(ask: Ask) -> Reply:
    """`/weekly`, `/weekly off`, `/weekly fri 16:00`."""
    teacher = await ask.uow.teachers.get(ask.learner.id)
    if teacher is None:
        return Reply(ask.say("no_teaching"))
    typed, zone_name = ask.argument, ask.learner.time_zone
    if not typed:
        current = schedule_of(teacher)
        if current is None:
            return Reply(ask.say("weekly_off"))
        day, time = describe(current)
        return Reply(ask.say("weekly_current", day=day, time=time, zone=zone_name))
    if typed.casefold() in OFF_WORDS:
        await ask.uow.teachers.set_schedule(ask.learner.id, weekday=None, at=None, next_at=None)
        return Reply(ask.say("weekly_off"))
    chosen = parse_weekly(typed)
    if chosen is None:
        return Reply(ask.say("weekly_invalid", typed=typed))
    following = next_weekly_time(chosen, zone_name, after=ask.now)
    await ask.uow.teachers.set_schedule(
        ask.learner.id, weekday=chosen.weekday, at=chosen.at, next_at=following
    )
    day, time = describe(chosen)
    shown = following.astimezone(zone(zone_name)).strftime("%a %d %b %H:%M")
    return Reply(ask.say("weekly_set", day=day, time=time, zone=zone_name, next=shown))
