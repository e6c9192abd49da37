"""The tutoring service: lock the learner, load state, run the core step, save, reply."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, replace
from datetime import datetime

from clio.core.engine import step
from clio.core.errors import ConcurrentUpdate
from clio.core.messages import Event, PromptDue, Reply
from clio.core.outcome import Outcome, Record
from clio.core.records import Learner, StateChange, StoredState
from clio.core.state import LearnerState, StateError
from clio.core.tutor import Tutor
from clio.service.group_commit import GroupCommit
from clio.service.locks import LearnerLocks
from clio.service.ports import Store, UnitOfWork
from clio.service.recording import save_records
from clio.service.teaching import HANDLERS, Teaching

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
        # Class commands need look-ups the pure core cannot make: they are handled here,
        # inside the same lock, unit of work and update claim as every other event.
        self._tutor = tutor.with_service_commands(HANDLERS)
        self._teaching = Teaching(tutor=self._tutor, bot_username=bot_username)
        self._store = store
        self._clock = clock
        self._rng_for = rng_for or (lambda _incoming: random.Random())
        self._locks = LearnerLocks()
        self._groups = GroupCommit(self._handle_group)

    @property
    def tutor(self) -> Tutor:
        return self._tutor

    @property
    def store(self) -> Store:
        return self._store

    async def close(self) -> None:
        await self._store.close()

    async def handle(self, incoming: Incoming) -> tuple[Reply, ...]:
        """Handle one event exactly once; returns the replies to send (none for a repeat).
        Under load, events of different learners are handled together (see `_handle_group`)."""
        async with self._locks.hold((incoming.platform, incoming.user_id)):
            # Holding the learner's lock while queued: a group never has two of their events.
            return await self._groups.submit(incoming)

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

    async def _handle_group(self, group: Sequence[Incoming]) -> list[tuple[Reply, ...] | Exception]:
        """Several learners' events in one unit of work; if that fails (one learner's state
        moved, a deadlock, a bug that one event trips), each is handled again on its own, so
        that one event's failure is only that event's."""
        if len(group) > 1:
            try:
                return list(await self._handle_once(group))
            except Exception as error:
                log.warning(
                    "%d events together failed (%r); handling each alone", len(group), error
                )
        results: list[tuple[Reply, ...] | Exception] = []
        for incoming in group:
            try:
                results.append(await self._handle_alone(incoming))
            except Exception as error:
                results.append(error)
        return results

    async def _handle_alone(self, incoming: Incoming) -> tuple[Reply, ...]:
        for attempt in range(1, CAS_RETRIES + 1):
            try:
                (replies,) = await self._handle_once([incoming])
                return replies
            except ConcurrentUpdate:
                log.info("state moved under update %s; retry %d", incoming.update_id, attempt)
        raise ConcurrentUpdate(f"gave up on update {incoming.update_id} after {CAS_RETRIES}")

    async def _handle_once(self, group: Sequence[Incoming]) -> list[tuple[Reply, ...]]:
        """One try at the events of `group` (each of another learner) in one unit of work,
        each kind of statement once for all of them where it can be. The learners' rows are
        locked as they are read: another process handling them (a message, a prompt) is
        waited for, and what it committed is what this one reads, profile and state alike."""
        now = self._clock()
        replies: dict[int, tuple[Reply, ...]] = {}
        async with self._store.unit_of_work() as uow:
            fresh = await _claim(uow, group, now=now)
            learners = await _learners(uow, fresh, now=now)
            commands = [self._teaching.wants(incoming.event) for incoming in fresh]
            # A teaching command may read or change its learner's state: loaded after it.
            plain = zip(learners, commands, strict=True)
            stored = await uow.states.load_many([who.id for who, wants in plain if wants is None])
            changes: list[StateChange] = []
            recorded: list[tuple[int, tuple[Record, ...]]] = []
            for incoming, learner, command in zip(fresh, learners, commands, strict=True):
                if not learner.active and not isinstance(incoming.event, PromptDue):
                    # They wrote to us again, so they unblocked us: prompts may resume.
                    await uow.learners.update(learner.id, active=True)
                event: Event | None = incoming.event
                said: tuple[Reply, ...] = ()
                if command is not None:
                    handled = await self._teaching.handle(uow, learner, command, now=now)
                    event, said = handled.then, handled.replies
                if event is not None:
                    saved = (
                        stored.get(learner.id)
                        if command is None
                        else await uow.states.load(learner.id)
                    )
                    state, version = self._profiled(learner, saved)
                    outcome = step(self._tutor, state, event, now=now, rng=self._rng_for(incoming))
                    changes.append(StateChange(learner.id, outcome.state.to_json(), version))
                    recorded.append((learner.id, outcome.records))
                    said = (*said, *outcome.replies)
                replies[id(incoming)] = said
            await uow.states.save_many(changes, now=now)
            await save_records(uow, recorded, now=now)
        return [replies.get(id(incoming), ()) for incoming in group]

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
        await save_records(uow, [(learner.id, outcome.records)], now=now)
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
        return self._profiled(learner, await uow.states.load(learner.id))

    def _profiled(self, learner: Learner, stored: StoredState | None) -> tuple[LearnerState, int]:
        """The learner's saved state (and its version), with the profile kept on the learner
        row (name, zone, daily time) laid over it."""
        state, version = _state_of(learner.id, stored)
        daily = learner.daily_prompt_time
        profile = replace(
            state,
            display_name=learner.display_name,
            timezone=learner.time_zone,
            daily_time=daily.strftime("%H:%M") if daily else None,
        )
        return profile, version


def _state_of(learner_id: int, stored: StoredState | None) -> tuple[LearnerState, int]:
    if stored is None:
        return LearnerState(), 0
    try:
        return LearnerState.from_json(stored.state), stored.version
    except StateError:
        # Unreadable state must not lock a learner out: start the dialog afresh; their
        # answers, cards and days are kept in their own tables.
        log.exception("learner %s: unreadable state; starting afresh", learner_id)
        return LearnerState(started=True), stored.version


async def _claim(uow: UnitOfWork, group: Sequence[Incoming], *, now: datetime) -> list[Incoming]:
    """The events of `group` not handled before (claiming their update ids), in order."""
    claimed: dict[str, set[str]] = {}
    for platform in {incoming.platform for incoming in group}:
        ids = [i.update_id for i in group if i.platform == platform and i.update_id is not None]
        claimed[platform] = await uow.updates.claim_many(platform, ids, now=now)
    fresh = []
    for incoming in group:
        if incoming.update_id is None or str(incoming.update_id) in claimed[incoming.platform]:
            fresh.append(incoming)
        else:
            log.info("update %s already handled", incoming.update_id)
    return fresh


async def _learners(uow: UnitOfWork, group: Sequence[Incoming], *, now: datetime) -> list[Learner]:
    """Each event's learner, created on first contact, their rows locked (see `_handle_once`)."""
    found: dict[tuple[str, str], Learner] = {}
    for platform in {incoming.platform for incoming in group}:
        ids = [incoming.user_id for incoming in group if incoming.platform == platform]
        known = await uow.learners.find_many(platform=platform, external_ids=ids, for_update=True)
        found.update(((platform, user_id), learner) for user_id, learner in known.items())
    learners = []
    for incoming in group:
        learner = found.get((incoming.platform, incoming.user_id))
        if learner is None:
            learner = await uow.learners.get_or_create(
                platform=incoming.platform,
                external_id=incoming.user_id,
                display_name=incoming.display_name,
                now=now,
                for_update=True,
            )
        learners.append(learner)
    return learners
