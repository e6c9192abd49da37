"""The webhook server: each POSTed update is answered once it has been handled.

PTB's own webhook server answers 200 as soon as an update is queued. Telegram sends a chat's
next update after that 200, so with several `clio run` processes behind one proxy the next
update could reach another process while the first was still handling (or sending, at its
own flood-limit pace) the previous one: the database still applied them one at a time, but
not always in order, and their replies crossed in the chat. Answering after the handlers
have run (the state committed, the replies sent) turns Telegram's one-at-a-time delivery
per chat into order across processes. A handler's failure goes to the error handler, as
in polling (logged, the learner apologised to; the unit of work rolled back); a request
that fails outside the handlers gets a 500 and Telegram delivers it again, and the update
claim in the database makes a repeat count once."""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from http import HTTPStatus
from typing import Any

import tornado.web
from telegram import Update
from telegram.ext import Application
from tornado.httpserver import HTTPServer

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
DRAIN_SECONDS = 10.0  # at stop, how long updates being handled get to finish


class WebhookServer:
    """Serves `path` on `listen:port` for `app`; updates of one chat keep PTB's processor's
    order within the process, and its bound on concurrent updates."""

    def __init__(
        self,
        app: Application,  # type: ignore[type-arg]
        *,
        path: str,
        secret: str,
        listen: str,
        port: int,
    ) -> None:
        self._app = app
        self._listen = listen
        self._port = port
        self._busy = _Busy()
        routes = [
            (rf"/{path}/?", _UpdateHandler, {"app": app, "secret": secret, "busy": self._busy})
        ]
        self._server = HTTPServer(tornado.web.Application(routes, log_function=_quiet))

    def start(self) -> None:
        self._server.listen(self._port, self._listen)

    async def stop(self) -> None:
        """Stop accepting, let the updates being handled finish, then close."""
        self._server.stop()
        try:
            await asyncio.wait_for(self._busy.idle(), DRAIN_SECONDS)
        except TimeoutError:
            log.warning("stopping with updates still being handled; Telegram will resend them")
        await self._server.close_all_connections()


class _Busy:
    """How many requests are being handled, and a way to wait until none are."""

    def __init__(self) -> None:
        self.count = 0
        self._idle = asyncio.Event()
        self._idle.set()

    def enter(self) -> None:
        self.count += 1
        self._idle.clear()

    def leave(self) -> None:
        self.count -= 1
        if not self.count:
            self._idle.set()

    async def idle(self) -> None:
        await self._idle.wait()


class _UpdateHandler(tornado.web.RequestHandler):
    def initialize(self, app: Application, secret: str, busy: _Busy) -> None:  # type: ignore[type-arg]
        self._app = app
        self._secret = secret.encode()
        self._busy = busy

    async def post(self) -> None:
        given = self.request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            raise tornado.web.HTTPError(HTTPStatus.FORBIDDEN)
        update = _parse(self.request.body, self._app)
        if update is not None:
            self._busy.enter()
            try:
                processor = self._app.update_processor
                await processor.process_update(update, self._app.process_update(update))
            finally:
                self._busy.leave()
        self.set_status(HTTPStatus.OK)


def _parse(body: bytes, app: Application) -> Update | None:  # type: ignore[type-arg]
    """The update, or None (logged) for one PTB cannot read: answered 200 all the same, or
    Telegram would send it again and again."""
    data: Any = None
    try:
        data = json.loads(body)
        return Update.de_json(data, app.bot)
    except Exception:  # whatever the parser trips on; the update id is all we can name
        update_id = data.get("update_id") if isinstance(data, dict) else None
        log.error("update %s cannot be parsed; skipped", update_id, exc_info=True)
        return None


def _quiet(handler: tornado.web.RequestHandler) -> None:
    """No access log: request lines carry nothing the bot's own log lacks."""
