"""The bot token never reaches the logs, even at DEBUG where httpx logs each request URL."""

from __future__ import annotations

import io
import logging
from collections.abc import Iterator

import pytest
from fake_tutor import QuizTutor
from fakebot import FakeBotApi, Learner

from clio.adapters.telegram import protect_token
from clio.adapters.telegram.secrecy import REDACTED


@pytest.fixture
def log_stream() -> Iterator[tuple[io.StringIO, logging.Handler]]:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(logging.Formatter("%(name)s %(message)s"))
    root, httpx = logging.getLogger(), logging.getLogger("httpx")
    levels = root.level, httpx.level
    root.addHandler(handler)
    root.setLevel(logging.DEBUG)
    httpx.setLevel(logging.NOTSET)  # as `clio -v run` leaves it
    yield stream, handler
    root.removeHandler(handler)
    root.setLevel(levels[0])
    httpx.setLevel(levels[1])


async def test_token_is_redacted_from_every_log_line(
    api: FakeBotApi,
    start_bot: object,
    tutor: QuizTutor,
    learner: Learner,
    log_stream: tuple[io.StringIO, logging.Handler],
) -> None:
    stream, handler = log_stream
    protect_token(api.token, handlers=[handler], verbose=True)
    await start_bot(tutor)  # type: ignore[operator]
    await learner.say("/quiz")
    await learner.say("/boom")  # an error with a traceback
    text = stream.getvalue()
    assert "sendMessage" in text and "getMe" in text  # the URLs were logged...
    assert f"/bot{REDACTED}/sendMessage" in text
    assert api.token not in text  # ...without the token
    assert "the tutor broke" in text
