"""Teachers and classes through the service, on every backend: invitations by link and by
code, summaries and exports that reflect answers, refusals, /forgetme, revoked codes, and
names that stay harmless."""

from __future__ import annotations

import csv
import io
import json
import random
import re
from datetime import datetime, timedelta

import pytest

from clio.core.messages import AttachmentKind, ChoicePressed, CommandMessage, Event, Reply
from clio.service.tutoring import Incoming, TutorService
from clio.store import SqlStore
from tutor_samples import T0, make_tutor

LINK = re.compile(r"https://t\.me/ClioBot\?start=([A-Za-z0-9_-]+)")
RIGHT = {"q1": "a:q1:1", "q3": "a:q3:0"}  # Paris; true
WRONG = {"q1": "a:q1:0", "q3": "a:q3:1"}  # London; false


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(seconds=5)
        return self.now


class Chat:
    """People talking to one service; each message is an update of its own."""

    def __init__(self, store: SqlStore) -> None:
        self.service = TutorService(
            tutor=make_tutor(),
            store=store,
            clock=Clock(),
            rng_for=lambda _incoming: random.Random(3),
            bot_username="ClioBot",
        )
        self.update = 0

    async def send(self, user: str, event: Event, name: str | None = None) -> tuple[Reply, ...]:
        self.update += 1
        incoming = Incoming("test", user, name or user.title(), event, self.update)
        return await self.service.handle(incoming)

    async def command(self, user: str, text: str, name: str | None = None) -> str:
        command, _, argument = text.lstrip("/").partition(" ")
        replies = await self.send(user, CommandMessage(command, argument), name)
        return "\n".join(reply.text for reply in replies)

    async def lesson(self, user: str, answers: dict[str, str]) -> None:
        """One lesson of the sample fact base: two questions (q1 then q3)."""
        await self.command(user, "/lesson")
        for question in ("q1", "q3"):
            await self.send(user, ChoicePressed(answers[question]))


async def new_class(chat: Chat, name: str = "Year 9") -> str:
    text = await chat.command("tina", f"/newclass {name}")
    found = LINK.search(text)
    assert found is not None, text
    assert f"/join {found.group(1)}" in text  # the code itself, for typing
    return found.group(1)


async def class_of_three(chat: Chat) -> str:
    code = await new_class(chat)
    assert "joined" in await chat.command("ada", f"/start {code}")  # a tapped link
    assert "joined" in await chat.command("ben", f"/join {code}")
    assert "joined" in await chat.command("carl", f"/join {code}")
    await chat.lesson("ada", RIGHT)
    await chat.lesson("ben", WRONG)
    await chat.lesson("carl", {"q1": WRONG["q1"], "q3": RIGHT["q3"]})
    return code


def csv_rows(reply: Reply) -> list[dict[str, str]]:
    assert reply.attachment is not None and reply.attachment.filename.endswith(".csv")
    text = reply.attachment.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


async def test_invitation_codes_are_unguessable_start_payloads(store: SqlStore) -> None:
    chat = Chat(store)
    codes = {await new_class(chat, f"Class {i}") for i in range(3)}
    assert len(codes) == 3
    assert all(re.fullmatch(r"[A-Za-z0-9_-]{8,64}", code) for code in codes)


async def test_summary_reflects_the_answers_of_learners_who_joined(store: SqlStore) -> None:
    chat = Chat(store)
    await class_of_three(chat)
    summary = await chat.command("tina", "/summary")
    assert "Year 9: 3 learner(s), 3 active" in summary
    assert "Ada: 2 answers, 100% right" in summary
    assert "Ben: 2 answers, 0% right" in summary
    assert "Carl: 2 answers, 50% right" in summary
    # Over 6 answers, 3 were right; each learner completed one lesson.
    assert "3 lesson(s) completed, 50% right over 6 answers by 3 learner(s)" in summary
    hardest = summary.split("Hardest questions:")[1]
    assert hardest.strip().startswith("33% right (3 answers): Where were the peace talks held?")
    assert "Fact: Peace talks were held in Paris in 1856." in hardest


