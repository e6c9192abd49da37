"""A learner's journey through the real `clio run` bot: service, SQLite store, real content.

The bot is the one `clio run` builds (`telegram_bot`), over HTTP to the fake Bot API server,
in polling and in webhook mode. Question kinds and options are random, so the tests answer
whatever is asked: a press when there are buttons, typing otherwise."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path

import pytest
from fakebot import FakeBotApi, FakeUser, Learner, RunBot, Sent, free_port

from clio.adapters.telegram import BotConfig, TelegramBot, WebhookConfig
from clio.bootstrap import build_service
from clio.commands.run import telegram_bot
from clio.service.tutoring import TutorService
from clio.settings import Secret, Settings, TelegramSettings

ROOT = Path(__file__).resolve().parents[2]
TOPIC = "Treaty of Paris (1856)"
VERDICTS = ("✅ Correct", "🟡 Partly right", "❌ Not quite")


@pytest.fixture(scope="session")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")  # the fact base is built once per session


@pytest.fixture
async def service(tmp_path: Path, cache_dir: Path) -> AsyncIterator[TutorService]:
    settings = Settings.from_env(
        {
            "CLIO_SEEDS_DIR": str(ROOT / "seeds"),
            "CLIO_DIALOGS_DIR": str(ROOT / "dialogs"),
            "CLIO_CACHE_DIR": str(cache_dir),
            "CLIO_DATA_DIR": str(tmp_path),
            "CLIO_DATABASE_URL": f"sqlite:///{tmp_path / 'clio.db'}",
        }
    )
    built = await build_service(settings)
    yield built
    await built.close()


@pytest.fixture
def clio(api: FakeBotApi, service: TutorService, bot_config: BotConfig) -> TelegramBot:
    telegram = TelegramSettings(Secret(api.token), api.base_url, Secret(""))
    return telegram_bot(service, telegram, bot_config)


def texts(sent: list[Sent]) -> str:
    return "\n".join(s.text for s in sent)


async def answer(learner: Learner, question: Sent) -> list[Sent]:
    """Answer `question` as a learner would: the first button, or a typed year."""
    if question.buttons:
        return await learner.press(question, question.buttons[0][0])
    return await learner.say("1856")


async def first_question(learner: Learner) -> Sent:
    await learner.say("/start")
    [topics] = [s for s in learner.messages() if TOPIC in dict(s.buttons)]
    started = await learner.press(topics, TOPIC)
    assert texts(started).startswith(f"Lesson: {TOPIC}")
    return started[-1]


async def test_onboarding_lesson_stale_button_quick_question_progress(
    api: FakeBotApi, run_bot: RunBot, clio: TelegramBot, learner: Learner
) -> None:
    await run_bot(clio)
    assert {c["command"] for c in api.commands} >= {"start", "lesson", "progress", "help"}
    question = await first_question(learner)
    assert "Hello Ada Lovelace!" in texts(learner.messages())

    # Answer until both a pressed and a typed answer have been graded.
    ways: set[str] = set()
    pressed: Sent | None = None
    for _ in range(15):  # a lesson has 15 facts; kinds are random but both come soon
        ways.add("pressed" if question.buttons else "typed")
        # A copy: the fake server edits its own record when the bot closes the keyboard.
        pressed = pressed or (replace(question) if question.buttons else None)
        replies = await answer(learner, question)
        assert texts(replies).startswith(VERDICTS), texts(replies)
        assert "Source:" in texts(replies)
        question = replies[-1]
        if ways == {"pressed", "typed"}:
            break
    assert pressed is not None and ways == {"pressed", "typed"}
    assert api.sent[pressed.message_id].text.endswith(f"→ {pressed.buttons[0][0]}")
    assert api.sent[pressed.message_id].reply_markup is None

    # The old keyboard, still on the learner's screen in an older client: expired.
    stale = await learner.press(pressed, pressed.buttons[1][0])
    assert stale[0].text.startswith("That question has expired.")

    quick = await learner.say("When was the Treaty of Paris signed?")
    assert "treaty-of-paris-1856.txt:" in texts(quick)
    assert "Back to your question" in texts(quick)

    progress = await learner.say("/progress")
    assert progress[0].text.startswith("Your progress")
    assert f"{TOPIC}:" in progress[0].text


async def test_a_redelivered_update_counts_once(
    api: FakeBotApi, run_bot: RunBot, clio: TelegramBot, learner: Learner
) -> None:
    await run_bot(clio)
    question = await first_question(learner)
    replies = await answer(learner, question)
    assert texts(replies).startswith(VERDICTS)
    sends = len(api.calls_to("sendMessage"))
    assert await learner.redeliver() == []
    assert len(api.calls_to("sendMessage")) == sends


async def test_webhook_mode_serves_the_journey_and_rejects_a_wrong_secret(
    api: FakeBotApi, run_bot: RunBot, clio: TelegramBot, learner: Learner
) -> None:
    port = free_port()
    webhook = WebhookConfig(url=f"http://127.0.0.1:{port}/hook", secret="from-env_1", port=port)
    await run_bot(clio, webhook=webhook)
    assert api.webhook == {"url": webhook.url, "secret_token": "from-env_1"}
    forged = learner._message_update("/progress")
    assert await api.deliver(forged, secret="guess") == 403
    question = await first_question(learner)
    replies = await answer(learner, question)
    assert texts(replies).startswith(VERDICTS)
    assert "Your progress" not in texts(learner.messages())  # the forged update did nothing


async def test_blocked_bot_marks_the_learner_inactive(
    api: FakeBotApi, run_bot: RunBot, clio: TelegramBot, service: TutorService, learner: Learner
) -> None:
    await run_bot(clio)
    await learner.say("/help")
    api.fail("sendMessage", 403)
    await learner.say("/progress")
    async with service._store.unit_of_work() as uow:  # the test looks behind the door
        found = await uow.learners.find(platform="telegram", external_id="1001")
    assert found is not None and found.active is False


async def test_a_class_invitation_deep_link_joins_the_class(
    api: FakeBotApi, run_bot: RunBot, clio: TelegramBot, learner: Learner
) -> None:
    await run_bot(clio)
    teacher = Learner(api, FakeUser(2002, "Mr", "Hopper"))
    made = texts(await teacher.say("/newclass History 7B"))
    code = made.rsplit(" ", 1)[-1]
    assert len(code) >= 8 and "/join" in made, made
    # t.me/<bot>?start=<code> opens the chat and sends "/start <code>".
    joined = texts(await learner.say(f"/start {code}"))
    assert "History 7B" in joined
    classes = texts(await teacher.say("/classes"))
    assert "History 7B: 1 learner(s)" in classes
    # The teacher's export arrives as files: a spreadsheet and a chart.
    await teacher.say("/export")
    assert [c.params["chat_id"] for c in api.calls_to("sendDocument")] == [2002]
    assert api.calls_to("sendDocument")[0].params["document"].endswith(".csv")
    assert [c.params["chat_id"] for c in api.calls_to("sendPhoto")] == [2002]
