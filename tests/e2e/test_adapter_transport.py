"""The aiohttp request under PTB's Bot: uploads, PTB's error mapping, timeouts, a small pool."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from fakebot import FakeBotApi, free_port
from telegram import Bot, InputFile
from telegram.error import BadRequest, Forbidden, NetworkError, RetryAfter, TimedOut

from clio.adapters.telegram.transport import AiohttpRequest


@pytest.fixture
async def bot(api: FakeBotApi) -> AsyncIterator[Bot]:
    request = AiohttpRequest(connections=2, read_timeout=0.5)
    async with Bot(api.token, base_url=api.base_url, request=request) as started:
        yield started


async def test_text_and_files_arrive_as_ptb_sends_them(api: FakeBotApi, bot: Bot) -> None:
    await bot.send_message(7, "<b>hi</b> & bye", parse_mode="HTML")
    png = bytes(range(256)) * 40  # binary, and more than one read's worth
    await bot.send_photo(7, InputFile(png, filename="chart.png"), caption="Mastery")
    [text], [photo] = api.calls_to("sendMessage"), api.calls_to("sendPhoto")
    assert text.params["text"] == "<b>hi</b> & bye" and text.params["parse_mode"] == "HTML"
    assert photo.params["photo"] == "chart.png" and photo.params["photo_content"] == png
    assert photo.params["caption"] == "Mastery" and photo.params["chat_id"] == 7


async def test_answers_map_to_ptb_errors(api: FakeBotApi, bot: Bot) -> None:
    api.fail("sendMessage", 403)
    with pytest.raises(Forbidden):
        await bot.send_message(7, "hi")
    api.fail("sendMessage", 429, retry_after=3)
    with pytest.raises(RetryAfter, match="Retry in 3"):
        await bot.send_message(7, "hi")
    api.fail("sendMessage", 500)
    with pytest.raises(NetworkError):
        await bot.send_message(7, "hi")
    with pytest.raises(BadRequest):  # the fake's answer to an edit of an unknown message
        await bot.edit_message_text("new", chat_id=7, message_id=999)


async def test_a_slow_answer_times_out(api: FakeBotApi, bot: Bot) -> None:
    api.slow("sendMessage", 2.0)
    with pytest.raises(TimedOut):
        await bot.send_message(7, "hi")


async def test_an_unreachable_server_is_a_network_error() -> None:
    request = AiohttpRequest(connect_timeout=2.0)
    bot = Bot("123:abc", base_url=f"http://127.0.0.1:{free_port()}/bot", request=request)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as caught:
            await bot.send_message(7, "hi")
        assert not isinstance(caught.value, TimedOut)
    finally:
        await request.shutdown()


async def test_requests_beyond_the_pool_wait_for_a_free_connection(
    api: FakeBotApi, bot: Bot
) -> None:
    api.slow("sendMessage", 0.3, times=2)  # both connections busy for a while
    await asyncio.gather(*(bot.send_message(7, f"m{n}") for n in range(6)))
    assert sorted(call.params["text"] for call in api.calls_to("sendMessage")) == [
        f"m{n}" for n in range(6)
    ]


async def test_an_error_that_quotes_the_url_does_not_show_the_token() -> None:
    request = AiohttpRequest()
    bot = Bot("123:sec-ret", base_url="ftp://127.0.0.1/bot", request=request)
    await request.initialize()
    try:
        with pytest.raises(NetworkError) as caught:
            await bot.send_message(7, "hi")
        assert "ftp://127.0.0.1/bot<token>/sendMessage" in str(caught.value)
        assert "sec-ret" not in str(caught.value)
    finally:
        await request.shutdown()
