"""The per-chat flood limit: a short burst, then about one message a second per chat."""

from __future__ import annotations

import asyncio
import time
from typing import Any

from clio.adapters.telegram.limits import ChatRateLimiter


async def _send_all(limiter: ChatRateLimiter, chat_ids: list[int]) -> list[float]:
    started = time.monotonic()
    finished: list[float] = []

    async def callback() -> dict[str, Any]:
        finished.append(time.monotonic() - started)
        return {}

    await asyncio.gather(
        *(
            limiter.process_request(callback, (), {}, "sendMessage", {"chat_id": c}, None)
            for c in chat_ids
        )
    )
    return sorted(finished)


async def test_one_chat_gets_a_burst_then_one_per_second() -> None:
    times = await _send_all(ChatRateLimiter(per_chat_burst=2), [7, 7, 7, 7])
    assert times[1] < 0.9  # the burst goes at once, before a token is refilled
    assert times[3] >= 1.5  # then the bucket refills at one a second


async def test_different_chats_do_not_wait_for_each_other() -> None:
    times = await _send_all(ChatRateLimiter(per_chat_burst=1), [1, 2, 3, 4, 5, 6])
    assert times[-1] < 0.9  # one chat sending six would take five seconds


async def test_limits_can_be_turned_off_for_benchmarks() -> None:
    times = await _send_all(ChatRateLimiter(limit=False), [9] * 10)
    assert times[-1] < 0.9  # limited, these ten would take seven seconds
