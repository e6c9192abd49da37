"""Class commands for teachers: make, list, rename, re-invite, remove, close, summarise and
export classes, and set the weekly report. Runs inside the event's unit of work; the texts
and reports come from the pure core, the look-ups from the store's ports."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from datetime import datetime

from clio.core.messages import ChoicePressed, CommandMessage, Event, Reply
from clio.core.payloads import CommandPayload, decode
from clio.core.records import ClassRoom, Learner
from clio.core.summaries import plain_name
from clio.core.tutor import Tutor
from clio.core.weekly import describe
from clio.service import membership, weekly
from clio.service.class_lookup import (
    Ask,
    Handled,
    confirm,
    taught_class,
    taught_class_and_rest,
)
from clio.service.ports import UnitOfWork
from clio.service.reporting import chart_reply, csv_reply, gather, summary_replies

MAX_CLASS_NAME = 100
INVITE_BYTES = 12  # token_urlsafe(12): 16 characters of [A-Za-z0-9_-], 96 random bits


Handler = Callable[["Teaching", Ask], Awaitable[Handled]]


class Teaching:
    """Routes the commands in `HANDLERS`; everything else goes to the core step."""

    def __init__(
        self,
        *,
        tutor: Tutor,
        bot_username: str | None = None,
        new_code: Callable[[], str] = lambda: secrets.token_urlsafe(INVITE_BYTES),
    ) -> None:
        self.tutor = tutor
        self.bot_username = bot_username
        self.new_code = new_code

    def wants(self, event: Event) -> CommandMessage | None:
        """The teaching command `event` stands for (typed, or a press on its button)."""
        if isinstance(event, ChoicePressed):
            payload = decode(event.payload)
            if not isinstance(payload, CommandPayload):
                return None
            name, _, argument = payload.command.partition(" ")
            event = CommandMessage(name, argument)
        if not isinstance(event, CommandMessage):
            return None
        if event.name == "start":
            return event if event.argument.strip() else None
        return event if event.name in HANDLERS else None

    async def handle(
        self, uow: UnitOfWork, learner: Learner, command: CommandMessage, *, now: datetime
    ) -> Handled:
        ask = Ask(self.tutor, uow, learner, command.name, command.argument.strip(), now)
        if command.name == "start":
            return await membership.start(ask)
        return await HANDLERS[command.name](self, ask)

    def invitation(self, ask: Ask, room: ClassRoom) -> Reply:
        """The deep link (Telegram: `/start CODE` once tapped) and the code to type."""
        if self.bot_username:
            link = f"https://t.me/{self.bot_username}?start={room.invite_code}"
            return Reply(ask.say("invite_link", name=room.name, link=link, code=room.invite_code))
        return Reply(ask.say("invite_code", name=room.name, code=room.invite_code))

    async def new_class(self, ask: Ask) -> Handled:
        name = plain_name(ask.argument) if ask.argument else ""
        if not name:
            return _say(ask, "newclass_usage")
        if len(name) > MAX_CLASS_NAME:
            return _say(ask, "name_too_long", limit=MAX_CLASS_NAME)
        schedule = await weekly.enrol(ask)
        room = await ask.uow.classes.create(
            teacher_id=ask.learner.id, name=name, invite_code=self.new_code(), now=ask.now
        )
        day, time = describe(schedule) if schedule else ("-", "-")
        created = Reply(ask.say("class_created", name=name, number=room.id, day=day, time=time))
        return Handled((created, self.invitation(ask, room)))

    async def list_classes(self, ask: Ask) -> Handled:
        taught = await ask.uow.classes.taught_by(ask.learner.id)
        joined = await ask.uow.classes.joined_by(ask.learner.id)
        if not taught and not joined:
            return _say(ask, "no_classes")
        lines = []
        if taught:
            lines.append(ask.say("classes_header"))
            lines.extend(
                ask.say(
                    "class_line",
                    number=room.id,
                    name=room.name,
                    members=room.members,
                    code=room.invite_code,
                )
                for room in taught
            )
        if joined:
            lines.append(ask.say("joined_header"))
            lines.extend(ask.say("joined_line", name=room.name) for room in joined)
        return Handled((Reply("\n".join(lines)),))

    async def rename(self, ask: Ask) -> Handled:
        if len(ask.argument.split()) < 2:
            return _say(ask, "rename_usage")
        room, rest = await taught_class_and_rest(ask, ask.argument, command="rename")
        if isinstance(room, Reply):
            return Handled((room,))
        name = plain_name(rest) if rest else ""
        if not name:
            return _say(ask, "rename_usage")
        if len(name) > MAX_CLASS_NAME:
            return _say(ask, "name_too_long", limit=MAX_CLASS_NAME)
        await ask.uow.classes.rename(room.id, name)
        return _say(ask, "renamed", number=room.id, name=name)

    async def revoke(self, ask: Ask) -> Handled:
        room = await taught_class(ask, ask.argument, command="revoke")
        if isinstance(room, Reply):
            return Handled((room,))
        code = self.new_code()
        await ask.uow.classes.set_code(room.id, code)
        fresh = ClassRoom(room.id, room.teacher_id, room.name, code, room.created_at)
        return Handled((Reply(ask.say("revoked", name=room.name)), self.invitation(ask, fresh)))

    async def remove(self, ask: Ask) -> Handled:
        if len(ask.argument.split()) < 2:
            return _say(ask, "remove_usage")
        room, who = await taught_class_and_rest(ask, ask.argument, command="remove")
        if isinstance(room, Reply):
            return Handled((room,))
        if not who:
            return _say(ask, "remove_usage")
        wanted = plain_name(who).casefold()
        found = [
            member
            for member in await ask.uow.classes.members(room.id)
            if plain_name(member.display_name).casefold() == wanted
        ]
        if not found:
            return _say(ask, "no_such_member", typed=who, name=room.name)
        if len(found) > 1:
            return _say(ask, "ambiguous_member", typed=who, name=room.name)
        await ask.uow.classes.remove_member(room.id, found[0].learner_id)
        return _say(ask, "removed", learner=found[0].display_name, name=room.name)

    async def close(self, ask: Ask) -> Handled:
        room, answer = await taught_class_and_rest(ask, ask.argument, command="closeclass")
        if isinstance(room, Reply):
            return Handled((room,))
        if answer == "no":
            return _say(ask, "kept")
        if answer != "yes":
            return Handled((confirm(ask, "close_confirm", f"closeclass {room.id}", room),))
        await ask.uow.classes.delete(room.id)
        return _say(ask, "closed", name=room.name)

    async def summary(self, ask: Ask) -> Handled:
        room = await taught_class(ask, ask.argument, command="summary")
        if isinstance(room, Reply):
            return Handled((room,))
        data = await gather(ask.uow, room, now=ask.now)
        zone_name = ask.learner.time_zone
        return Handled(summary_replies(self.tutor, data, now=ask.now, zone_name=zone_name))

    async def export(self, ask: Ask) -> Handled:
        room = await taught_class(ask, ask.argument, command="export")
        if isinstance(room, Reply):
            return Handled((room,))
        data = await gather(ask.uow, room, now=ask.now)
        zone_name = ask.learner.time_zone
        return Handled(
            (
                csv_reply(self.tutor, data, now=ask.now, zone_name=zone_name),
                chart_reply(self.tutor, data, now=ask.now, zone_name=zone_name),
            )
        )

    async def set_weekly(self, ask: Ask) -> Handled:
        return Handled((await weekly.command(ask),))


def _say(ask: Ask, key: str, **values: object) -> Handled:
    return Handled((Reply(ask.say(key, **values)),))


async def _learner_side(_teaching: Teaching, ask: Ask) -> Handled:
    return await membership.LEARNER_COMMANDS[ask.command](ask)


HANDLERS: dict[str, Handler] = {
    "newclass": Teaching.new_class,
    "classes": Teaching.list_classes,
    "rename": Teaching.rename,
    "revoke": Teaching.revoke,
    "remove": Teaching.remove,
    "closeclass": Teaching.close,
    "summary": Teaching.summary,
    "export": Teaching.export,
    "weekly": Teaching.set_weekly,
    **{name: _learner_side for name in ("join", "leave", "mydata", "forgetme")},
}
