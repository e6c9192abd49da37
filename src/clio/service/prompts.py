"""Daily prompts: a ticker sends each due learner one prompt, at most one per local day."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter
from collections.abc import Awaitable, Callable
from datetime import datetime
from enum import StrEnum

from clio.core.calendar import local_date, next_local_time
from clio.core.messages import PromptDue, Reply
from clio.core.records import Learner
from clio.service.ports import Store
from clio.service.tutoring import Incoming, TutorService

log = logging.getLogger(__name__)
PROMPT_CLAIMS = "daily-prompt"  # the namespace of "prompt sent for learner X on local day D"


class Delivery(StrEnum):
    SENT = "sent"
    BLOCKED = "blocked"  # the learner blocked the bot: stop prompting them
    FAILED = "failed"  # try again on the next tick
    SKIPPED = "skipped"  # not due after all, or already prompted on this local day


Send = Callable[[Learner, tuple[Reply, ...]], Awaitable[Delivery]]


class _NotDelivered(Exception):
    """Raised inside the unit of work so that nothing of an undelivered prompt is kept."""

    def __init__(self, delivery: Delivery) -> None:
        super().__init__(delivery.value)
        self.delivery = delivery


class PromptTicker:
    """Finds learners whose prompt is due and sends it through the same door as messages."""

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
        """One pass: everyone due now gets their prompt (the sender paces the platform)."""
        now = self._service.now()
        async with self._store.unit_of_work() as uow:
            due = await uow.learners.due_for_prompt(now, limit=self._batch)
        results = await asyncio.gather(*(self._gated(learner) for learner in due))
        return Counter(results)

    async def preview(self, at: datetime) -> list[tuple[Learner, tuple[Reply, ...]]]:
        """Who would be prompted at `at`, and with what; nothing is sent or saved."""
        async with self._store.unit_of_work() as uow:
            due = await uow.learners.due_for_prompt(at, limit=self._batch)
            return [
                (learner, (await self._service.preview(uow, learner, PromptDue(), now=at)).replies)
                for learner in due
            ]

    async def _gated(self, learner: Learner) -> Delivery:
        async with self._gate:
            try:
                return await self.prompt(learner)
            except Exception:
                log.exception("daily prompt for learner %s failed; retried next tick", learner.id)
                return Delivery.FAILED

    async def prompt(self, learner: Learner) -> Delivery:
        """Prompt one learner if still due; the prompt, its state change, the claim for the
        local day and the next schedule commit together only once the prompt was sent."""
        async with self._service.lock(learner):
            try:
                return await self._prompt_locked(learner.id)
            except _NotDelivered as failed:
                if failed.delivery is Delivery.BLOCKED:
                    async with self._store.unit_of_work() as uow:
                        await uow.learners.update(learner.id, active=False)
                        await uow.learners.schedule_prompt(learner.id, None)
                return failed.delivery

    async def _prompt_locked(self, learner_id: int) -> Delivery:
        now = self._service.now()
        async with self._store.unit_of_work() as uow:
            learner = await uow.learners.get(learner_id)
            if learner is None or not _due(learner, now):
                return Delivery.SKIPPED
            assert learner.daily_prompt_time is not None
            following = next_local_time(learner.daily_prompt_time, learner.time_zone, after=now)
            await uow.learners.schedule_prompt(learner.id, following)
            day = local_date(now, learner.time_zone)
            if not await uow.updates.claim(
                PROMPT_CLAIMS, f"{learner.id}:{day.isoformat()}", now=now, learner_id=learner.id
            ):
                return (
                    Delivery.SKIPPED
                )  # already prompted today (another process, or a zone change)
            incoming = Incoming(
                learner.platform, learner.external_id, learner.display_name, PromptDue()
            )
            outcome = await self._service.run_step(
                uow, learner, PromptDue(), now=now, rng=self._service.rng(incoming)
            )
            delivery = await self._send(learner, outcome.replies)
            if delivery is not Delivery.SENT:
                raise _NotDelivered(delivery)
        return Delivery.SENT


def _due(learner: Learner, now: datetime) -> bool:
    return (
        learner.active
        and learner.daily_prompt_time is not None
        and learner.next_prompt_at is not None
        and learner.next_prompt_at <= now
    )
