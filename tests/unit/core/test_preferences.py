"""`/timezone` and `/daily`, and the daily offer made during onboarding."""

from __future__ import annotations

from datetime import time

from clio.core.messages import ChoicePressed, CommandMessage
from clio.core.outcome import PreferencesRecord
from tutor_samples import Learner


def test_timezone_by_city_offset_or_name(learner: Learner) -> None:
    text = learner.text(CommandMessage("timezone", "paris"))
    assert text == "Time zone set to Europe/Paris. It's 10:00 there now."  # T0 is 09:00 UTC
    assert learner.state.timezone == "Europe/Paris"
    assert learner.last is not None
    assert learner.last.records == (PreferencesRecord("Europe/Paris", None),)
    assert "UTC+05:30" in learner.text(CommandMessage("timezone", "UTC+5:30"))
    assert "it's 14:30 there now" in learner.text(CommandMessage("timezone"))


def test_unknown_timezone_changes_nothing(learner: Learner) -> None:
    text = learner.text(CommandMessage("timezone", "Atlantis"))
    assert 'I don\'t know the time zone "Atlantis"' in text
    assert learner.state.timezone == "UTC"
    assert learner.last is not None and learner.last.records == ()


def test_daily_on_off_and_invalid(learner: Learner) -> None:
    assert "Daily prompts are off" in learner.text(CommandMessage("daily"))
    learner.text(CommandMessage("timezone", "Europe/Paris"))
    text = learner.text(CommandMessage("daily", "6:30pm"))
    assert "Daily history prompts at 18:30 (Europe/Paris). The next one comes Sun 01 Mar 18:30" in (
        text
    )
    assert learner.state.daily_time == "18:30"
    assert learner.last is not None
    assert learner.last.records == (PreferencesRecord("Europe/Paris", time(18, 30)),)
    assert 'couldn\'t read "soonish"' in learner.text(CommandMessage("daily", "soonish"))
    assert learner.state.daily_time == "18:30"
    assert "Daily prompts are off" in learner.text(CommandMessage("daily", "off"))
    assert learner.state.daily_time is None


def test_the_onboarding_offer_is_one_press(learner: Learner) -> None:
    offer = learner.send(CommandMessage("start"))[-2]
    learner.text(ChoicePressed(offer.choices[0].payload))
    assert learner.state.daily_time == "18:00"
