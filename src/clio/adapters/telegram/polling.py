"""Long polling that survives an update python-telegram-bot cannot parse.

PTB parses a getUpdates batch in one go: one malformed update (say, a field of a newer Bot
API version) makes the whole batch fail, the offset never moves, and polling retries the same
batch forever. When the bot (`ClioBot.get_updates`) meets such a batch it fetches it again with
this request class checking each update, which swaps one that does not parse for a bare
`{"update_id": ...}`: PTB moves past it, no handler matches it, and it is logged. Batches that
parse (all but a handful) are parsed once, by PTB.

Before that, PTB logs the failed batch whole at CRITICAL, learners' messages included:
`withhold_failed_batches` keeps only the update ids in that record, as a warning (Clio
recovers from it)."""

from __future__ import annotations

import contextlib
import json
import logging
from collections.abc import Iterator
from typing import Any

from telegram import Update
from telegram.request import RequestData

from clio.adapters.telegram.transport import AiohttpRequest

log = logging.getLogger(__name__)
# PTB's record of a getUpdates answer it cannot parse (telegram/_bot.py, Bot.get_updates),
# logged by Bot's logger or, from an ExtBot such as ClioBot, by ExtBot's.
_PTB_LOGGERS = ("telegram.Bot", "telegram.ext.ExtBot")
_PTB_PARSE_FAILURE = "Error while parsing updates! Received data was %r"


class _WithholdFailedBatch(logging.Filter):
    """Rewrites PTB's report of an unparseable getUpdates answer to name only its updates' ids."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.msg != _PTB_PARSE_FAILURE:
            return True
        updates = record.args[0] if isinstance(record.args, tuple) and record.args else None
        ids = (
            [u.get("update_id") for u in updates if isinstance(u, dict)]
            if isinstance(updates, (list, tuple))
            else []
        )
        record.msg = "getUpdates answer with updates %s cannot be parsed (contents withheld)"
        record.args = (ids,)
        record.levelno, record.levelname = logging.WARNING, logging.getLevelName(logging.WARNING)
        return True


_WITHHOLD = _WithholdFailedBatch()


def withhold_failed_batches() -> None:
    """Install the filter on PTB's bot loggers (once, however often called)."""
    for name in _PTB_LOGGERS:
        logging.getLogger(name).addFilter(_WITHHOLD)


class SkipBadUpdates(AiohttpRequest):
    """The request for getUpdates; while `checking_each()`, unparseable updates are replaced
    by empty ones."""

    def __init__(self) -> None:
        super().__init__(connections=1)  # one long poll at a time, as PTB's default
        self._checking = False

    @contextlib.contextmanager
    def checking_each(self) -> Iterator[None]:
        """Check each update of the answers fetched meanwhile (one poller: no overlap)."""
        self._checking = True
        try:
            yield
        finally:
            self._checking = False

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        *args: Any,
        **kwargs: Any,
    ) -> tuple[int, bytes]:
        status, payload = await super().do_request(url, method, request_data, *args, **kwargs)
        if not self._checking or status != 200 or not url.endswith("/getUpdates"):
            return status, payload
        return status, sanitise(payload)


def sanitise(payload: bytes) -> bytes:
    """The getUpdates answer with each update PTB cannot parse reduced to its id."""
    try:
        answer = json.loads(payload)
        updates = answer["result"]
    except (ValueError, KeyError, TypeError):
        return payload  # not ours to judge: PTB reports a broken answer itself
    if not isinstance(updates, list):
        return payload
    answer["result"] = [_checked(update) for update in updates]
    return json.dumps(answer).encode()


def _checked(update: Any) -> Any:
    try:
        Update.de_json(update, None)
    except Exception:  # whatever the parser trips on; the update id is all we keep
        update_id = update.get("update_id") if isinstance(update, dict) else None
        log.error("update %s cannot be parsed; skipped", update_id, exc_info=True)
        return {"update_id": update_id}
    return update
