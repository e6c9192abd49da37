"""Class reports: gather a class's aggregates from the store, then render them as a chat
summary, a CSV document or a PNG chart (the same data for all three)."""

from __future__ import annotations

from datetime import datetime, timedelta

from clio.core.calendar import local_date
from clio.core.exports import class_csv
from clio.core.messages import Attachment, AttachmentKind, Reply
from clio.core.records import ClassRoom
from clio.core.report_data import ACTIVE_DAYS, STREAK_WINDOW_DAYS, ClassData
from clio.core.standings import standings
from clio.core.summaries import summary_parts, summary_text
from clio.core.tutor import Tutor
from clio.service.charts import chart_png
from clio.service.ports import UnitOfWork

HARDEST_SHOWN = 3
HARDEST_MIN_ANSWERS = 3  # a question answered once or twice says little about the class


async def gather(uow: UnitOfWork, room: ClassRoom, *, now: datetime) -> ClassData:
    """Everything a report of `room` reads, aggregated by the database."""
    reports = uow.reports
    return ClassData(
        room=room,
        members=await uow.classes.members(room.id),
        activity=await reports.activity(room.id, recent_since=now - timedelta(days=ACTIVE_DAYS)),
        lessons=await reports.lessons(room.id),
        days=await reports.days(room.id, since=(now - timedelta(days=STREAK_WINDOW_DAYS)).date()),
        hardest=await reports.hardest(
            room.id, min_answers=HARDEST_MIN_ANSWERS, limit=HARDEST_SHOWN
        ),
    )


def summary_replies(
    tutor: Tutor, data: ClassData, *, now: datetime, zone_name: str
) -> tuple[Reply, ...]:
    """The summary as a few chat messages (one long one would pass a platform's limit)."""
    return tuple(Reply(part) for part in summary_parts(tutor, data, now=now, zone_name=zone_name))


def text_reply(tutor: Tutor, data: ClassData, *, now: datetime, zone_name: str) -> Reply:
    """The whole summary as one text (for the command line)."""
    return Reply(summary_text(tutor, data, now=now, zone_name=zone_name))


def file_stem(room: ClassRoom, now: datetime) -> str:
    """A file name that is safe everywhere: no part of the class's (typed) name is used."""
    return f"class-{room.id}-{now:%Y%m%d}"


def csv_reply(tutor: Tutor, data: ClassData, *, now: datetime, zone_name: str) -> Reply:
    content = class_csv(tutor, data, now=now, zone_name=zone_name)
    return Reply(
        tutor.flows.say("teacher.export_caption", name=data.room.name),
        attachment=Attachment(AttachmentKind.DOCUMENT, f"{file_stem(data.room, now)}.csv", content),
    )


def chart_reply(tutor: Tutor, data: ClassData, *, now: datetime, zone_name: str) -> Reply:
    rows = standings(tutor, data, today=local_date(now, zone_name))
    return Reply(
        tutor.flows.say("teacher.chart_caption", name=data.room.name),
        attachment=Attachment(
            AttachmentKind.IMAGE,
            f"{file_stem(data.room, now)}.png",
            chart_png(data.room.name, rows),
        ),
    )