async def test_export_sends_a_csv_and_a_chart_that_agree_with_the_answers(
    store: SqlStore,
) -> None:
    chat = Chat(store)
    await class_of_three(chat)
    document, image = await chat.send("tina", CommandMessage("export"))
    rows = {row["learner"]: row for row in csv_rows(document)}
    assert set(rows) == {"Ada", "Ben", "Carl"}
    assert (rows["Ada"]["accuracy"], rows["Ben"]["accuracy"]) == ("1.00", "0.00")
    assert rows["Ada"]["answers"] == "2" and rows["Ada"]["lessons_completed"] == "1"
    assert image.attachment is not None and image.attachment.kind is AttachmentKind.IMAGE
    assert image.attachment.content.startswith(b"\x89PNG\r\n\x1a\n")


async def test_someone_not_the_teacher_is_refused_the_summary(store: SqlStore) -> None:
    chat = Chat(store)
    await class_of_three(chat)
    classes = await chat.command("tina", "/classes")
    number = re.search(r"^(\d+)\. Year 9", classes, re.MULTILINE)
    assert number is not None
    for who in ("ben", "mallory"):
        for command in ("summary", "export", "revoke", "closeclass"):
            refused = await chat.command(who, f"/{command} {number.group(1)}")
            assert "not one of your classes" in refused
            assert "Ada" not in refused
    await chat.command("mallory", "/newclass Other")  # a teacher, of another class
    assert "not one of your classes" in await chat.command("mallory", f"/summary {number[1]}")


async def test_forgetme_deletes_the_learner_and_removes_them_from_the_class(
    store: SqlStore,
) -> None:
    chat = Chat(store)
    await class_of_three(chat)
    (question,) = await chat.send("ben", CommandMessage("forgetme"))
    assert [choice.label for choice in question.choices] == ["Yes", "No"]
    assert "nothing changed" in "".join(
        reply.text for reply in await chat.send("ben", ChoicePressed(question.choices[1].payload))
    )
    async with store.unit_of_work() as uow:
        ben = await uow.learners.find(platform="test", external_id="ben")
        assert ben is not None
        assert await uow.reviews.for_learner(ben.id)  # he has cards and reviews to lose
    await chat.send("ben", ChoicePressed(question.choices[0].payload))
    summary = await chat.command("tina", "/summary")
    assert "Ben" not in summary and "2 learner(s)" in summary
    async with store.unit_of_work() as uow:
        # The foreign keys cascaded: nothing of Ben's is left, on every backend.
        assert await uow.learners.find(platform="test", external_id="ben") is None
        assert await uow.attempts.for_learner(ben.id) == ()
        assert await uow.lessons.for_learner(ben.id) == ()
        assert await uow.days.list(ben.id) == ()
        assert await uow.states.load(ben.id) is None
        assert await uow.reviews.for_learner(ben.id) == ()
        assert await uow.cards.due(ben.id, T0 + timedelta(days=3650), 10) == ()
        assert await uow.classes.joined_by(ben.id) == ()


async def test_a_revoked_code_no_longer_joins(store: SqlStore) -> None:
    chat = Chat(store)
    old = await new_class(chat)
    revoked = await chat.command("tina", "/revoke Year 9")
    new = LINK.search(revoked)
    assert new is not None and new.group(1) != old
    assert "doesn't work" in await chat.command("dan", f"/join {old}")
    assert "doesn't work" in await chat.command("eve", f"/start {old}")
    assert "joined" in await chat.command("dan", f"/join {new.group(1)}")


async def test_hostile_names_stay_harmless_in_text_and_csv(store: SqlStore) -> None:
    chat = Chat(store)
    code = await new_class(chat, "=cmd|' /C calc'!A0")
    formula = '=HYPERLINK("http://evil.example","x")'
    await chat.command("x1", f"/join {code}", name=formula)
    await chat.command("x2", f"/join {code}", name="<b>bold</b>\nnew line")
    await chat.command("x3", f"/join {code}", name="@SUM(1+1) $\\frac{1}{0}$")
    for user in ("x1", "x2", "x3"):
        await chat.lesson(user, RIGHT)
    summary = await chat.command("tina", "/summary")
    assert "<b>bold</b> new line: 2 answers" in summary  # one line; the adapter escapes it
    document, image = await chat.send("tina", CommandMessage("export"))
    rows = csv_rows(document)
    assert {row["learner"] for row in rows} == {
        "'" + formula,
        "<b>bold</b> new line",
        "'@SUM(1+1) $\\frac{1}{0}$",
    }
    assert all(row["class"] == "'=cmd|' /C calc'!A0" for row in rows)
    for row in rows:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row.values())
    assert image.attachment is not None and image.attachment.content.startswith(b"\x89PNG")


