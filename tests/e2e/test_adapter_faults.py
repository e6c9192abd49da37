"""Injected faults: flood limits, a blocked bot, server errors, slow answers, a broken tutor."""

from __future__ import annotations

import asyncio
import logging
import time

import pytest
from fake_tutor import QuizTutor
from fakebot import FakeBotApi, FakeUser, Learner, StartBot

from clio.core.errors import ConfigurationError


async def test_retry_after_is_honoured(
    api: FakeBotApi, start_bot: StartBot, tutor: QuizTutor, learner: Learner
) -> None:
    await start_bot(tutor, rate_limit=True)
    api.fail("sendMessage", 429, retry_after=1)
    started = time.monotonic()
    replies = await learner.say("/quiz", quiet=1.5)
    sends = api.calls_to("sendMessage")
    assert [r.text for r in replies] == ["When was the Bastille stormed?"]
    assert len(sends) == 2
    assert sends[1].at - sends[0].at >= 1.0  # waited as long as Telegram asked
    assert time.monotonic() - started >= 1.0


async def test_blocked_bot_marks_learner_inactive_and_stops_sending(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    api.fail("sendMessage", 403)
    before = len(api.calls)
    assert await learner.say("/two", expect_reply=True) == []
    assert quiz_bot.deactivated == ["1001"]
    # The first of three replies was refused: the other two (and no apology) were not tried.
    assert [c.method for c in api.calls[before:] if c.method != "getUpdates"] == ["sendMessage"]


async def test_server_errors_are_retried_with_backoff(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner, caplog: pytest.LogCaptureFixture
) -> None:
    api.fail("sendMessage", 500, times=2)
    replies = await learner.say("/quiz")
    assert [r.text for r in replies] == ["When was the Bastille stormed?"]
    assert len(api.calls_to("sendMessage")) == 3
    waits = [r.getMessage() for r in caplog.records if "retrying in" in r.getMessage()]
    # The fixture's backoff starts at 0.01 s and doubles.
    assert [w.split(":")[0] for w in waits] == [
        "network error, retrying in 0.01s",
        "network error, retrying in 0.02s",
    ]


async def test_polling_survives_get_updates_errors(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    api.fail("getUpdates", 500, times=2)
    replies = await learner.say("hello")
    assert [r.text for r in replies] == ["You said: hello"]


async def test_slow_answer_for_one_chat_does_not_hold_up_another(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    other = Learner(api, FakeUser(2002, "Bede"))
    api.slow("sendMessage", 1.5)
    slow = asyncio.create_task(learner.say("first"))
    await asyncio.sleep(0.2)
    fast = await other.say("second")
    assert [r.text for r in fast] == ["You said: second"]
    assert [r.text for r in await slow] == ["You said: first"]
    # Delivered in the order Telegram accepted them: the second chat's reply came first.
    assert [s.text for s in api.sent.values()] == ["You said: second", "You said: first"]


async def test_one_broken_update_gets_an_apology_and_polling_goes_on(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.ERROR):
        replies = await learner.say("/boom")
    assert [r.text for r in replies] == ["Sorry, something went wrong on my side."]
    update_id = learner.last_update["update_id"]
    [record] = [r for r in caplog.records if r.name.startswith("clio.adapters")]
    assert record.getMessage() == f"update {update_id} failed"
    assert record.exc_info is not None and "the tutor broke" in str(record.exc_info[1])
    assert [r.text for r in await learner.say("still there?")] == ["You said: still there?"]


async def test_messages_of_one_chat_are_handled_in_order(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    texts = [f"message {n}" for n in range(20)]
    for text in texts:  # all queued before the bot fetches them: one getUpdates batch
        await api.deliver(learner._message_update(text))
    await api.wait_for(lambda: len(api.calls_to("sendMessage")) == 20)
    assert [i.event.text for i in quiz_bot.inbound] == texts  # type: ignore[union-attr]
    assert [s.text for s in learner.messages()] == [f"You said: {t}" for t in texts]


async def test_rejected_token_stops_start_with_a_clear_message(
    api: FakeBotApi, start_bot: StartBot, tutor: QuizTutor
) -> None:
    with pytest.raises(ConfigurationError, match="rejected the bot token") as caught:
        await start_bot(tutor, token="999:wrong")
    assert "999:wrong" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__


async def test_an_update_that_cannot_be_parsed_does_not_wedge_polling(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner, caplog: pytest.LogCaptureFixture
) -> None:
    bad_id = api.new_update_id()
    await api.deliver({"update_id": bad_id, "message": {"message_id": 1, "chat": "oops"}})
    replies = await learner.say("hello")
    assert [r.text for r in replies] == ["You said: hello"]
    assert f"update {bad_id} cannot be parsed; skipped" in caplog.text
    # PTB's own report of the failed batch names update ids, not what learners wrote.
    [failed] = [r for r in caplog.records if "getUpdates answer" in r.getMessage()]
    assert failed.levelno == logging.WARNING and str(bad_id) in failed.getMessage()
    assert "hello" not in failed.getMessage() and "Lovelace" not in failed.getMessage()
    assert not [r for r in caplog.records if r.levelno >= logging.CRITICAL]
    # And the offset moved past it: it is not fetched again.
    await learner.say("again")
    last = api.calls_to("getUpdates")[-1].params
    assert int(last["offset"]) > bad_id


async def test_blocked_while_closing_the_keyboard_also_marks_inactive(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    [question] = await learner.say("/quiz")
    api.fail("editMessageText", 403)
    sends = len(api.calls_to("sendMessage"))
    await learner.press(question, "1789")
    assert quiz_bot.deactivated == ["1001"]
    assert len(api.calls_to("sendMessage")) == sends  # nothing sent after the 403
