"""Pure pieces of teacher reports: weekly times, spreadsheet-safe cells, the chart's names."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from clio.core.exports import safe_cell
from clio.core.records import ClassRoom, Member
from clio.core.report_data import ClassData, QuestionStat, TopicActivity
from clio.core.standings import Standing
from clio.core.summaries import plain_name, summary_parts
from clio.core.weekly import INVITE_CODE, WeeklyTime, next_weekly_time, parse_weekly, week_key
from clio.service.charts import chart_png
from tutor_samples import T0, make_tutor


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("mon 17:00", WeeklyTime(0, time(17, 0))),
        ("Friday 8am", WeeklyTime(4, time(8, 0))),
        ("sun 18.30", WeeklyTime(6, time(18, 30))),
        ("mo 17:00", None),  # too short to be sure
        ("monday", None),
        ("funday 17:00", None),
        ("tue 25:00", None),
    ],
)
def test_parse_weekly(typed: str, expected: WeeklyTime | None) -> None:
    assert parse_weekly(typed) == expected


def test_next_weekly_time_is_local_and_strictly_after() -> None:
    monday_5pm = WeeklyTime(0, time(17, 0))
    sunday = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    assert next_weekly_time(monday_5pm, "Europe/Paris", after=sunday) == datetime(
        2026, 3, 2, 16, 0, tzinfo=UTC
    )
    at = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)
    assert next_weekly_time(monday_5pm, "Europe/Paris", after=at) == datetime(
        2026, 3, 9, 16, 0, tzinfo=UTC
    )
    # Across the spring change (Paris, 29 March 2026): 17:00 local is 15:00 UTC after it.
    spring = datetime(2026, 3, 29, tzinfo=UTC)
    expected = datetime(2026, 3, 30, 15, 0, tzinfo=UTC)
    assert next_weekly_time(monday_5pm, "Europe/Paris", after=spring) == expected


def test_week_key_follows_the_local_week() -> None:
    late_sunday_utc = datetime(2026, 3, 1, 23, 30, tzinfo=UTC)  # Monday already in Tokyo
    assert week_key(late_sunday_utc, "UTC") == "2026-W09"
    assert week_key(late_sunday_utc, "Asia/Tokyo") == "2026-W10"


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        ("=1+1", "'=1+1"),
        ("+44 20", "'+44 20"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Ada", "Ada"),
        (3, "3"),
    ],
)
def test_safe_cell(value: object, shown: str) -> None:
    assert safe_cell(value) == shown


def test_invite_code_shape() -> None:
    assert INVITE_CODE.match("Abc_def-123")
    assert not INVITE_CODE.match("short")
    assert not INVITE_CODE.match("has space in it")
    assert not INVITE_CODE.match("x" * 65)


def test_plain_name_keeps_a_name_on_one_line() -> None:
    assert plain_name("Ada\nLovelace\t ") == "Ada Lovelace"
    assert plain_name("\n") == "?"


def standing(name: str, mastery: float) -> Standing:
    return Standing(1, name, 10, 3, 0.5, mastery, 2, None, ())


def test_chart_draws_names_as_text_not_mathtext() -> None:
    # Unbalanced or bad mathtext raises when parsed: drawn as text, it cannot.
    names = ["$\\frac{1}{0", "$x^$", "<b>", "=HYPERLINK()", "Ada"]
    png = chart_png("$class$", [standing(name, i / 10) for i, name in enumerate(names)])
    assert png.startswith(b"\x89PNG\r\n\x1a\n")


def test_a_large_class_summary_comes_in_messages_a_chat_accepts() -> None:
    tutor = make_tutor()
    room = ClassRoom(1, 999, "Big", "code-code-code", T0)
    members = tuple(Member(i, f"Learner {'x' * 40} {i}", T0) for i in range(1000))
    activity = tuple(TopicActivity(i, "paris", 50, 10.0 + i % 40, 3, 0, T0) for i in range(1000))
    hardest = (QuestionStat("q1", "f1", 900, 100.0), QuestionStat("q3", "f3", 900, 300.0))
    data = ClassData(room, members, activity, hardest=hardest)
    now = T0 + timedelta(days=30)  # everyone inactive: the longest attention lines
    parts = summary_parts(tutor, data, now=now, zone_name="UTC")
    assert len(parts) == 3
    assert all(len(part) < 4096 for part in parts)
    assert "…and 980 more" in parts[1]
    assert "(+990)" in parts[2]  # ten names shown, the rest counted
    # q3's prompt is its fact (true/false): the fact is not repeated.
    assert "Fact: Peace talks were held in Paris in 1856." in parts[2]
    assert parts[2].count("The Ottomans joined the Concert of Europe.") == 1
