"""The composition root: builds the store and the service, on the tutor `content` loads."""

from __future__ import annotations

import gc
import random
from collections.abc import Callable
from datetime import UTC, datetime

from clio.content import build_tutor
from clio.core.tutor import Tutor
from clio.service.tutoring import Incoming, TutorService
from clio.settings import Settings
from clio.store.store import open_store


def freeze_startup_heap() -> None:
    """Take what start-up built (the fact base, the answerer's index, the flows: some 180,000
    objects that live as long as the process) out of the garbage collector's sight.

    Otherwise every full collection walks all of them again: in bench/telegram_throughput.py
    that was about 0.4 ms of CPU per update, a third of the adapter's own cost. What is
    frozen is still freed by reference counting; `clio run` calls this once it is built."""
    gc.collect()
    gc.freeze()


def utc_now() -> datetime:
    return datetime.now(UTC)


async def build_service(
    settings: Settings,
    *,
    tutor: Tutor | None = None,
    clock: Callable[[], datetime] = utc_now,
    rng_for: Callable[[Incoming], random.Random] | None = None,
) -> TutorService:
    """The service on the settings' database. Tests inject a fixed clock, a seeded random
    generator and a tutor built once; `clio chat` keeps the real clock and fresh chance."""
    store = await open_store(settings.database_url)
    return TutorService(
        tutor=tutor or build_tutor(settings),
        store=store,
        clock=clock,
        rng_for=rng_for,
        bot_username=settings.bot_username or None,
    )
