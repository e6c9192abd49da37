"""Daily prompts: a ticker queues each due learner's prompt (at most one per local day) in the
outbox, in the transaction that records it, then sends what the outbox holds."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from enum import StrEnum

from clio.core.calendar import local_date, next_local_time
from clio.core.messages import PromptDue, Reply
from clio.core.records import Learner, OutboxMessage
from clio.service.ports import Store
from clio.service.tutoring import Incoming, TutorService

log = logging.getLogger(__name__)
PROMPT_CLAIMS = "daily-prompt"  # the namespace of "prompt sent for learner X on local day D"
LEASE = timedelta(minutes=5)  # a sender that dies mid-send lets its messages come due again
RETRY_BASE = timedelta(minutes=1)  # failed sends back off: 1, 2, 4 ... minutes
RETRY_MAX = timedelta(hours=1)


class Delivery(StrEnum):
    SENT = "sent"
    BLOCKED = "blocked"  # the learner blocked the bot: stop prompting them
    FAILED = "failed"  # try again later
    QUEUED = "queued"  # a prompt was made and waits in the outbox
    SKIPPED = "skipped"  # not due after all, or already prompted on this local day


Send = Callable[[Learner, tuple[Reply, ...]], Awaitable[Delivery]]


class PromptTicker:
    """Finds learners whose prompt is due and queues it through the same door as messages;
    sends queued messages at the pace the sender keeps."""

    def __init__(
        self,
        *,
        service: TutorService,
        store: Store,
        send: Send,
        concurrency: int = 32,
        batch: int = 1000,
    ) -> None:
        self._service = service
        self._store = store
        self._send = send
        self._gate = asyncio.Semaphore(concurrency)
        self._batch = batch

    async def tick(self) -> Counter[Delivery]:
        """One pass: queue every prompt due now, then send what the outbox holds."""
        queued = await self.queue_due()
        sent = await self.dispatch()
        return Counter({k: v for k, v in (queued + sent).items() if k is not Delivery.QUEUED})

    async def queue_due(self) -> Counter[Delivery]:
        now = self._service.now()
        async with self._store.unit_of_work() as uow:
            due = await uow.learners.due_for_prompt(now, limit=self._batch)
        return Counter(await asyncio.gather(*(self._queue_gated(learner) for learner in due)))

    async def dispatch(self) -> Counter[Delivery]:
        now = self._service.now()
        async with self._store.unit_of_work() as uow:
            messages = await uow.outbox.lease(now, limit=self._batch, lease=LEASE)
            learners = {m.learner_id: await uow.learners.get(m.learner_id) for m in messages}
        results = await asyncio.gather(
            *(self._send_gated(m, learners[m.learner_id]) for m in messages)
        )
        return Counter(results)

    async def preview(self, at: datetime) -> list[tuple[Learner, tuple[Reply, ...]]]:
        """Who would be prompted at `at`, and with what; nothing is sent or saved."""
        async with self._store.unit_of_work() as uow:
            due = await uow.learners.due_for_prompt(at, limit=self._batch)
            return [
                (learner, (await self._service.preview(uow, learner, PromptDue(), now=at)).replies)
                for learner in due
            ]

    async def _queue_gated(self, learner: Learner) -> Delivery:
        async with self._gate, self._service.lock(learner):
            try:
                return await self._queue(learner.id)
            except Exception:
                log.exception("daily prompt for learner %s failed; retried next tick", learner.id)
                return Delivery.FAILED

    async def _queue(self, learner_id: int) -> Delivery:
        """Make the prompt: its state change, the claim for the local day, the next schedule
        and the outbox message commit together."""
        now = self._service.now()
        async with self._store.unit_of_work() as uow:
            learner = await uow.learners.get(learner_id)
            if learner is None or not _due(learner, now):
                return Delivery.SKIPPED
            assert learner.daily_prompt_time is not None
            following = next_local_time(learner.daily_prompt_time, learner.time_zone, after=now)
            await uow.learners.schedule_prompt(learner.id, following)
            day = local_date(now, learner.time_zone).isoformat()
            claim = f"{learner.id}:{day}"
            if not await uow.updates.claim(PROMPT_CLAIMS, claim, now=now, learner_id=learner.id):
                return Delivery.SKIPPED  # prompted today already (another process, a new zone)
            incoming = Incoming(
                learner.platform, learner.external_id, learner.display_name, PromptDue()
            )
            outcome = await self._service.run_step(
                uow, learner, PromptDue(), now=now, rng=self._service.rng(incoming)
            )
            await uow.outbox.add(learner.id, outcome.replies, now=now)
        return Delivery.QUEUED

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
                await uow.learners.update(message.learner_id, active=False)
                await uow.learners.schedule_prompt(message.learner_id, None)


def _due(learner: Learner, now: datetime) -> bool:
    return (
        learner.active
        and learner.daily_prompt_time is not None
        and learner.next_prompt_at is not None
        and learner.next_prompt_at <= now
    )
