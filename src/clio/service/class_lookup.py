"""Finding the class a command means, among the sender's own classes only."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from clio.core.messages import Choice, Event, Reply
from clio.core.numerals import typed_number
from clio.core.payloads import CommandPayload, encode
from clio.core.records import ClassRoom, Learner
from clio.core.summaries import plain_name
from clio.core.tutor import Tutor
from clio.service.ports import UnitOfWork


@dataclass(frozen=True)
class Ask:
    """One teaching command: who sent it, its argument, inside the event's unit of work."""

    tutor: Tutor
    uow: UnitOfWork
    learner: Learner
    command: str
    argument: str
    now: datetime

    def say(self, key: str, **values: object) -> str:
        return self.tutor.flows.say(f"teacher.{key}", **values)


@dataclass(frozen=True)
class Handled:
    """What a teaching command did: replies, and an event for the core step to run next
    (`/start CODE` joins, then welcomes as usual); `then` is None when the core has no part."""

    replies: tuple[Reply, ...]
    then: Event | None = None


def confirm(ask: Ask, key: str, command: str, room: ClassRoom | None = None) -> Reply:
    """A yes/no question whose buttons stand for `/command yes` and `/command no`."""
    values = {"name": room.name, "members": room.members} if room else {}
    return Reply(
        ask.say(key, **values),
        (
            Choice(ask.say("yes"), encode(CommandPayload(f"{command} yes"))),
            Choice(ask.say("no"), encode(CommandPayload(f"{command} no"))),
        ),
    )


def pick(ask: Ask, rooms: tuple[ClassRoom, ...], command: str) -> Reply:
    """Several classes fit: one button per class, each standing for `/command NUMBER`."""
    choices = tuple(
        Choice(plain_name(room.name), encode(CommandPayload(f"{command} {room.id}")))
        for room in rooms
    )
    return Reply(ask.say("pick_class"), choices)


def match(rooms: tuple[ClassRoom, ...], typed: str) -> ClassRoom | None:
    """The one class whose number or (case-insensitive) name is `typed`, if exactly one."""
    typed = " ".join(typed.split())
    if (number := typed_number(typed)) is not None:
        found = [room for room in rooms if room.id == number]
    else:
        found = [room for room in rooms if plain_name(room.name).casefold() == typed.casefold()]
    return found[0] if len(found) == 1 else None


async def taught_class(ask: Ask, typed: str, *, command: str) -> ClassRoom | Reply:
    """The sender's class that `typed` names (or their only class when `typed` is empty);
    otherwise the reply to send. Someone else's class is refused like an unknown one, so
    nothing is told about classes that are not the sender's."""
    rooms = await ask.uow.classes.taught_by(ask.learner.id)
    if not rooms:
        refusal = ask.say("not_yours", typed=typed.strip()) if typed.strip() else None
        return Reply(refusal or ask.say("no_teaching"))
    if not typed.strip():
        return rooms[0] if len(rooms) == 1 else pick(ask, rooms, command)
    found = match(rooms, typed)
    return found if found is not None else Reply(ask.say("not_yours", typed=typed.strip()))


async def taught_class_and_rest(
    ask: Ask, argument: str, *, command: str
) -> tuple[ClassRoom | Reply, str]:
    """For `/rename Year 9 Year 10`: the sender's class named by the longest run of leading
    words (a number or a name of several words), and the words after it."""
    words = argument.split()
    if not words:
        return await taught_class(ask, "", command=command), ""
    rooms = await ask.uow.classes.taught_by(ask.learner.id)
    for cut in range(len(words), 0, -1):
        found = match(rooms, " ".join(words[:cut]))
        if found is not None:
            return found, " ".join(words[cut:])
    return await taught_class(ask, words[0], command=command), " ".join(words[1:])
