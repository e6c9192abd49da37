"""`/timezone` and `/daily`: where the learner lives and when their daily prompt comes."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime

from clio.core.calendar import local_moment, next_local_time, parse_clock, parse_zone, zone
from clio.core.messages import Reply
from clio.core.outcome import Outcome, PreferencesRecord
from clio.core.state import LearnerState
from clio.core.tutor import Tutor

OFF_WORDS = frozenset({"off", "stop", "none", "no", "never", "disable"})


def set_timezone(tutor: Tutor, state: LearnerState, typed: str, *, now: datetime) -> Outcome:
    say = tutor.flows.say
    if not typed.strip():
        text = say(
            "settings.timezone_current",
            zone=state.timezone,
            local_time=_local_clock(state.timezone, now),
        )
        return Outcome(state, (Reply(text),))
    name = parse_zone(typed)
    if name is None:
        return Outcome(state, (Reply(say("settings.timezone_unknown", typed=typed.strip())),))
    new_state = replace(state, timezone=name)
    text = say("settings.timezone_set", zone=name, local_time=_local_clock(name, now))
    return Outcome(new_state, (Reply(text),), (_record(new_state),))


def set_daily(tutor: Tutor, state: LearnerState, typed: str, *, now: datetime) -> Outcome:
    say = tutor.flows.say
    wanted = typed.strip()
    if not wanted:
        if state.daily_time is None:
            return Outcome(state, (Reply(say("settings.daily_none")),))
        text = say("settings.daily_current", time=state.daily_time, zone=state.timezone)
        return Outcome(state, (Reply(text),))
    if wanted.casefold() in OFF_WORDS:
        new_state = replace(state, daily_time=None)
        return Outcome(new_state, (Reply(say("settings.daily_off")),), (_record(new_state),))
    clock = parse_clock(wanted)
    if clock is None:
        return Outcome(state, (Reply(say("settings.daily_invalid", typed=wanted)),))
    new_state = replace(state, daily_time=clock.strftime("%H:%M"))
    upcoming = next_local_time(clock, state.timezone, after=now)
    text = say(
        "settings.daily_set",
        time=new_state.daily_time,
        zone=state.timezone,
        next=local_moment(upcoming, state.timezone),
    )
    return Outcome(new_state, (Reply(text),), (_record(new_state),))


def _record(state: LearnerState) -> PreferencesRecord:
    daily = parse_clock(state.daily_time) if state.daily_time else None
    return PreferencesRecord(timezone=state.timezone, daily_time=daily)


def _local_clock(zone_name: str, now: datetime) -> str:
    return now.astimezone(zone(zone_name)).strftime("%H:%M")
