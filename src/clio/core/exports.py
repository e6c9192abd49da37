"""Files made for people: a class's CSV (safe to open in a spreadsheet) and a learner's own
data as JSON. Pure: values in, bytes out."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Mapping
from dataclasses import asdict
from datetime import date, datetime, time
from typing import Any

from clio.core.calendar import local_date, zone
from clio.core.report_data import ClassData
from clio.core.standings import standings
from clio.core.summaries import plain_name
from clio.core.tutor import Tutor

CSV_COLUMNS = (
    "class",
    "learner",
    "topic",
    "answers",
    "accuracy",
    "facts_seen",
    "facts_total",
    "mastery_level",
    "lessons_completed",
    "streak_days",
    "last_active",
)
# A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV
# injection"): such cells are prefixed with a quote, which shows them as plain text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


def class_csv(tutor: Tutor, data: ClassData, *, now: datetime, zone_name: str) -> bytes:
    """One row per learner and topic (a learner with no answers gets one row, no topic)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    room = plain_name(data.room.name)
    for row in standings(tutor, data, today=local_date(now, zone_name)):
        last = (
            row.last_answered_at.astimezone(zone(zone_name)).strftime("%Y-%m-%d %H:%M")
            if row.last_answered_at
            else ""
        )
        common = (room, plain_name(row.name))
        if not row.topics:
            writer.writerow(_safe((*common, "", 0, "", 0, "", "", 0, row.streak, last)))
        for topic in row.topics:
            cells = (
                *common,
                topic.title,
                topic.answers,
                f"{topic.accuracy:.2f}",
                topic.seen,
                topic.total,
                topic.level,
                topic.lessons,
                row.streak,
                last,
            )
            writer.writerow(_safe(cells))
    # UTF-8 with a byte-order mark: spreadsheet programs then read accented names right.
    return buffer.getvalue().encode("utf-8-sig")


def _safe(cells: Iterable[object]) -> list[str]:
    return [safe_cell(cell) for cell in cells]


def personal_data_json(sections: Mapping[str, Any]) -> bytes:
    """A learner's data (`sections` of frozen values, lists and dicts) as readable JSON."""
    return json.dumps(_plain(sections), indent=2, ensure_ascii=False).encode("utf-8")


def _plain(value: Any) -> Any:
    if hasattr(value, "__dataclass_fields__"):
        return _plain(asdict(value))
    if isinstance(value, Mapping):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(item) for item in value]
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value
