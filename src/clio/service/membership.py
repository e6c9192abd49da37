"""A learner's side of classes and privacy: join (by link or code), leave, see all their own
data (/mydata), and delete it (/forgetme)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime

from clio.core.exports import personal_data_json
from clio.core.messages import Attachment, AttachmentKind, CommandMessage, Reply
from clio.core.weekly import INVITE_CODE
from clio.service.class_lookup import Ask, Handled, confirm, match, pick


async def start(ask: Ask) -> Handled:
    """`/start CODE` (a tapped invitation link): join, then the usual welcome."""
    joined = await join(ask)
    return Handled(joined.replies, then=CommandMessage("start"))


async def join(ask: Ask) -> Handled:
    code = ask.argument.strip()
    if not code:
        return _say(ask, "join_usage")
    # Checked before any look-up: a code is never longer than a start payload may be.
    room = await ask.uow.classes.by_code(code) if INVITE_CODE.match(code) else None
    if room is None:
        return _say(ask, "bad_code")
    if room.teacher_id == ask.learner.id:
        return _say(ask, "own_class", name=room.name)
    if not await ask.uow.classes.add_member(room.id, ask.learner.id, now=ask.now):
        return _say(ask, "already_member", name=room.name)
    return _say(ask, "joined", name=room.name)


async def leave(ask: Ask) -> Handled:
    rooms = await ask.uow.classes.joined_by(ask.learner.id)
    if not rooms:
        return _say(ask, "no_classes")
    if not ask.argument:
        if len(rooms) > 1:
            return Handled((pick(ask, rooms, "leave"),))
        room = rooms[0]
    else:
        found = match(rooms, ask.argument)
        if found is None:
            return _say(ask, "not_in_class", typed=ask.argument)
        room = found
    await ask.uow.classes.remove_member(room.id, ask.learner.id)
    return _say(ask, "left", name=room.name)


async def my_data(ask: Ask) -> Handled:
    """Everything kept about the sender, and nothing about anyone else (their classes'
    names, never their classmates)."""
    uow, me = ask.uow, ask.learner
    stored = await uow.states.load(me.id)
    sections = {
        "exported_at": ask.now,
        "learner": me,
        "dialog_state": stored.state if stored else None,
        "answers": await uow.attempts.for_learner(me.id),
        "reviews": await uow.reviews.for_learner(me.id),
        "lessons": await uow.lessons.for_learner(me.id),
        "active_days": await uow.days.list(me.id),
        "classes_joined": [room.name for room in await uow.classes.joined_by(me.id)],
        "classes_taught": [
            {"name": room.name, "members": room.members}
            for room in await uow.classes.taught_by(me.id)
        ],
        "teacher_settings": await uow.teachers.get(me.id),
    }
    attachment = Attachment(
        AttachmentKind.DOCUMENT, _file_name(ask.now), personal_data_json(sections)
    )
    return Handled((Reply(ask.say("mydata_caption"), attachment=attachment),))


async def forget_me(ask: Ask) -> Handled:
    """After a yes, delete the learner row: every table's foreign key cascades from it."""
    if ask.argument == "no":
        return _say(ask, "kept")
    if ask.argument != "yes":
        return Handled((confirm(ask, "forget_confirm", "forgetme"),))
    await ask.uow.learners.delete(ask.learner.id)
    return _say(ask, "forgotten")


def _file_name(now: datetime) -> str:
    return f"clio-my-data-{now:%Y%m%d}.json"


def _say(ask: Ask, key: str, **values: object) -> Handled:
    return Handled((Reply(ask.say(key, **values)),))


LEARNER_COMMANDS: dict[str, Callable[[Ask], Awaitable[Handled]]] = {
    "join": join,
    "leave": leave,
    "mydata": my_data,
    "forgetme": forget_me,
}
