"""Sending what the outbox holds: messages Clio starts (daily prompts, weekly reports), saved
in the transaction that made them and sent afterwards, so no transaction waits on a platform."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import timedelta
from enum import StrEnum

from clio.core.messages import Reply
from clio.core.records import Learner, OutboxMessage
from clio.service.ports import Store
from clio.service.tutoring import TutorService

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)  # a sender that dies mid-send lets its messages come due again
RETRY_BASE = timedelta(minutes=1)  # failed sends back off: 1, 2, 4 ... minutes
RETRY_MAX = timedelta(hours=1)


class Delivery(StrEnum):
    SENT = "sent"
    BLOCKED = "blocked"  # the learner blocked the bot: stop prompting them
    FAILED = "failed"  # try again later
    QUEUED = "queued"  # a message was made and waits in the outbox
    SKIPPED = "skipped"  # not due after all, or already sent for this day or week


Send = Callable[[Learner, tuple[Reply, ...]], Awaitable[Delivery]]


class OutboxSender:
    """Leases due outbox messages, sends them at the sender's pace, and settles each one."""

    def __init__(
        self, *, service: TutorService, store: Store, send: Send, concurrency: int, batch: int
    ) -> None:
        self._service = service
        self._store = store
        self._send = send
        self._gate = asyncio.Semaphore(concurrency)
        self._batch = batch

    async def dispatch(self) -> Counter[Delivery]:
        now = self._service.now()
        async with self._store.unit_of_work() as uow:
            messages = await uow.outbox.lease(now, limit=self._batch, lease=LEASE)
            learners = {m.learner_id: await uow.learners.get(m.learner_id) for m in messages}
        results = await asyncio.gather(
            *(self._send_gated(m, learners[m.learner_id]) for m in messages)
        )
        return Counter(results)

    async def _send_gated(self, message: OutboxMessage, learner: Learner | None) -> Delivery:
        async with self._gate:
            if learner is None or not learner.active:
                delivery = Delivery.SKIPPED
            else:
                try:
                    delivery = await self._send(learner, message.replies)
                except Exception:
                    log.exception("sending outbox message %s failed", message.id)
                    delivery = Delivery.FAILED
            await self._settle(message, delivery)
            return delivery

    async def _settle(self, message: OutboxMessage, delivery: Delivery) -> None:
        now = self._service.now()
        async with self._store.unit_of_work() as uow:
            if delivery is Delivery.FAILED:
                wait = min(RETRY_BASE * 2**message.attempts, RETRY_MAX)
                await uow.outbox.retry(message.id, at=now + wait)
                return
            await uow.outbox.sent(message.id)
            if delivery is Delivery.BLOCKED:
                # Blocked: no more daily prompts nor weekly reports until they come back.
                await uow.learners.update(message.learner_id, active=False)
                await uow.learners.schedule_prompt(message.learner_id, None)
                await uow.teachers.schedule(message.learner_id, None)
