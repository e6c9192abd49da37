"""The user's side of a fake chat: say things, press buttons, and collect what the bot sent."""

from __future__ import annotations

import asyncio

from fakebot.server import FakeBotApi, Sent
from fakebot.updates import MEDIA, FakeUser, JsonDict, group_chat, message, private_chat


class Learner:
    """One Telegram user talking to the bot in private (or in a group, if asked)."""

    def __init__(self, api: FakeBotApi, user: FakeUser) -> None:
        self.api = api
        self.user = user
        self.last_update: JsonDict = {}

    async def say(self, text: str, *, expect_reply: bool = True, quiet: float = 0.25) -> list[Sent]:
        """Send `text`; the bot's new messages once it has been quiet for `quiet` seconds."""
        update = {"message": self._message(text=text)}
        return await self._deliver(update, expect_reply=expect_reply, quiet=quiet)

    async def say_in_group(self, chat_id: int, text: str, *, expect_reply: bool) -> list[Sent]:
        content = message(self.api.new_message_id(), self.user, group_chat(chat_id), text=text)
        return await self._deliver({"message": content}, expect_reply=expect_reply)

    async def send_media(self, kind: str) -> list[Sent]:
        return await self._deliver({"message": self._message(**{kind: MEDIA[kind]})})

    async def edit(self, text: str) -> list[Sent]:
        edited = {**self._message(text=text), "edit_date": 1}
        return await self._deliver({"edited_message": edited}, expect_reply=False)

    async def press(self, sent: Sent, label: str, *, expect_reply: bool = True) -> list[Sent]:
        """Press the button labelled `label` on the bot's message `sent`."""
        payload = dict(sent.buttons)[label]
        query = {
            "id": f"cq{self.api.new_update_id()}",
            "from": self.user.json(),
            "message": self.api.message_json(sent.message_id),
            "chat_instance": f"ci{self.user.id}",
            "data": payload,
        }
        return await self._deliver({"callback_query": query}, expect_reply=expect_reply)

    async def redeliver(self, *, expect_reply: bool = False) -> list[Sent]:
        """Telegram sends the last update again (same update_id), as after a timeout."""
        return await self._deliver(dict(self.last_update), expect_reply=expect_reply, again=True)

    def _message_update(self, text: str) -> JsonDict:
        """A new text-message update, not yet delivered."""
        return {"update_id": self.api.new_update_id(), "message": self._message(text=text)}

    def messages(self) -> list[Sent]:
        """Everything the bot has sent to this learner's private chat, oldest first."""
        return [sent for sent in self.api.sent.values() if sent.chat_id == self.user.id]

    def _message(self, **content: object) -> JsonDict:
        return message(self.api.new_message_id(), self.user, private_chat(self.user), **content)

    async def _deliver(
        self,
        update: JsonDict,
        *,
        expect_reply: bool = True,
        again: bool = False,
        quiet: float = 0.25,
    ) -> list[Sent]:
        if not again:
            update = {"update_id": self.api.new_update_id(), **update}
        self.last_update = update
        before_calls, before_ids = len(self.api.calls), set(self.api.sent)
        await self.api.deliver(update)
        if expect_reply:
            await self.api.settle(since=before_calls, quiet=quiet)
        else:
            await asyncio.sleep(0.5)  # long enough for a reply that should not come
        chat_id = _chat_id(update)
        new = [sent for key, sent in self.api.sent.items() if key not in before_ids]
        return [sent for sent in new if sent.chat_id == chat_id]


def _chat_id(update: JsonDict) -> int:
    """The chat an update happens in (a button press: the chat of the pressed message)."""
    if "callback_query" in update:
        return int(update["callback_query"]["message"]["chat"]["id"])
    content = update.get("message") or update.get("edited_message") or {}
    return int(content["chat"]["id"])
