"""Weekly class reports: a ticker queues each due teacher's class summaries in the outbox,
once per local week, and sends what the outbox holds, as daily prompts do."""

from __future__ import annotations

import asyncio
import logging
from collections import Counter

from clio.core.messages import Reply
from clio.core.weekly import next_weekly_time, week_key
from clio.service.outbox import Delivery, OutboxSender, Send
from clio.service.ports import Store
from clio.service.reporting import gather, summary_replies
from clio.service.tutoring import TutorService
from clio.service.weekly import schedule_of

log = logging.getLogger(__name__)
REPORT_CLAIMS = "weekly-report"  # "report sent to teacher X in local week W"


class ReportTicker:
    """Finds teachers whose weekly report is due and sends it, once per local week."""

    def __init__(
        self, *, service: TutorService, store: Store, send: Send, concurrency: int = 8
    ) -> None:
        self._service = service
        self._store = store
        self._gate = asyncio.Semaphore(concurrency)
        self._outbox = OutboxSender(
            service=service, store=store, send=send, concurrency=concurrency, batch=200
        )

    async def tick(self, *, batch: int = 200) -> Counter[Delivery]:
        """Queue every report due now, then send what the outbox holds."""
        now = self._service.now()
        async with self._store.unit_of_work() as uow:
            due = await uow.teachers.due(now, limit=batch)
        queued = Counter(
            await asyncio.gather(*(self._gated(teacher.learner_id) for teacher in due))
        )
        sent = await self._outbox.dispatch()
        return Counter({k: v for k, v in (queued + sent).items() if k is not Delivery.QUEUED})

    async def _gated(self, learner_id: int) -> Delivery:
        async with self._gate:
            try:
                return await self.report(learner_id)
            except Exception:
                log.exception("weekly report for %s failed; retried next tick", learner_id)
                return Delivery.FAILED

    async def report(self, learner_id: int) -> Delivery:
        """Queue one teacher's report if still due: the report, the claim for the local week
        and the next schedule commit together."""
        async with self._store.unit_of_work() as uow:
            learner = await uow.learners.get(learner_id)
        if learner is None:
            return Delivery.SKIPPED
        async with self._service.lock(learner):
            return await self._report_locked(learner_id)

    async def _report_locked(self, learner_id: int) -> Delivery:
        now, tutor = self._service.now(), self._service.tutor
        async with self._store.unit_of_work() as uow:
            # Locked first: a /weekly change another process is committing is waited for.
            learner = await uow.learners.get(learner_id, for_update=True)
            teacher = await uow.teachers.get(learner_id)
            weekly = schedule_of(teacher)
            if learner is None or teacher is None or weekly is None:
                return Delivery.SKIPPED
            if teacher.next_report_at is None or teacher.next_report_at > now:
                return Delivery.SKIPPED
            following = next_weekly_time(weekly, learner.time_zone, after=now)
            await uow.teachers.schedule(learner_id, following)
            key = f"{learner_id}:{week_key(now, learner.time_zone)}"
            rooms = await uow.classes.taught_by(learner_id)
            if not learner.active or not rooms:
                return Delivery.SKIPPED
            if not await uow.updates.claim(REPORT_CLAIMS, key, now=now, learner_id=learner_id):
                return Delivery.SKIPPED  # already sent this week (another process)
            replies = [Reply(tutor.flows.say("teacher.weekly_header"))]
            for room in rooms:
                data = await gather(uow, room, now=now)
                replies.extend(summary_replies(tutor, data, now=now, zone_name=learner.time_zone))
            await uow.outbox.add(learner_id, tuple(replies), now=now)
        return Delivery.QUEUED
