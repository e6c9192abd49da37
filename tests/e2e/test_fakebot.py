"""The fake Bot API server itself, driven by a plain PTB `Bot`: the methods the tests rely on."""

from __future__ import annotations

import time
from collections.abc import AsyncIterator

import pytest
from fakebot import FakeBotApi, FakeUser, Learner
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup
from telegram.error import BadRequest, Forbidden, InvalidToken, NetworkError, RetryAfter


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    async with Bot(api.token, base_url=api.base_url) as client:
        yield client


async def test_get_me_and_a_wrong_token(api: FakeBotApi, bot: Bot) -> None:
    assert bot.username == api.username
    with pytest.raises(InvalidToken):
        async with Bot("1:nope", base_url=api.base_url):
            pass


async def test_get_updates_long_polls_and_honours_the_offset(api: FakeBotApi, bot: Bot) -> None:
    started = time.monotonic()
    assert await bot.get_updates(timeout=1) == ()
    assert time.monotonic() - started >= 0.9  # it waited, like Telegram
    learner = Learner(api, FakeUser(5, "Eve"))
    await api.deliver(learner._message_update("one"))
    await api.deliver(learner._message_update("two"))
    first, second = await bot.get_updates(timeout=1)
    assert [first.message.text, second.message.text] == ["one", "two"]  # type: ignore[union-attr]
    [again] = await bot.get_updates(offset=second.update_id, timeout=0)
    assert again.update_id == second.update_id
    assert await bot.get_updates(offset=second.update_id + 1, timeout=0) == ()


async def test_media_edits_and_keyboards(api: FakeBotApi, bot: Bot) -> None:
    photo = await bot.send_photo(5, photo=b"\x89PNG fake", caption="a map")
    document = await bot.send_document(5, document=b"notes", filename="n.txt", caption="notes")
    assert [c.method for c in api.calls[-2:]] == ["sendPhoto", "sendDocument"]
    assert api.sent[photo.message_id].text == "a map" and document.message_id > photo.message_id
    markup = InlineKeyboardMarkup([[InlineKeyboardButton("A", callback_data="a:q:0")]])
    sent = await bot.send_message(5, "Pick &amp; go", parse_mode="HTML", reply_markup=markup)
    assert api.sent[sent.message_id].text == "Pick & go"
    assert api.sent[sent.message_id].buttons == [("A", "a:q:0")]
    await bot.edit_message_reply_markup(5, sent.message_id, reply_markup=None)
    assert api.sent[sent.message_id].buttons == []
    await bot.edit_message_text("Done", chat_id=5, message_id=sent.message_id)
    with pytest.raises(BadRequest, match="not modified"):
        await bot.edit_message_text("Done", chat_id=5, message_id=sent.message_id)
    assert await bot.answer_callback_query("cq1") is True


async def test_injected_faults_come_back_as_ptb_errors(api: FakeBotApi, bot: Bot) -> None:
    api.fail("sendMessage", 429, retry_after=3)
    api.fail("sendMessage", 403)
    api.fail("sendMessage", 500)
    with pytest.raises(RetryAfter):
        await bot.send_message(5, "x")
    with pytest.raises(Forbidden):
        await bot.send_message(5, "x")
    with pytest.raises(NetworkError):
        await bot.send_message(5, "x")
    assert (await bot.send_message(5, "x")).text == "x"  # faults are used up
    api.slow("sendMessage", 0.5)
    started = time.monotonic()
    await bot.send_message(5, "slow")
    assert time.monotonic() - started >= 0.5
