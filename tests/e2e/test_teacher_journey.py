"""Teachers through the real `clio run` bot over the fake Bot API: a class, two learners who
join by link and by code and answer, the teacher's summary and export, a stranger refused,
and a learner who asks to be forgotten leaving the summary."""

from __future__ import annotations

import csv
import io
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from fakebot import FakeBotApi, FakeUser, Learner, RunBot, Sent

from clio.adapters.telegram import BotConfig, TelegramBot
from clio.bootstrap import build_service
from clio.commands.run import telegram_bot
from clio.service.tutoring import TutorService
from clio.settings import Secret, Settings, TelegramSettings

ROOT = Path(__file__).resolve().parents[2]
TOPIC = "Treaty of Paris (1856)"


@pytest.fixture
async def service(tmp_path: Path) -> AsyncIterator[TutorService]:
    settings = Settings.from_env(
        {
            "CLIO_SEEDS_DIR": str(ROOT / "seeds"),
            "CLIO_DIALOGS_DIR": str(ROOT / "dialogs"),
            "CLIO_CACHE_DIR": str(tmp_path / "cache"),
            "CLIO_DATA_DIR": str(tmp_path),
            "CLIO_DATABASE_URL": f"sqlite:///{tmp_path / 'clio.db'}",
        }
    )
    built = await build_service(settings)
    yield built
    await built.close()


@pytest.fixture
async def clio(
    api: FakeBotApi, service: TutorService, bot_config: BotConfig, run_bot: RunBot
) -> TelegramBot:
    bot = telegram_bot(
        service, TelegramSettings(Secret(api.token), api.base_url, Secret("")), bot_config
    )
    await run_bot(bot)
    return bot


def texts(sent: list[Sent]) -> str:
    return "\n".join(s.text for s in sent)


async def answer_questions(learner: Learner, count: int) -> None:
    """Start a lesson and answer `count` questions: the first button, or a typed year."""
    await learner.say("/lesson")
    question = learner.messages()[-1]
    for _ in range(count):
        if question.buttons:
            replies = await learner.press(question, question.buttons[0][0])
        else:
            replies = await learner.say("1856")
        assert "Source:" in texts(replies), texts(replies)
        question = replies[-1]


async def test_a_class_from_invitation_to_summary_export_and_forgetting(
    api: FakeBotApi, clio: TelegramBot
) -> None:
    teacher = Learner(api, FakeUser(3001, "Grace", "Hopper"))
    ada = Learner(api, FakeUser(3002, "Ada", "Lovelace"))
    bob = Learner(api, FakeUser(3003, "=HYPERLINK(1)", "<b>Bob</b>"))
    stranger = Learner(api, FakeUser(3004, "Eve"))

    made = texts(await teacher.say("/newclass History 7B"))
    code = made.rsplit(" ", 1)[-1]
    assert "History 7B" in made and len(code) >= 8

    assert "History 7B" in texts(await ada.say(f"/start {code}"))  # the deep link
    assert "You've joined" in texts(await bob.say(f"/join {code}"))  # the code
    await answer_questions(ada, 3)
    await answer_questions(bob, 2)

    summary = texts(await teacher.say("/summary"))
    assert "History 7B: 2 learner(s), 2 active in the last 7 days" in summary
    assert "over 5 answers by 2 learner(s)" in summary
    assert "Ada Lovelace: 3 answers" in summary
    assert "=HYPERLINK(1) <b>Bob</b>: 2 answers" in summary  # shown as text, not markup
    wire = [c.params for c in api.calls_to("sendMessage") if "Bob" in c.params["text"]]
    assert wire and all(p["parse_mode"] == "HTML" for p in wire)
    assert all("<b>Bob" not in p["text"] for p in wire)  # escaped: shown, never bold
    assert any("&lt;b&gt;Bob&lt;/b&gt;" in p["text"] for p in wire)

    await teacher.say("/export")
    [document] = api.calls_to("sendDocument")
    csv_text = document.params["document_content"].decode("utf-8-sig")  # BOM: for Excel
    rows = list(csv.reader(io.StringIO(csv_text)))
    assert rows[0][:2] == ["class", "learner"]
    names = {row[1] for row in rows[1:]}
    assert names == {"Ada Lovelace", "'=HYPERLINK(1) <b>Bob</b>"}  # no formula runs
    assert not any(cell.startswith(("=", "+", "-", "@")) for row in rows for cell in row)
    assert [c.params["chat_id"] for c in api.calls_to("sendPhoto")] == [3001]

    refused = texts(await stranger.say("/summary History 7B"))
    assert "not one of your classes" in refused and "Ada" not in refused

    confirm = (await ada.say("/forgetme"))[-1]
    assert "Delete everything" in confirm.text
    assert "deleted everything" in texts(await ada.press(confirm, "Yes"))
    after = texts(await teacher.say("/summary"))
    assert "History 7B: 1 learner(s)" in after and "Ada Lovelace" not in after
