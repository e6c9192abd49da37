"""The tutoring service: lock the learner, load state, run the core step, save, reply."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, replace
from datetime import datetime

from clio.core.engine import step
from clio.core.errors import ConcurrentUpdate
from clio.core.messages import Event, PromptDue, Reply
from clio.core.outcome import Outcome
from clio.core.records import Learner
from clio.core.state import LearnerState, StateError
from clio.core.tutor import Tutor
from clio.service.locks import LearnerLocks
from clio.service.ports import Store, UnitOfWork
from clio.service.recording import save_records
from clio.service.teaching import Teaching

log = logging.getLogger(__name__)
CAS_RETRIES = 3  # another process saved first: reload and run the step again


@dataclass(frozen=True, slots=True)
class Incoming:
    """An event from a platform, with who sent it and the platform's id for the update."""

    platform: str
    user_id: str
    display_name: str
    event: Event
    update_id: int | str | None = None


class TutorService:
    """The single door every event goes through (messages, presses, scheduled prompts)."""

    def __init__(
        self,
        *,
        tutor: Tutor,
        store: Store,
        clock: Callable[[], datetime],
        rng_for: Callable[[Incoming], random.Random] | None = None,
        bot_username: str | None = None,
    ) -> None:
        self._tutor = tutor
        # Class commands need look-ups the pure core cannot make: they are handled here,
        # inside the same lock, unit of work and update claim as every other event.
        self._teaching = Teaching(tutor=tutor, bot_username=bot_username)
        self._store = store
        self._clock = clock
        self._rng_for = rng_for or (lambda _incoming: random.Random())
        self._locks = LearnerLocks()

    @property
    def tutor(self) -> Tutor:
        return self._tutor

    @property
    def store(self) -> Store:
        return self._store

    async def close(self) -> None:
        await self._store.close()

    async def handle(self, incoming: Incoming) -> tuple[Reply, ...]:
        """Handle one event exactly once; returns the replies to send (none for a repeat)."""
        async with self._locks.hold((incoming.platform, incoming.user_id)):
            for attempt in range(1, CAS_RETRIES + 1):
                try:
                    return await self._handle_once(incoming)
                except ConcurrentUpdate:
                    log.info("state moved under update %s; retry %d", incoming.update_id, attempt)
            raise ConcurrentUpdate(f"gave up on update {incoming.update_id} after {CAS_RETRIES}")

    async def deactivate(self, platform: str, user_id: str) -> bool:
        """The learner blocked Clio (Telegram's 403): mark them inactive so nothing scheduled
        is sent to them. True if they were active. Their next message reactivates them."""
        async with (
            self._locks.hold((platform, user_id)),
            self._store.unit_of_work() as uow,
        ):
            learner = await uow.learners.find(
                platform=platform, external_id=user_id, for_update=True
            )
            if learner is None or not learner.active:
                return False
            await uow.learners.update(learner.id, active=False)
            return True

    async def _handle_once(self, incoming: Incoming) -> tuple[Reply, ...]:
        """One try in one unit of work. The learner's row is locked as it is read: another
        process handling them (a message, a prompt) is waited for, and what it committed is
        what this one reads, profile and state alike."""
        now = self._clock()
        async with self._store.unit_of_work() as uow:
            if incoming.update_id is not None and not await uow.updates.claim(
                incoming.platform, incoming.update_id, now=now
            ):
                log.info("update %s already handled", incoming.update_id)
                return ()
            learner = await uow.learners.get_or_create(
                platform=incoming.platform,
                external_id=incoming.user_id,
                display_name=incoming.display_name,
                now=now,
                for_update=True,  # across processes, the learner's door: see `_handle_once`
            )
            if not learner.active and not isinstance(incoming.event, PromptDue):
                # They wrote to us again, so they unblocked us: prompts may resume.
                await uow.learners.update(learner.id, active=True)
            event: Event | None = incoming.event
            replies: tuple[Reply, ...] = ()
            command = self._teaching.wants(incoming.event)
            if command is not None:
                handled = await self._teaching.handle(uow, learner, command, now=now)
                event, replies = handled.then, handled.replies
            if event is not None:
                outcome = await self.run_step(
                    uow, learner, event, now=now, rng=self._rng_for(incoming)
                )
                replies = (*replies, *outcome.replies)
        return replies

    async def run_step(
        self,
        uow: UnitOfWork,
        learner: Learner,
        event: Event,
        *,
        now: datetime,
        rng: random.Random,
    ) -> Outcome:
        """Inside the caller's unit of work, the learner's row already locked by the caller
        (`learners.get`/`get_or_create` with `for_update`): load the state, run the pure
        step, save the state (compare-and-swap on its version) and its records."""
        state, version = await self._load(uow, learner)
        outcome = step(self._tutor, state, event, now=now, rng=rng)
        await uow.states.save(
            learner.id, outcome.state.to_json(), expected_version=version, now=now
        )
        await save_records(uow, learner.id, outcome.records, now=now)
        return outcome

    async def preview(
        self, uow: UnitOfWork, learner: Learner, event: Event, *, now: datetime
    ) -> Outcome:
        """What `event` would do to the learner now, saving nothing (for operators)."""
        state, _version = await self._load(uow, learner)
        return step(self._tutor, state, event, now=now, rng=random.Random(learner.id))

    def lock(self, learner: Learner) -> AbstractAsyncContextManager[None]:
        """The learner's in-process lock, shared by messages and scheduled prompts."""
        return self._locks.hold((learner.platform, learner.external_id))

    def rng(self, incoming: Incoming) -> random.Random:
        return self._rng_for(incoming)

    def now(self) -> datetime:
        return self._clock()

    async def _load(self, uow: UnitOfWork, learner: Learner) -> tuple[LearnerState, int]:
        """The learner's saved state (and its version), with the profile kept on the learner
        row (name, zone, daily time) laid over it."""
        state, version = await self._saved(uow, learner.id)
        daily = learner.daily_prompt_time
        profile = replace(
            state,
            display_name=learner.display_name,
            timezone=learner.time_zone,
            daily_time=daily.strftime("%H:%M") if daily else None,
        )
        return profile, version

    async def _saved(self, uow: UnitOfWork, learner_id: int) -> tuple[LearnerState, int]:
        stored = await uow.states.load(learner_id)
        if stored is None:
            return LearnerState(), 0
        try:
            return LearnerState.from_json(stored.state), stored.version
        except StateError:
            # Unreadable state must not lock a learner out: start the dialog afresh; their
            # answers, cards and days are kept in their own tables.
            log.exception("learner %s: unreadable state; starting afresh", learner_id)
            return LearnerState(started=True), stored.version
