"""The token filter hides the bot token in messages, arguments and tracebacks."""

from __future__ import annotations

import argparse
import io
import logging
import re

from clio.adapters.telegram import protect_token
from clio.adapters.telegram.secrecy import REDACTED
from clio.commands.run import webhook_config
from clio.settings import Secret, TelegramSettings


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


def test_default_webhook_secret_is_the_same_in_every_process_and_hides_the_token() -> None:
    """Regression: each process made up a random secret when CLIO_WEBHOOK_SECRET was unset;
    the last setWebhook won and the other processes refused every update."""
    token = "123456:AAE-secret_token-value"
    args = argparse.Namespace(webhook_url="https://x/hook", listen="127.0.0.1", port=8443)
    telegram = TelegramSettings(token=Secret(token), api_url=None, webhook_secret=Secret(""))
    first, second = webhook_config(args, telegram), webhook_config(args, telegram)
    assert first is not None and second is not None
    assert first.secret == second.secret  # two processes of one bot agree
    assert re.fullmatch(r"[A-Za-z0-9_-]{1,256}", first.secret)  # Telegram's secret_token
    assert "123456" not in first.secret and "AAE" not in first.secret
    other = TelegramSettings(token=Secret("654321:other"), api_url=None, webhook_secret=Secret(""))
    assert (made := webhook_config(args, other)) is not None and made.secret != first.secret


def test_a_configured_webhook_secret_wins_over_the_derived_one() -> None:
    args = argparse.Namespace(webhook_url="https://x/hook", listen="127.0.0.1", port=8443)
    telegram = TelegramSettings(
        token=Secret("1:x"), api_url=None, webhook_secret=Secret("from-env_1")
    )
    assert (made := webhook_config(args, telegram)) is not None and made.secret == "from-env_1"
