"""The Bot API methods the fake server answers, over the state `FakeBotApi` keeps."""

from __future__ import annotations

import html
import re
import time
from dataclasses import dataclass
from typing import Any

from aiohttp import web

from fakebot.updates import JsonDict

_TAG = re.compile(r"<[^>]+>")


@dataclass
class Sent:
    """A message the bot sent (as the user's client would show it)."""

    message_id: int
    chat_id: int
    text: str  # plain, as displayed
    html: str  # as sent, with parse_mode=HTML
    reply_markup: JsonDict | None

    @property
    def buttons(self) -> list[tuple[str, str]]:
        rows = (self.reply_markup or {}).get("inline_keyboard", [])
        return [(button["text"], button["callback_data"]) for row in rows for button in row]


class BotMethods:
    """`_api_<method>` for each Bot API method; `FakeBotApi` routes requests here."""

    token: str
    username: str
    sent: dict[int, Sent]
    chats: dict[int, JsonDict]
    webhook: JsonDict | None
    commands: list[JsonDict]
    _pending: list[JsonDict]

    def new_message_id(self) -> int:
        raise NotImplementedError

    async def _wait_for_pending(self, timeout: float) -> None:
        raise NotImplementedError

    def bot_user(self) -> JsonDict:
        return {"id": 42, "is_bot": True, "first_name": "Clio", "username": self.username}

    async def _api_getMe(self, params: JsonDict) -> Any:
        return self.bot_user()

    async def _api_getUpdates(self, params: JsonDict) -> Any:
        if self.webhook is not None:
            return error(409, "Conflict: can't use getUpdates method while webhook is active")
        offset = int(params.get("offset") or 0)
        self._pending = [u for u in self._pending if u["update_id"] >= offset]
        if not self._pending and float(params.get("timeout") or 0) > 0:
            await self._wait_for_pending(float(params["timeout"]))
        return self._pending[: int(params.get("limit") or 100)]

    async def _api_setWebhook(self, params: JsonDict) -> Any:
        self.webhook = {"url": params["url"], "secret_token": params.get("secret_token", "")}
        return True

    async def _api_deleteWebhook(self, params: JsonDict) -> Any:
        self.webhook = None
        if params.get("drop_pending_updates"):
            self._pending.clear()
        return True

    async def _api_getWebhookInfo(self, params: JsonDict) -> Any:
        url = self.webhook["url"] if self.webhook else ""
        return {"url": url, "has_custom_certificate": False, "pending_update_count": 0}

    async def _api_setMyCommands(self, params: JsonDict) -> Any:
        self.commands = list(params.get("commands") or [])
        return True

    async def _api_answerCallbackQuery(self, params: JsonDict) -> Any:
        return True

    async def _api_sendMessage(self, params: JsonDict) -> Any:
        return self._store(params, text=str(params["text"]))

    async def _api_sendPhoto(self, params: JsonDict) -> Any:
        return self._store(params, text=str(params.get("caption", "")))

    async def _api_sendDocument(self, params: JsonDict) -> Any:
        return self._store(params, text=str(params.get("caption", "")))

    async def _api_editMessageText(self, params: JsonDict) -> Any:
        sent = self.sent.get(int(params["message_id"]))
        if sent is None:
            return error(400, "Bad Request: message to edit not found")
        text, markup = str(params["text"]), params.get("reply_markup")
        if text == sent.html and markup == sent.reply_markup:
            return error(400, "Bad Request: message is not modified")
        sent.html, sent.text, sent.reply_markup = text, plain(text, params), markup
        return self._message_json(sent)

    async def _api_editMessageReplyMarkup(self, params: JsonDict) -> Any:
        sent = self.sent.get(int(params["message_id"]))
        if sent is None:
            return error(400, "Bad Request: message to edit not found")
        sent.reply_markup = params.get("reply_markup")
        return self._message_json(sent)

    def _store(self, params: JsonDict, *, text: str) -> JsonDict:
        chat_id = int(params["chat_id"])
        markup = params.get("reply_markup")
        sent = Sent(self.new_message_id(), chat_id, plain(text, params), text, markup)
        self.sent[sent.message_id] = sent
        return self._message_json(sent)

    def message_json(self, message_id: int) -> JsonDict:
        return self._message_json(self.sent[message_id])

    def _message_json(self, sent: Sent) -> JsonDict:
        chat = self.chats.get(sent.chat_id, {"id": sent.chat_id, "type": "private"})
        data: JsonDict = {
            "message_id": sent.message_id,
            "date": int(time.time()),
            "chat": chat,
            "from": self.bot_user(),
            "text": sent.text,
        }
        if sent.reply_markup:
            data["reply_markup"] = sent.reply_markup
        return data


def plain(text: str, params: JsonDict) -> str:
    """What the user sees: HTML parsed (Clio sends no tags, only escapes)."""
    if params.get("parse_mode") == "HTML":
        return html.unescape(_TAG.sub("", text))
    return text


def error(status: int, description: str, **parameters: Any) -> web.Response:
    body: JsonDict = {"ok": False, "error_code": status, "description": description}
    if parameters:
        body["parameters"] = parameters
    return web.json_response(body, status=status)
