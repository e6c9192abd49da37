"""The token filter hides the bot token in messages, arguments and tracebacks."""

from __future__ import annotations

import io
import logging

from clio.adapters.telegram import protect_token
from clio.adapters.telegram.secrecy import REDACTED


def test_filter_redacts_arguments_and_tracebacks() -> None:
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    protect_token("123:abc", handlers=[handler], verbose=True)
    logger = logging.getLogger("clio.test.secrecy")
    logger.addHandler(handler)
    try:
        logger.warning("calling %s", "https://x/bot123:abc/getMe")
        try:
            raise RuntimeError("failed at /bot123:abc/sendMessage")
        except RuntimeError:
            logger.exception("boom")
    finally:
        logger.removeHandler(handler)
    assert "123:abc" not in stream.getvalue()
    assert f"calling https://x/bot{REDACTED}/getMe" in stream.getvalue()
    assert f"RuntimeError: failed at /bot{REDACTED}/sendMessage" in stream.getvalue()
