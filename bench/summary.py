"""Class summary speed on PostgreSQL: a class of 1,000 learners with 500,000 answers.

Run: .venv/bin/python bench/summary.py [--learners 1000] [--answers 500000] [--runs 7]

Makes a scratch database on the server at CLIO_TEST_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test; dropped at the end), upgrades it with Clio's
migrations, bulk-inserts (COPY) the class, its answers over 8 weeks on the real fact base's
questions, active days and lessons, plus a second class of the same size with a fifth as many
answers (so the class's rows must be found, not just read), then ANALYZEs. It times
`/summary`'s work (the store's aggregates plus the pure text) and the baseline of a plain
COUNT(*) over the class's answers, as medians of several runs in the same process; and the
export (CSV and PNG) once warm. Target: summary median <= 1 s.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import secrets
import statistics
import time
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta

import asyncpg
from sqlalchemy import text
from sqlalchemy.engine import make_url

from clio.content import build_tutor
from clio.core.records import ClassRoom
from clio.core.summaries import summary_text
from clio.core.tutor import Tutor
from clio.service.reporting import chart_reply, csv_reply, gather
from clio.settings import Settings
from clio.store import SqlStore, open_store
from clio.store.store import SqlUnitOfWork

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=UTC)
SERVER = os.environ.get("CLIO_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/test")


async def admin(statement: str) -> None:
    connection = await asyncpg.connect(SERVER)
    try:
        await connection.execute(statement)
    finally:
        await connection.close()


def attempts_for(
    tutor: Tutor, learners: range, count: int, rng: random.Random
) -> list[tuple[object, ...]]:
    """`count` answers spread over `learners` and 8 weeks; each learner has an ability."""
    questions = [q for q in tutor.facts.questions if q.fact_id in tutor.facts.facts_by_id]
    ability = {learner: rng.uniform(0.2, 0.95) for learner in learners}
    first = learners[0]
    rows = []
    for _ in range(count):
        learner = first + int(rng.paretovariate(1.2) * 7) % len(learners)  # some do far more
        question = rng.choice(questions)
        fact = tutor.facts.facts_by_id[question.fact_id]
        right = rng.random() < ability[learner]
        rows.append(
            (
                learner,
                question.id,
                fact.id,
                fact.topic_id,
                question.answer if right else "no idea",
                1.0 if right else 0.0,
                "correct" if right else "wrong",
                0,
                rng.uniform(2, 40),
                False,
                NOW - timedelta(minutes=rng.randrange(8 * 7 * 24 * 60)),
            )
        )
    return rows


async def populate(dsn: str, tutor: Tutor, learners: int, answers: int) -> None:
    rng = random.Random(2026)
    connection = await asyncpg.connect(dsn)
    try:
        total = 2 * learners + 1
        await connection.copy_records_to_table(
            "learners",
            records=[
                (i, "bench", str(i), f"Learner {i}", "UTC", True, NOW - timedelta(days=60))
                for i in range(1, total + 1)
            ],
            columns=[
                "id",
                "platform",
                "external_id",
                "display_name",
                "time_zone",
                "active",
                "created_at",
            ],
        )
        teacher = total
        await connection.copy_records_to_table(
            "classes",
            records=[
                (1, teacher, "Big class", "bigclass-code", NOW),
                (2, teacher, "Other class", "otherclass-code", NOW),
            ],
            columns=["id", "teacher_id", "name", "invite_code", "created_at"],
        )
        await connection.copy_records_to_table(
            "class_members",
            records=[(1 if i <= learners else 2, i, NOW) for i in range(1, 2 * learners + 1)],
            columns=["class_id", "learner_id", "joined_at"],
        )
        columns = [
            "learner_id",
            "question_id",
            "fact_id",
            "topic_id",
            "response",
            "score",
            "verdict",
            "hints_used",
            "response_seconds",
            "overridden",
            "answered_at",
        ]
        for members, count in (
            (range(1, learners + 1), answers),
            (range(learners + 1, 2 * learners + 1), answers // 5),
        ):
            await connection.copy_records_to_table(
                "attempts", records=attempts_for(tutor, members, count, rng), columns=columns
            )
        days = {
            (rng.randrange(1, 2 * learners + 1), (NOW - timedelta(days=rng.randrange(60))).date())
            for _ in range(30 * learners)
        }
        await connection.copy_records_to_table(
            "active_days", records=sorted(days), columns=["learner_id", "day"]
        )
        topics = [topic.id for topic in tutor.facts.topics]
        lessons = {(i, rng.choice(topics)) for i in range(1, 2 * learners + 1) for _ in range(3)}
        await connection.copy_records_to_table(
            "lesson_positions",
            records=[(i, topic, 5, rng.randrange(4), NOW) for i, topic in sorted(lessons)],
            columns=["learner_id", "topic_id", "position", "completed_lessons", "updated_at"],
        )
        await connection.execute("SELECT setval('learners_id_seq', $1)", total)
        await connection.execute("SELECT setval('classes_id_seq', 2)")
        await connection.execute("ANALYZE")
    finally:
        await connection.close()


async def median_of(runs: int, work: Callable[[], Awaitable[None]]) -> float:
    await work()  # warm: connections, statement caches, the buffer cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        await work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


async def part_medians(store: SqlStore, room: ClassRoom, runs: int) -> dict[str, float]:
    """Each of the summary's queries alone: where the time goes."""
    week_ago, since = NOW - timedelta(days=7), (NOW - timedelta(days=120)).date()
    calls = {
        "members": lambda uow: uow.classes.members(room.id),
        "activity": lambda uow: uow.reports.activity(room.id, recent_since=week_ago),
        "hardest": lambda uow: uow.reports.hardest(room.id, min_answers=3, limit=3),
        "lessons": lambda uow: uow.reports.lessons(room.id),
        "days": lambda uow: uow.reports.days(room.id, since=since),
    }
    medians = {}
    for name, call in calls.items():

        async def once(call: Callable[[SqlUnitOfWork], Awaitable[object]] = call) -> None:
            async with store.unit_of_work() as uow:
                await call(uow)

        medians[name] = round(await median_of(runs, once), 4)
    return medians


