"""A learner's state survives its JSON form, every field of it."""

from __future__ import annotations

import json
from dataclasses import asdict, fields
from datetime import UTC, date, datetime

from clio.core.review import new_card
from clio.core.state import (
    LastGrade,
    LearnerState,
    Mode,
    Pending,
    Session,
    TopicStats,
)

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)


def full_state() -> LearnerState:
    """A state with every field set away from its default."""
    card = new_card(NOW, card_id=7)
    return LearnerState(
        started=True,
        display_name="Ada",
        timezone="Europe/Paris",
        daily_time="18:30",
        mode=Mode.LESSON,
        topic_id="paris",
        session=Session("paris", position=3, asked=2, credit=1.5, missed=("f1",), queue=("f2",)),
        pending=Pending("q1", NOW, hints=1, choices=("1856", "1855")),
        last_grade=LastGrade("q0", "f0", "paris", "1855", 0.0, card),
        positions={"paris": 3},
        stats={"paris": TopicStats(answers=4, credit=2.5, lessons_completed=1)},
        cards={"f0": card},
        active_days=(date(2026, 2, 28), date(2026, 3, 1)),
    )


def test_every_field_round_trips_through_json_text() -> None:
    state = full_state()
    blank = LearnerState()
    assert all(getattr(state, f.name) != getattr(blank, f.name) for f in fields(state))
    assert LearnerState.from_json(json.loads(json.dumps(state.to_json()))) == state


def test_the_json_has_every_field_of_the_state() -> None:
    """to_json is written out by hand for speed: a field added to the state must be added
    to it too (asdict is the reference)."""
    encoded = full_state().to_json()
    assert set(encoded) == {f.name for f in fields(LearnerState)} | {"schema_version"}
    reference = json.loads(json.dumps(asdict(full_state()), default=str))
    assert json.loads(json.dumps(encoded))["cards"] == reference["cards"]
    assert json.loads(json.dumps(encoded))["session"] == reference["session"]
    assert json.loads(json.dumps(encoded))["stats"] == reference["stats"]
