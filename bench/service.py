"""Events per second through the tutoring service on SQLite and PostgreSQL, against the pure
core step alone (same events, no storage) in the same run; memory and disk per 10,000 learners.

Run: .venv/bin/python bench/service.py [--learners 200] [--events 20] [--concurrency 50]
     [--repeats 3] [--postgres postgresql://postgres@127.0.0.1:5432/test]

Every simulated learner sends /start, picks the topic, then a realistic mix: answers (70%
right, typed or pressed), quick questions mid-quiz, /hint, /progress, and /review or /lesson
when nothing is pending. `--concurrency` learners are active at once (each one's events in
order, as a chat would send them). PostgreSQL gets a fresh, randomly named database per
repeat, dropped afterwards; it is skipped (and said so) when the server is unreachable.
Medians over the repeats; ends with one line `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import resource
import secrets
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

import asyncpg
from sqlalchemy.engine import make_url

from clio.bootstrap import build_service
from clio.content import build_tutor
from clio.core.engine import step
from clio.core.messages import ChoicePressed, CommandMessage, Event, Reply, TextMessage
from clio.core.payloads import AnswerPayload, decode
from clio.core.quiz import question_reply
from clio.core.state import LearnerState
from clio.core.tutor import Tutor
from clio.service.tutoring import Incoming
from clio.settings import Settings

REPO = Path(__file__).resolve().parents[1]
T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
QUICK = ["who was palmerston?", "When was the Treaty of Paris signed?", "what did Russia lose?"]
Handle = Callable[[int, Event], Awaitable[tuple[Reply, ...]]]


@dataclass
class Driver:
    """One simulated learner: picks the next event from the replies it last got."""

    tutor: Tutor
    prompts: dict[str, str]  # question text as shown -> answer
    rng: random.Random
    last: tuple[Reply, ...] = ()
    sent: int = 0
    kinds: dict[str, int] = field(default_factory=dict)

    def next_event(self) -> Event:
        self.sent += 1
        if self.sent == 1:
            return self._count("start", CommandMessage("start"))
        choices = [c for reply in self.last for c in reply.choices]
        if self.sent == 2 and choices:
            return self._count("topic", ChoicePressed(choices[0].payload))
        answer = self._pending_answer()
        if answer is None:
            name = self.rng.choice(["review", "lesson"])
            return self._count(name, CommandMessage(name))
        roll = self.rng.random()
        if roll < 0.12:
            return self._count("quick_question", TextMessage(self.rng.choice(QUICK)))
        if roll < 0.17:
            return self._count("progress", CommandMessage("progress"))
        if roll < 0.22:
            return self._count("hint", CommandMessage("hint"))
        right = self.rng.random() < 0.7
        pressed = [c for c in choices if isinstance(decode(c.payload), AnswerPayload)]
        if pressed and self.rng.random() < 0.5:
            wanted = [c for c in pressed if (c.label == answer) == right] or pressed
            return self._count("answer_pressed", ChoicePressed(self.rng.choice(wanted).payload))
        return self._count("answer_typed", TextMessage(answer if right else "Vienna"))

    def _pending_answer(self) -> str | None:
        for reply in reversed(self.last):
            if reply.text in self.prompts:
                return self.prompts[reply.text]
        return None

    def _count(self, kind: str, event: Event) -> Event:
        self.kinds[kind] = self.kinds.get(kind, 0) + 1
        return event


def prompt_map(tutor: Tutor) -> dict[str, str]:
    return {
        question_reply(tutor, q, q.choices).text: q.answer for q in tutor.questions_by_id.values()
    }


async def run_learners(
    tutor: Tutor, handle: Handle, *, learners: int, events: int, concurrency: int
) -> tuple[float, dict[str, int]]:
    """Seconds to run every learner's events, at most `concurrency` learners at once."""
    prompts = prompt_map(tutor)
    gate = asyncio.Semaphore(concurrency)
    kinds: dict[str, int] = {}

    async def learner(index: int) -> None:
        async with gate:
            driver = Driver(tutor, prompts, random.Random(index))
            for _ in range(events):
                driver.last = await handle(index, driver.next_event())
            for kind, count in driver.kinds.items():
                kinds[kind] = kinds.get(kind, 0) + count

    started = time.perf_counter()
    await asyncio.gather(*(learner(i) for i in range(learners)))
    return time.perf_counter() - started, kinds


