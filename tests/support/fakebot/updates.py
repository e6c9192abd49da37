"""JSON builders for what a Telegram user does: messages, button presses, media, edits."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass
from typing import Any

JsonDict = dict[str, Any]
_MENTION = re.compile(r"@\w+")


@dataclass(frozen=True)
class FakeUser:
    """A Telegram user; their private chat has the same id."""

    id: int
    first_name: str
    last_name: str = ""
    username: str = ""

    def json(self) -> JsonDict:
        data: JsonDict = {"id": self.id, "is_bot": False, "first_name": self.first_name}
        if self.last_name:
            data["last_name"] = self.last_name
        if self.username:
            data["username"] = self.username
        return data


def private_chat(user: FakeUser) -> JsonDict:
    return {"id": user.id, "type": "private", "first_name": user.first_name}


def group_chat(chat_id: int) -> JsonDict:
    return {"id": chat_id, "type": "supergroup", "title": "History club"}


def text_entities(text: str) -> list[JsonDict]:
    """The entities Telegram would attach: a leading bot command, @mentions."""
    entities: list[JsonDict] = []
    if text.startswith("/"):
        length = len(text.split(" ", 1)[0])
        entities.append({"type": "bot_command", "offset": 0, "length": length})
    for match in _MENTION.finditer(text):
        if match.start() > 0 or not text.startswith("/"):
            entities.append(
                {"type": "mention", "offset": match.start(), "length": len(match.group())}
            )
    return entities


def message(message_id: int, user: FakeUser, chat: JsonDict, **content: Any) -> JsonDict:
    data: JsonDict = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat,
        "from": user.json(),
        **content,
    }
    text = content.get("text")
    if isinstance(text, str) and text_entities(text):
        data["entities"] = text_entities(text)
    return data


def _file(kind: str) -> JsonDict:
    return {"file_id": f"{kind}-file", "file_unique_id": f"{kind}-unique"}


MEDIA: dict[str, Any] = {
    "photo": [{**_file("photo"), "width": 90, "height": 90}],
    "sticker": {
        **_file("sticker"),
        "type": "regular",
        "width": 512,
        "height": 512,
        "is_animated": False,
        "is_video": False,
    },
    "voice": {**_file("voice"), "duration": 2},
    "document": {**_file("document"), "file_name": "notes.pdf"},
}
