"""Daily prompts through the service and the store, on SQLite and PostgreSQL, with an
injected clock: once a local day, one catch-up after downtime, daylight saving, failures."""

from __future__ import annotations

import asyncio
import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from clio.core.messages import CommandMessage, Reply
from clio.core.records import Learner
from clio.service.prompts import Delivery, PromptTicker
from clio.service.tutoring import Incoming, TutorService
from clio.store.store import SqlStore
from tutor_samples import make_tutor

START = datetime(2026, 3, 27, 8, 0, tzinfo=UTC)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


class Outbox:
    """A sender that records what it sends and can be told to fail."""

    def __init__(self) -> None:
        self.sent: list[tuple[str, Reply]] = []
        self.next_result = Delivery.SENT

    async def send(self, learner: Learner, replies: tuple[Reply, ...]) -> Delivery:
        if self.next_result is not Delivery.SENT:
            return self.next_result
        self.sent.extend((learner.external_id, reply) for reply in replies)
        return Delivery.SENT


def setup(store: SqlStore, clock: Clock) -> tuple[TutorService, PromptTicker, Outbox]:
    service = TutorService(
        tutor=make_tutor(), store=store, clock=clock, rng_for=lambda _i: random.Random(1)
    )
    outbox = Outbox()
    return service, PromptTicker(service=service, store=store, send=outbox.send), outbox


async def command(service: TutorService, user: str, name: str, argument: str) -> None:
    await service.handle(Incoming("test", user, user, CommandMessage(name, argument)))


async def test_a_prompt_comes_in_its_minute_and_once_a_day(store: SqlStore) -> None:
    clock = Clock(START)
    service, ticker, outbox = setup(store, clock)
    await command(service, "ada", "timezone", "UTC")
    await command(service, "ada", "daily", "08:01")
    assert await ticker.tick() == {}
    clock.now = START + timedelta(minutes=1)
    assert await ticker.tick() == {Delivery.SENT: 1}
    assert "Today's history fact" in outbox.sent[0][1].text
    assert await ticker.tick() == {}
    clock.now += timedelta(hours=23, minutes=59)
    assert await ticker.tick() == {}
    clock.now += timedelta(minutes=1)
    assert await ticker.tick() == {Delivery.SENT: 1}
    assert len(outbox.sent) == 2


async def test_after_downtime_one_catch_up_prompt(store: SqlStore) -> None:
    clock = Clock(START)
    service, ticker, _outbox = setup(store, clock)
    await command(service, "ada", "daily", "09:00")
    clock.now = START + timedelta(days=3, hours=5)  # three prompts were missed
    assert await ticker.tick() == {Delivery.SENT: 1}
    assert await ticker.tick() == {}
    async with store.unit_of_work() as uow:
        [learner] = [x for x in await uow.learners.active() if x.external_id == "ada"]
    assert learner.next_prompt_at == datetime(2026, 3, 31, 9, 0, tzinfo=UTC)


async def test_local_time_across_daylight_saving(store: SqlStore) -> None:
    clock = Clock(START)
    service, ticker, _outbox = setup(store, clock)
    await command(service, "ada", "timezone", "Europe/Paris")
    await command(service, "ada", "daily", "18:30")
    sent_at = []
    for _ in range(4 * 24 * 4):  # four days, a tick every 15 minutes
        clock.now += timedelta(minutes=15)
        if await ticker.tick():
            sent_at.append(clock.now)
    # Paris moves from +1 to +2 on 2026-03-29: 18:30 local is 17:30 UTC, then 16:30 UTC.
    assert [t.strftime("%d %H:%M") for t in sent_at] == [
        "27 17:30",
        "28 17:30",
        "29 16:30",
        "30 16:30",
    ]


async def test_a_blocked_learner_is_unsubscribed(store: SqlStore) -> None:
    clock = Clock(START)
    service, ticker, outbox = setup(store, clock)
    await command(service, "ada", "daily", "08:30")
    clock.now = START + timedelta(minutes=30)
    outbox.next_result = Delivery.BLOCKED
    assert await ticker.tick() == {Delivery.BLOCKED: 1}
    outbox.next_result = Delivery.SENT
    clock.now += timedelta(days=1)
    assert await ticker.tick() == {}
    async with store.unit_of_work() as uow:
        assert all(x.external_id != "ada" for x in await uow.learners.active())