async def measure(store: SqlStore, tutor: Tutor, runs: int) -> dict[str, object]:
    async with store.unit_of_work() as uow:
        room = await uow.classes.get(1)
    assert room is not None
    summary_chars = 0

    async def summary() -> None:
        nonlocal summary_chars
        async with store.unit_of_work() as uow:
            data = await gather(uow, room, now=NOW)
        summary_chars = len(summary_text(tutor, data, now=NOW, zone_name="UTC"))

    async def baseline() -> None:
        async with store.engine.connect() as connection:
            await connection.execute(
                text(
                    "SELECT count(*) FROM attempts a JOIN class_members m"
                    " ON m.learner_id = a.learner_id WHERE m.class_id = 1"
                )
            )

    summary_s = await median_of(runs, summary)
    baseline_s = await median_of(runs, baseline)
    parts = await part_medians(store, room, runs)
    async with store.unit_of_work() as uow:
        data = await gather(uow, room, now=NOW)
    start = time.perf_counter()
    document = csv_reply(tutor, data, now=NOW, zone_name="UTC")
    image = chart_reply(tutor, data, now=NOW, zone_name="UTC")
    export_s = time.perf_counter() - start
    assert document.attachment and image.attachment
    return {
        "summary_median_s": round(summary_s, 4),
        "baseline_count_median_s": round(baseline_s, 4),
        "ratio_summary_over_count": round(summary_s / baseline_s, 2),
        "parts_median_s": parts,
        "export_render_s": round(export_s, 3),
        "csv_bytes": len(document.attachment.content),
        "png_bytes": len(image.attachment.content),
        "summary_chars": summary_chars,
        "members": len(data.members),
        "target_s": 1.0,
        "within_target": summary_s <= 1.0,
    }


async def run(args: argparse.Namespace) -> dict[str, object]:
    tutor = build_tutor(Settings.from_env())
    name = f"clio_bench_{secrets.token_hex(4)}"
    await admin(f'CREATE DATABASE "{name}"')
    dsn = make_url(SERVER).set(database=name).render_as_string(hide_password=False)
    try:
        store = await open_store(dsn)  # runs the migrations, indexes included
        try:
            start = time.perf_counter()
            await populate(dsn, tutor, args.learners, args.answers)
            print(f"populated in {time.perf_counter() - start:.1f} s")
            return await measure(store, tutor, args.runs)
        finally:
            await store.close()
    finally:
        await admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=1000)
    parser.add_argument("--answers", type=int, default=500_000)
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    result = {"learners": args.learners, "answers": args.answers, **asyncio.run(run(args))}
    print(
        f"class of {result['members']} learners, {args.answers} answers: summary median "
        f"{result['summary_median_s']} s; plain COUNT(*) median "
        f"{result['baseline_count_median_s']} s (ratio {result['ratio_summary_over_count']}); "
        f"export render {result['export_render_s']} s"
    )
    print(f"per query (median s): {result['parts_median_s']}")
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
