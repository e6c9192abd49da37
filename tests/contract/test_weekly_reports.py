"""The weekly report ticker: each teacher gets their classes' summaries once per local week,
at their day and time; a failed send is retried, a blocked teacher is no longer sent any."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from clio.core.messages import CommandMessage, Reply
from clio.core.records import Learner
from clio.service.prompts import Delivery
from clio.service.report_ticker import ReportTicker
from clio.service.tutoring import Incoming, TutorService
from clio.store import SqlStore
from tutor_samples import make_tutor

SUNDAY = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)  # T0 of the samples is a Sunday


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Outbox:
    def __init__(self) -> None:
        self.sent: list[tuple[Learner, tuple[Reply, ...]]] = []
        self.result = Delivery.SENT

    async def __call__(self, learner: Learner, replies: tuple[Reply, ...]) -> Delivery:
        if self.result is Delivery.SENT:
            self.sent.append((learner, replies))
        return self.result


async def setup(store: SqlStore) -> tuple[Clock, Outbox, ReportTicker, TutorService]:
    clock = Clock(SUNDAY)
    service = TutorService(
        tutor=make_tutor(), store=store, clock=clock, rng_for=lambda _: random.Random(1)
    )

    async def say(user: str, name: str, argument: str, update: int) -> None:
        await service.handle(Incoming("test", user, user, CommandMessage(name, argument), update))

    await say("tina", "timezone", "Europe/Paris", 1)
    await say("tina", "newclass", "Year 9", 2)  # default: Mondays 17:00, her time
    outbox = Outbox()
    return clock, outbox, ReportTicker(service=service, store=store, send=outbox), service


async def test_a_teacher_gets_one_report_a_week_at_their_local_time(store: SqlStore) -> None:
    clock, outbox, ticker, _ = await setup(store)
    assert await ticker.tick() == {}  # Sunday: not due
    clock.now = datetime(2026, 3, 2, 15, 59, tzinfo=UTC)  # Monday 16:59 in Paris
    assert await ticker.tick() == {}
    clock.now = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # Monday 17:00 in Paris
    assert await ticker.tick() == {Delivery.SENT: 1}
    ((teacher, replies),) = outbox.sent
    assert teacher.external_id == "tina"
    assert "weekly class report" in replies[0].text and "Year 9" in replies[1].text
    clock.now = datetime(2026, 3, 2, 18, 0, tzinfo=UTC)
    assert await ticker.tick() == {}  # once a week
    clock.now = datetime(2026, 3, 9, 16, 0, tzinfo=UTC)
    assert await ticker.tick() == {Delivery.SENT: 1}


async def test_a_failed_report_is_retried_and_a_blocked_teacher_stops(store: SqlStore) -> None:
    clock, outbox, ticker, _ = await setup(store)
    clock.now = datetime(2026, 3, 2, 16, 5, tzinfo=UTC)
    outbox.result = Delivery.FAILED
    assert await ticker.tick() == {Delivery.FAILED: 1}
    outbox.result = Delivery.BLOCKED
    assert await ticker.tick() == {}  # the failed send backs off a minute
    clock.now += timedelta(seconds=61)
    assert await ticker.tick() == {Delivery.BLOCKED: 1}
    outbox.result = Delivery.SENT
    clock.now = datetime(2026, 3, 9, 16, 5, tzinfo=UTC)
    assert await ticker.tick() == {} and outbox.sent == []


async def test_weekly_off_stops_reports(store: SqlStore) -> None:
    clock, outbox, ticker, service = await setup(store)
    await service.handle(Incoming("test", "tina", "tina", CommandMessage("weekly", "off"), 9))
    clock.now = datetime(2026, 3, 2, 16, 5, tzinfo=UTC)
    assert await ticker.tick() == {} and outbox.sent == []


async def test_a_teacher_who_moves_zone_gets_the_next_report_at_the_new_local_time(
    store: SqlStore,
) -> None:
    clock, outbox, ticker, service = await setup(store)  # Mondays 17:00, Paris
    await service.handle(
        Incoming("test", "tina", "tina", CommandMessage("timezone", "Asia/Tokyo"), 3)
    )
    clock.now = datetime(2026, 3, 2, 7, 59, tzinfo=UTC)  # Monday 16:59 in Tokyo
    assert await ticker.tick() == {}
    clock.now = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)  # Monday 17:00 in Tokyo
    assert await ticker.tick() == {Delivery.SENT: 1}
    clock.now = datetime(2026, 3, 2, 16, 0, tzinfo=UTC)  # 17:00 in Paris: not again
    assert await ticker.tick() == {}
    assert [teacher.time_zone for teacher, _replies in outbox.sent] == ["Asia/Tokyo"]
