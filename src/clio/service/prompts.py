"""Daily prompts: a ticker queues each due learner's prompt (at most one per local day) in the
outbox, in the transaction that records it, then sends what the outbox holds."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from datetime import datetime

from clio.core.calendar import local_date, next_local_time
from clio.core.messages import PromptDue, Reply
from clio.core.records import Learner
from clio.service.outbox import Delivery, OutboxSender, Send
from clio.service.ports import Store
from clio.service.tutoring import Incoming, TutorService

__all__ = ["Delivery", "PromptTicker", "Send"]

log = logging.getLogger(__name__)
PROMPT_CLAIMS = "daily-prompt"  # the namespace of "prompt sent for learner X on local day D"
SEND_BATCH = 100  # outbox messages leased at a time
IDLE_WAIT_SECONDS = 0.05  # the sender waits this long for the queue to catch up


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
        self._gate = asyncio.Semaphore(concurrency)
        self._batch = batch
        # Small leases, so sending starts while the rest of a burst is still being queued.
        self._outbox = OutboxSender(
            service=service,
            store=store,
            send=send,
            concurrency=concurrency,
            batch=SEND_BATCH,
        )

    async def tick(self) -> Counter[Delivery]:
        """Queue every prompt due now and send the outbox until both are done: a burst is
        queued and sent at the same time, so the platform's limit is the only pace."""
        queuing = asyncio.create_task(self._queue_all())
        sent: Counter[Delivery] = Counter()
        while True:
            batch = await self._outbox.dispatch()
            sent += batch
            if batch:
                continue
            if queuing.done():
                last = await self._outbox.dispatch()  # what the last queue pass added
                sent += last
                if not last:
                    break
            else:  # wait for more to send, or for the queue to finish, whichever is first
                await asyncio.wait({queuing}, timeout=IDLE_WAIT_SECONDS)
        queued = await queuing
        return Counter({k: v for k, v in (queued + sent).items() if k is not Delivery.QUEUED})

    async def _queue_all(self) -> Counter[Delivery]:
        """Queue in batches until a pass queues nothing (failures wait for the next tick)."""
        total: Counter[Delivery] = Counter()
        while True:
            queued = await self.queue_due()
            total += queued
            if not queued[Delivery.QUEUED]:
                return total

    async def queue_due(self) -> Counter[Delivery]:
        now = self._service.now()
        async with self._store.unit_of_work() as uow:
            due = await uow.learners.due_for_prompt(now, limit=self._batch)
        return Counter(await asyncio.gather(*(self._queue_gated(learner) for learner in due)))

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
            # Locked as read: a /daily off or a new zone committed meanwhile by another
            # process is seen here, and not overwritten by a schedule made from old values.
            learner = await uow.learners.get(learner_id, for_update=True)
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


def _due(learner: Learner, now: datetime) -> bool:
    return (
        learner.active
        and learner.daily_prompt_time is not None
        and learner.next_prompt_at is not None
        and learner.next_prompt_at <= now
    )
