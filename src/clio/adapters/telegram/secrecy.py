"""Keep the bot token out of logs (httpx and PTB put it in every request URL they log), and
derive the default webhook secret from it without revealing it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
from collections.abc import Iterable

REDACTED = "<token>"
# Loggers that log each request (with its URL) at INFO or DEBUG; quiet unless asked.
NOISY_LOGGERS = ("httpx", "httpcore", "telegram.request", "clio.adapters.telegram.transport")
# Changing the label changes every derived secret: running processes would then disagree.
_WEBHOOK_SECRET_LABEL = b"clio webhook secret_token v1"


class TokenFilter(logging.Filter):
    """Replaces the token wherever a record would show it: message, arguments, traceback."""

    def __init__(self, token: str) -> None:
        super().__init__()
        self._token = token

    def filter(self, record: logging.LogRecord) -> bool:
        if not self._token:
            return True
        message = record.getMessage()
        record.msg, record.args = message.replace(self._token, REDACTED), None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = record.exc_text.replace(self._token, REDACTED)
        if record.stack_info:
            record.stack_info = record.stack_info.replace(self._token, REDACTED)
        return True


def protect_token(
    token: str, *, handlers: Iterable[logging.Handler] | None = None, verbose: bool = False
) -> TokenFilter:
    """Install a `TokenFilter` on `handlers` (default: the root logger's) and quiet the
    per-request loggers unless `verbose`. Filters on handlers see records from every logger,
    which filters on loggers would not."""
    token_filter = TokenFilter(token)
    for handler in logging.getLogger().handlers if handlers is None else handlers:
        handler.addFilter(token_filter)
    if not verbose:
        for name in NOISY_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    return token_filter


def webhook_secret_from_token(token: str) -> str:
    """The webhook `secret_token` used when none is configured: HMAC-SHA256 of a fixed label
    keyed by the token, so every process of one bot derives the same one (a random secret
    per process lets the last `setWebhook` win and the others refuse every update), while
    the secret, which travels in each request's header, says nothing about the token.
    43 characters of urlsafe base64, within Telegram's [A-Za-z0-9_-]{1,256}."""
    digest = hmac.new(token.encode(), _WEBHOOK_SECRET_LABEL, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")