def core_only(tutor: Tutor) -> tuple[Handle, dict[int, LearnerState]]:
    """The baseline: the same step on states kept in a dict (JSON round trip included,
    as the service saves JSON), with no database."""
    states: dict[int, LearnerState] = {}
    counter = iter(range(10**9))

    async def handle(index: int, event: Event) -> tuple[Reply, ...]:
        n = next(counter)
        state = LearnerState.from_json(states[index].to_json()) if index in states else None
        outcome = step(
            tutor,
            state or LearnerState(),
            event,
            now=T0 + timedelta(seconds=20 * n),
            rng=random.Random(n),
        )
        states[index] = outcome.state
        return outcome.replies

    return handle, states


async def service_run(
    tutor: Tutor, url: str, args: argparse.Namespace, *, learners: int
) -> dict[str, float]:
    """The service on `url` (created and upgraded on open); every event claims an update id,
    as Telegram's would. `learners=0` only opens the store (to measure an empty one)."""
    settings = Settings(REPO / "seeds", REPO / "dialogs", Path(args.cache), Path(args.cache), url)
    ticks = iter(range(10**9))
    service = await build_service(
        settings,
        tutor=tutor,
        clock=lambda: T0 + timedelta(seconds=20 * next(ticks)),
        rng_for=lambda incoming: random.Random(f"{incoming.user_id}:{incoming.update_id}"),
    )
    updates = iter(range(10**9))
    latencies: list[float] = []

    async def handle(index: int, event: Event) -> tuple[Reply, ...]:
        started = time.perf_counter()
        replies = await service.handle(
            Incoming("bench", str(index), f"L{index}", event, next(updates))
        )
        latencies.append(time.perf_counter() - started)
        return replies

    try:
        seconds, _ = await run_learners(
            tutor, handle, learners=learners, events=args.events, concurrency=args.concurrency
        )
    finally:
        await service.close()
    if not learners:
        return {}
    latencies.sort()
    return {
        "events_per_s": learners * args.events / seconds,
        "p50_ms": 1000 * latencies[len(latencies) // 2],
        "p99_ms": 1000 * latencies[int(len(latencies) * 0.99)],
    }


class Postgres:
    """A fresh, randomly named database on the server; measured, then dropped."""

    def __init__(self, server: str) -> None:
        admin = make_url(server).set(drivername="postgresql")
        self.name = f"clio_bench_{secrets.token_hex(4)}"
        self._dsn = admin.render_as_string(hide_password=False)
        self.url = admin.set(database=self.name).render_as_string(hide_password=False)

    async def _run(self, query: str, *args: object) -> object:
        connection = await asyncpg.connect(self._dsn, timeout=5)
        try:
            return await connection.fetchval(query, *args)
        finally:
            await connection.close()

    async def create(self) -> None:
        await self._run(f'CREATE DATABASE "{self.name}"')

    async def size(self) -> int:
        return int(str(await self._run("SELECT pg_database_size($1)", self.name)))

    async def drop(self) -> None:
        await self._run(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


async def reachable(server: str) -> bool:
    try:
        await Postgres(server)._run("SELECT 1")
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        print(f"PostgreSQL at {server} unreachable ({error}): skipped", file=sys.stderr)
        return False
    return True


def sqlite_size(folder: Path) -> int:
    return sum(path.stat().st_size for path in folder.glob("clio.db*"))


async def sqlite_repeat(tutor: Tutor, args: argparse.Namespace) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/clio.db"
        empty = await service_run(tutor, url, args, learners=0)
        empty_size = sqlite_size(Path(folder))
        figures = await service_run(tutor, url, args, learners=args.learners)
        figures["bytes_per_learner"] = (sqlite_size(Path(folder)) - empty_size) / args.learners
        del empty
    return figures


async def postgres_repeat(tutor: Tutor, args: argparse.Namespace) -> dict[str, float]:
    database = Postgres(args.postgres)
    await database.create()
    try:
        await service_run(tutor, database.url, args, learners=0)  # migrate only
        empty_size = await database.size()
        figures = await service_run(tutor, database.url, args, learners=args.learners)
        figures["bytes_per_learner"] = (await database.size() - empty_size) / args.learners
    finally:
        await database.drop()
    return figures


def memory_per_10k(states: dict[int, LearnerState]) -> dict[str, float]:
    """10,000 learner states in memory (copies of the run's states, decoded from their JSON
    as the service loads them), and the JSON the store keeps for them."""
    sample = [state.to_json() for state in states.values()]
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    held = [LearnerState.from_json(sample[i % len(sample)]) for i in range(10_000)]
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    json_bytes = statistics.mean(len(json.dumps(data)) for data in sample)
    assert len(held) == 10_000
    return {
        "state_mib_per_10k": round((after - before) / 2**20, 2),
        "state_json_mib_per_10k": round(json_bytes * 10_000 / 2**20, 2),
    }


def median_of(runs: list[dict[str, float]], key: str) -> float:
    return round(statistics.median(run[key] for run in runs), 2)


async def main_async(args: argparse.Namespace) -> dict[str, object]:
    settings = Settings(REPO / "seeds", REPO / "dialogs", Path(args.cache), Path(args.cache))
    tutor = build_tutor(settings)
    events = args.learners * args.events
    core_runs, kinds, states = [], {}, {}
    for _ in range(args.repeats):
        handle, states = core_only(tutor)
        seconds, kinds = await run_learners(
            tutor, handle, learners=args.learners, events=args.events, concurrency=args.concurrency
        )
        core_runs.append({"events_per_s": events / seconds})
    result: dict[str, object] = {
        "learners": args.learners,
        "events_per_learner": args.events,
        "concurrency": args.concurrency,
        "repeats": args.repeats,
        "event_mix": dict(sorted(kinds.items())),
        "core_events_per_s": median_of(core_runs, "events_per_s"),
        **memory_per_10k(states),
    }
    backends = {"sqlite": sqlite_repeat} if "sqlite" in args.backends else {}
    if "postgresql" in args.backends and args.postgres and await reachable(args.postgres):
        backends["postgresql"] = postgres_repeat
    for name, repeat in backends.items():
        runs = [await repeat(tutor, args) for _ in range(args.repeats)]
        per_s = median_of(runs, "events_per_s")
        result[f"{name}_events_per_s"] = per_s
        result[f"{name}_p50_ms"] = median_of(runs, "p50_ms")
        result[f"{name}_p99_ms"] = median_of(runs, "p99_ms")
        result[f"{name}_vs_core"] = round(per_s / float(str(result["core_events_per_s"])), 4)
        result[f"{name}_db_mib_per_10k"] = round(
            median_of(runs, "bytes_per_learner") * 10_000 / 2**20, 1
        )
    # The service keeps no state between events (a lock per learner only while one is
    # handled), so the process's peak is the fact base, the engine and the events in flight.
    result["process_peak_rss_mib"] = round(
        resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1
    )
    return result


def report(result: dict[str, object]) -> None:
    print(f"event mix: {result['event_mix']}")
    print(f"core step alone (no storage): {result['core_events_per_s']} events/s")
    for name in ("sqlite", "postgresql"):
        if f"{name}_events_per_s" in result:
            print(
                f"{name}: {result[f'{name}_events_per_s']} events/s "
                f"({result[f'{name}_vs_core']}x the core), p50 {result[f'{name}_p50_ms']} ms, "
                f"p99 {result[f'{name}_p99_ms']} ms, "
                f"{result[f'{name}_db_mib_per_10k']} MiB of database per 10,000 learners"
            )
    print(
        f"memory: {result['state_mib_per_10k']} MiB for 10,000 learner states "
        f"({result['state_json_mib_per_10k']} MiB as JSON); "
        f"process peak RSS {result['process_peak_rss_mib']} MiB"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--learners", type=int, default=200)
    parser.add_argument("--events", type=int, default=20, help="events per learner")
    parser.add_argument("--concurrency", type=int, default=50)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--postgres", default="postgresql://postgres@127.0.0.1:5432/test")
    parser.add_argument("--backends", default="sqlite,postgresql", type=lambda t: t.split(","))
    parser.add_argument("--cache", default=str(Path(tempfile.gettempdir()) / "clio-bench-cache"))
    args = parser.parse_args()
    result = asyncio.run(main_async(args))
    report(result)
    print("RESULT " + json.dumps(result, sort_keys=True))


if __name__ == "__main__":
    main()