async def test_learners_leave_and_see_only_their_own_data(store: SqlStore) -> None:
    chat = Chat(store)
    await class_of_three(chat)
    (reply,) = await chat.send("ada", CommandMessage("mydata"))
    assert reply.attachment is not None and reply.attachment.filename.endswith(".json")
    data = json.loads(reply.attachment.content)
    assert data["learner"]["display_name"] == "Ada"
    assert {answer["learner_id"] for answer in data["answers"]} == {data["learner"]["id"]}
    assert data["classes_joined"] == ["Year 9"]
    assert "Ben" not in reply.attachment.content.decode()
    assert "You've left" in await chat.command("ada", "/leave")
    assert "2 learner(s)" in await chat.command("tina", "/summary")


@pytest.mark.parametrize("typed", ["mon 17:00", "friday 8am"])
async def test_weekly_report_time_is_set_and_turned_off(store: SqlStore, typed: str) -> None:
    chat = Chat(store)
    assert "don't teach" in await chat.command("ada", f"/weekly {typed}")
    await new_class(chat)
    assert "Class reports every" in await chat.command("tina", f"/weekly {typed}")
    assert "couldn't read" in await chat.command("tina", "/weekly someday")
    assert "off" in await chat.command("tina", "/weekly off")
    async with store.unit_of_work() as uow:
        tina = await uow.learners.find(platform="test", external_id="tina")
        assert tina is not None
        teacher = await uow.teachers.get(tina.id)
    assert teacher is not None and teacher.next_report_at is None


async def test_a_teacher_renames_removes_and_closes(store: SqlStore) -> None:
    chat = Chat(store)
    await class_of_three(chat)
    assert 'now called "Year 10"' in await chat.command("tina", "/rename Year 9 Year 10")
    assert "no learner called" in await chat.command("tina", "/remove Year 10 Zed")
    assert "Ben is no longer in" in await chat.command("tina", "/remove Year 10 ben")
    assert "Ben" not in await chat.command("tina", "/summary")
    assert "Year 10" not in await chat.command("ben", "/classes")
    (question,) = await chat.send("tina", CommandMessage("closeclass", "Year 10"))
    assert "Close" in question.text and len(question.choices) == 2
    await chat.send("tina", ChoicePressed(question.choices[0].payload))
    assert "don't teach" in await chat.command("tina", "/summary")
    assert "not in any class" in await chat.command("ada", "/classes")


async def test_with_several_classes_the_teacher_picks_one(store: SqlStore) -> None:
    chat = Chat(store)
    await new_class(chat, "Morning")
    await new_class(chat, "Evening")
    (question,) = await chat.send("tina", CommandMessage("summary"))
    assert [choice.label for choice in question.choices] == ["Morning", "Evening"]
    (summary,) = await chat.send("tina", ChoicePressed(question.choices[1].payload))
    assert summary.text.startswith("📊 Evening: 0 learner(s)")


async def test_a_teacher_who_forgets_themself_takes_their_classes_along(store: SqlStore) -> None:
    chat = Chat(store)
    code = await class_of_three(chat)
    await chat.command("tina", "/forgetme yes")
    async with store.unit_of_work() as uow:
        assert await uow.classes.by_code(code) is None  # cascaded from the teacher
        ada = await uow.learners.find(platform="test", external_id="ada")
        assert ada is not None  # the learners stay, with their own progress
        assert await uow.classes.joined_by(ada.id) == ()
        assert len(await uow.attempts.for_learner(ada.id)) == 2
    assert "doesn't work" in await chat.command("dan", f"/join {code}")
