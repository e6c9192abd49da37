"""Flow control: outgoing flood limits per chat, and updates of one chat handled in order."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from aiolimiter import AsyncLimiter
from telegram import Update
from telegram.ext import AIORateLimiter, BaseUpdateProcessor

JSON = bool | dict[str, Any] | list[dict[str, Any]]


class ChatRateLimiter(AIORateLimiter):
    """PTB's limiter (30/s overall, 20/min per group, pauses on RetryAfter) plus about one
    message per second in each private chat, with a short burst so a 3-message reply is
    not held back (Telegram's FAQ tolerates bursts; a steady stream must stay near 1/s)."""

    def __init__(
        self, *, per_chat_burst: int = 3, max_retries: int = 3, limit: bool = True
    ) -> None:
        # limit=False keeps only the RetryAfter pause (for benchmarks against a local fake).
        rates = {} if limit else {"overall_max_rate": 0, "group_max_rate": 0}
        super().__init__(max_retries=max_retries, **rates)
        self._burst = per_chat_burst if limit else 0
        self._chats: dict[int, AsyncLimiter] = {}

    async def process_request(
        self,
        callback: Callable[..., Coroutine[Any, Any, JSON]],
        args: Any,
        kwargs: dict[str, Any],
        endpoint: str,
        data: dict[str, Any],
        rate_limit_args: int | None,
    ) -> JSON:
        limiter = self._chat_limiter(data.get("chat_id"))
        async with limiter if limiter is not None else contextlib.nullcontext():
            return await super().process_request(
                callback, args, kwargs, endpoint, data, rate_limit_args
            )

    def _chat_limiter(self, chat_id: object) -> AsyncLimiter | None:
        try:
            chat = int(str(chat_id))
        except ValueError:
            return None
        if chat <= 0 or not self._burst:  # groups and channels have PTB's own per-group limiter
            return None
        if len(self._chats) > 10_000:  # forget idle chats so the table stays small
            self._chats = {k: v for k, v in self._chats.items() if not v.has_capacity(self._burst)}
        # A leaky bucket: `burst` messages at once, refilled at one per second.
        return self._chats.setdefault(chat, AsyncLimiter(self._burst, self._burst))


class ChatOrderedProcessor(BaseUpdateProcessor):
    """Updates run concurrently, except that two updates of one chat run in arrival order.

    The service already serialises a learner with a lock, but a lock does not keep order:
    without this, a fast second message could overtake the first. Tasks start in the order
    PTB creates them and asyncio locks are FIFO, so taking the chat's lock first keeps order."""

    def __init__(self, max_concurrent_updates: int = 32) -> None:
        super().__init__(max_concurrent_updates)
        self._locks: dict[int, tuple[asyncio.Lock, int]] = {}

    async def do_process_update(self, update: object, coroutine: Awaitable[Any]) -> None:
        key = _chat_key(update)
        if key is None:
            await coroutine
            return
        lock, users = self._locks.get(key, (asyncio.Lock(), 0))
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                await coroutine
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    async def initialize(self) -> None:
        """Nothing to set up."""

    async def shutdown(self) -> None:
        """Nothing to tear down."""


def _chat_key(update: object) -> int | None:
    if not isinstance(update, Update):
        return None
    if update.effective_chat is not None:
        return update.effective_chat.id
    return update.effective_user.id if update.effective_user is not None else None
