"""A fake Telegram Bot API server on loopback, for end-to-end tests of the real Application.

It speaks the subset of the Bot API Clio uses, records every call, can be told to fail
(429, 403, 500) or to be slow for chosen methods, and plays the user's side: it queues
updates for getUpdates or POSTs them to the webhook, then lets a test await the replies."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

import aiohttp
from aiohttp import web

from fakebot.methods import BotMethods, Sent, error
from fakebot.updates import JsonDict

STRING_PARAMS = frozenset({"text", "caption", "callback_query_id", "url", "secret_token"})
# The e2e fixture that starts Clio's bot against this server: `await start_bot(tutoring, ...)`.
StartBot = Callable[..., Awaitable[None]]
# The e2e fixture that serves a built bot: `await run_bot(bot, webhook=...)`.
RunBot = Callable[..., Awaitable[None]]


@dataclass
class Call:
    """One request the bot made."""

    method: str
    params: JsonDict
    at: float = field(default_factory=time.monotonic)


@dataclass
class Fault:
    """What to do, `times` more times, when the bot calls a chosen method."""

    status: int | None  # 429, 403, 500 ...; None: answer normally, only `delay` later
    times: int = 1
    retry_after: int = 1
    delay: float = 0.0


class FakeBotApi(BotMethods):
    """The server and its state; `async with FakeBotApi() as api:` runs it on a free port."""

    def __init__(self, *, token: str = "123456:TEST-token-abc", username: str = "clio_test_bot"):
        self.token = token
        self.username = username
        self.calls: list[Call] = []
        self.faults: dict[str, list[Fault]] = {}
        self.sent: dict[int, Sent] = {}
        self.chats: dict[int, JsonDict] = {}
        self.webhook: JsonDict | None = None
        self.commands: list[JsonDict] = []
        self._pending: list[JsonDict] = []
        self._next_update = 1000
        self._next_message = 1
        self._changed = asyncio.Condition()
        self._in_flight = 0  # requests being answered, long polls aside
        self._runner: web.AppRunner | None = None
        self.port = 0

    # --- lifecycle ---------------------------------------------------------------------
    async def __aenter__(self) -> FakeBotApi:
        app = web.Application()
        app.router.add_post("/bot{token}/{method}", self._dispatch)
        app.router.add_get("/bot{token}/{method}", self._dispatch)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/bot"

    # --- test controls -----------------------------------------------------------------
    def fail(self, method: str, status: int, *, times: int = 1, retry_after: int = 1) -> None:
        self.faults.setdefault(method, []).append(Fault(status, times, retry_after))

    def slow(self, method: str, delay: float, *, times: int = 1) -> None:
        self.faults.setdefault(method, []).append(Fault(None, times, delay=delay))

    def calls_to(self, method: str) -> list[Call]:
        return [call for call in self.calls if call.method == method]

    def new_update_id(self) -> int:
        self._next_update += 1
        return self._next_update

    def new_message_id(self) -> int:
        self._next_message += 1
        return self._next_message

    async def deliver(self, update: JsonDict, *, secret: str | None = None) -> int:
        """Hand `update` to the bot: POSTed to the webhook if one is set (with its secret, or
        `secret` if given; returns the HTTP status), else queued for getUpdates (returns 200)."""
        chat = _chat_of(update)
        if chat is not None:
            self.chats[chat["id"]] = chat
        if self.webhook is None:
            self._pending.append(update)
            await self._notify()
            return 200
        header = self.webhook.get("secret_token", "") if secret is None else secret
        headers = {"X-Telegram-Bot-Api-Secret-Token": header} if header else {}
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.webhook["url"], json=update, headers=headers) as response,
        ):
            return response.status

    async def wait_for(self, ready: Callable[[], bool], *, timeout: float = 5.0) -> None:
        """Until `ready()` holds after some call; TimeoutError otherwise."""
        async with asyncio.timeout(timeout), self._changed:
            await self._changed.wait_for(ready)

    async def settle(self, *, since: int, quiet: float = 0.25, timeout: float = 5.0) -> None:
        """Until at least one call after `since` calls, then none for `quiet` seconds."""
        await self.wait_for(lambda: len(self._sending(since)) > 0, timeout=timeout)
        while True:
            count = len(self._sending(since))
            await asyncio.sleep(quiet)
            if len(self._sending(since)) == count and not self._in_flight:
                return

    def _sending(self, since: int) -> list[Call]:
        return [call for call in self.calls[since:] if call.method != "getUpdates"]

    async def _wait_for_pending(self, timeout: float) -> None:
        with contextlib.suppress(TimeoutError):  # an empty answer, like Telegram
            async with asyncio.timeout(timeout), self._changed:
                await self._changed.wait_for(lambda: bool(self._pending))

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    # --- the HTTP side -----------------------------------------------------------------
    async def _dispatch(self, request: web.Request) -> web.Response:
        if request.match_info["token"] != self.token:
            return error(401, "Unauthorized")
        method = request.match_info["method"]
        params = await _params(request)
        self.calls.append(Call(method, params))
        await self._notify()
        waiting = method != "getUpdates"
        self._in_flight += waiting
        try:
            return await self._answer(method, params)
        finally:
            self._in_flight -= waiting

    async def _answer(self, method: str, params: JsonDict) -> web.Response:
        fault = self._take_fault(method)
        if fault is not None:
            await asyncio.sleep(fault.delay)
            if fault.status is not None:
                return _fault_response(fault)
        handler = getattr(self, f"_api_{method}", None)
        if handler is None:
            return error(404, "Not Found")
        result = await handler(params)
        if isinstance(result, web.Response):
            return result
        await self._notify()
        return web.json_response({"ok": True, "result": result})

    def _take_fault(self, method: str) -> Fault | None:
        queue = self.faults.get(method, [])
        if not queue:
            return None
        fault = queue[0]
        fault.times -= 1
        if fault.times <= 0:
            queue.pop(0)
        return fault


def free_port() -> int:
    """A TCP port free on loopback right now (for a webhook listener)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


async def _params(request: web.Request) -> JsonDict:
    raw: dict[str, Any] = dict(request.query)
    if request.content_type == "application/json":
        raw.update(await request.json())
    elif request.can_read_body:
        raw.update(await request.post())
    params = {key: _decode(key, value) for key, value in raw.items()}
    for key, value in raw.items():  # an uploaded file: its name above, its bytes here
        if isinstance(value, web.FileField):
            params[f"{key}_content"] = value.file.read()
    return params


def _decode(key: str, value: Any) -> Any:
    """PTB sends JSON-encoded values as form fields; text stays text."""
    if key in STRING_PARAMS or not isinstance(value, str):
        return value if isinstance(value, str) else getattr(value, "filename", value)
    try:
        return json.loads(value)
    except ValueError:
        return value


def _chat_of(update: JsonDict) -> JsonDict | None:
    for kind in ("message", "edited_message"):
        chat = update.get(kind, {}).get("chat")
        if isinstance(chat, dict):  # a malformed update (a test's doing) has no chat
            return chat
    return None


def _fault_response(fault: Fault) -> web.Response:
    if fault.status == 429:
        return error(
            429,
            f"Too Many Requests: retry after {fault.retry_after}",
            retry_after=fault.retry_after,
        )
    if fault.status == 403:
        return error(403, "Forbidden: bot was blocked by the user")
    return error(fault.status or 500, "Internal Server Error")