async def test_a_failed_send_is_retried_with_back_off_and_sent_once(store: SqlStore) -> None:
    clock = Clock(START)
    service, ticker, outbox = setup(store, clock)
    await command(service, "ada", "daily", "08:30")
    clock.now = START + timedelta(minutes=30)
    outbox.next_result = Delivery.FAILED
    assert await ticker.tick() == {Delivery.FAILED: 1}
    outbox.next_result = Delivery.SENT
    clock.now += timedelta(seconds=30)
    assert await ticker.tick() == {}  # backing off
    clock.now += timedelta(seconds=31)
    assert await ticker.tick() == {Delivery.SENT: 1}
    assert await ticker.tick() == {}
    assert len(outbox.sent) == 1 and "Today's history fact" in outbox.sent[0][1].text


async def test_a_slow_send_does_not_hold_up_other_learners(store: SqlStore) -> None:
    clock = Clock(START)
    service, _ticker, outbox = setup(store, clock)
    release = asyncio.Event()

    async def slow_send(learner: Learner, replies: tuple[Reply, ...]) -> Delivery:
        await release.wait()
        return await outbox.send(learner, replies)

    ticker = PromptTicker(service=service, store=store, send=slow_send)
    await command(service, "ada", "daily", "08:30")
    clock.now = START + timedelta(minutes=30)
    sending = asyncio.create_task(ticker.tick())
    await asyncio.sleep(0.2)  # the prompt is queued and its send is waiting
    chat = await asyncio.wait_for(
        service.handle(Incoming("test", "bob", "Bob", CommandMessage("help"))), timeout=10
    )
    assert chat and not sending.done()
    release.set()
    assert await sending == {Delivery.SENT: 1}


async def test_two_processes_prompt_each_learner_once(store: SqlStore) -> None:
    clock = Clock(START)
    first, first_ticker, outbox = setup(store, clock)
    second = TutorService(
        tutor=first.tutor, store=store, clock=clock, rng_for=lambda _i: random.Random(2)
    )
    second_ticker = PromptTicker(service=second, store=store, send=outbox.send)
    for user in ("ada", "bob", "cy"):
        await command(first, user, "daily", "08:05")
    clock.now = START + timedelta(minutes=5)
    results = await asyncio.gather(first_ticker.tick(), second_ticker.tick())
    assert sum(r[Delivery.SENT] for r in results) == 3
    assert sorted(user for user, _ in outbox.sent) == ["ada", "bob", "cy"]


@pytest.mark.parametrize("zone", ["Asia/Kolkata", "America/St_Johns", "Pacific/Auckland"])
async def test_zones_with_odd_offsets_on_both_sides(store: SqlStore, zone: str) -> None:
    clock = Clock(START)
    service, ticker, outbox = setup(store, clock)
    await command(service, "ada", "timezone", zone)
    await command(service, "ada", "daily", "07:00")
    for _ in range(2 * 24 * 12):
        clock.now += timedelta(minutes=5)
        if await ticker.tick():
            local = clock.now.astimezone(ZoneInfo(zone))
            assert (local.hour, local.minute) == (7, 0)
    assert len(outbox.sent) == 2


async def test_a_learner_who_changes_zone_keeps_their_local_time(store: SqlStore) -> None:
    clock = Clock(START)  # 08:00 UTC
    service, ticker, outbox = setup(store, clock)
    await command(service, "ada", "timezone", "UTC")
    await command(service, "ada", "daily", "09:00")
    clock.now = START + timedelta(hours=1)
    assert await ticker.tick() == {Delivery.SENT: 1}  # 09:00 UTC
    await command(service, "ada", "timezone", "Asia/Tokyo")  # 18:00 there now
    async with store.unit_of_work() as uow:
        [ada] = [x for x in await uow.learners.active() if x.external_id == "ada"]
    # The next prompt moves to 09:00 in Tokyo (00:00 UTC), not 09:00 UTC.
    assert ada.next_prompt_at == datetime(2026, 3, 28, 0, 0, tzinfo=UTC)
    clock.now = datetime(2026, 3, 28, 0, 0, tzinfo=UTC)
    assert await ticker.tick() == {Delivery.SENT: 1}
    assert len(outbox.sent) == 2
