"""`clio report --class CODE --format text|csv|png [--out FILE]`: a class's report from the
command line (for whoever runs Clio: it reads the database directly, so no teacher check)."""

from __future__ import annotations

import argparse
import asyncio
import sys
from pathlib import Path

from clio.bootstrap import build_service, utc_now
from clio.core.errors import ConfigurationError
from clio.core.messages import Reply
from clio.core.numerals import typed_number
from clio.core.records import ClassRoom
from clio.service.ports import UnitOfWork
from clio.service.reporting import chart_reply, csv_reply, gather, text_reply
from clio.service.tutoring import TutorService
from clio.settings import Settings

FORMATS = ("text", "csv", "png")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--class",
        dest="room",
        required=True,
        metavar="CODE",
        help="the class: its invitation code, or its number (as /classes shows it)",
    )
    parser.add_argument("--format", choices=FORMATS, default="text", help="default: text")
    parser.add_argument(
        "--out",
        type=Path,
        help="write to this file (default: text to stdout; files named "
        "after the class in the current folder)",
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    reply = asyncio.run(_report(settings, args.room, args.format))
    if reply.attachment is None:
        if args.out is None:
            print(reply.text)
        else:
            args.out.write_text(reply.text + "\n", encoding="utf-8")
        return 0
    out = args.out or Path(reply.attachment.filename)
    out.write_bytes(reply.attachment.content)
    print(f"wrote {out}", file=sys.stderr)
    return 0


async def _report(settings: Settings, typed: str, kind: str) -> Reply:
    service = await build_service(settings)
    try:
        return await _render(service, typed, kind)
    finally:
        await service.close()


async def _render(service: TutorService, typed: str, kind: str) -> Reply:
    now = utc_now()
    async with service.store.unit_of_work() as uow:
        room = await _find(uow, typed)
        teacher = await uow.learners.get(room.teacher_id)
        zone_name = teacher.time_zone if teacher else "UTC"
        data = await gather(uow, room, now=now)
    render = {"text": text_reply, "csv": csv_reply, "png": chart_reply}[kind]
    return render(service.tutor, data, now=now, zone_name=zone_name)


async def _find(uow: UnitOfWork, typed: str) -> ClassRoom:
    room = await uow.classes.by_code(typed)
    if room is None and (number := typed_number(typed)) is not None:
        room = await uow.classes.get(number)
    if room is None:
        raise ConfigurationError(f"--class: no class has the code or number {typed!r}")
    return room
