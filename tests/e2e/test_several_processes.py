"""Two real `clio run` processes behind one webhook on one PostgreSQL database: a learner's
updates, handed to either process by a round-robin proxy (and the same update to both, as
when Telegram redelivers), apply once each and in order; and with both processes ticking,
nobody gets two daily prompts in one local day.

Telegram sends one chat's webhook updates one at a time, the next after the previous got
its 200; the test does the same per learner, with several learners at once."""

from __future__ import annotations

import asyncio
import os
import re
from collections import Counter
from collections.abc import AsyncIterator, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import asyncpg
import pytest
from clio_process import ClioProcess
from fakebot import FakeBotApi, FakeUser, Sent, free_port
from fakebot.updates import JsonDict, message, private_chat
from pg_databases import fresh_database, reachable_server

from clio.store import open_store

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.postgres

# Every reply is fixed by the learner's state, so the transcript says whether each update
# applied once and in order. /newclass makes a row each time it applies; /classes lists
# what the /newclass updates before it made; /daily leaves the last time given.
SCRIPT = (
    "/timezone UTC",
    "/daily 06:01",
    "/newclass Club A",
    "/daily 06:02",
    "/newclass Club B",
    "/classes",
    "/daily 06:03",
)
BOTH_AT_ONCE = 2  # "/newclass Club A" reaches both processes at the same moment
BOTH_IN_TURN = 4  # "/newclass Club B" is redelivered to the other after the first's 200


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cache")  # built by the first process, read by the rest


@pytest.fixture
def database() -> Iterator[str]:
    with fresh_database(reachable_server()) as url:
        yield url


@pytest.fixture
async def processes(
    api: FakeBotApi, database: str, cache_dir: Path, tmp_path: Path, request: pytest.FixtureRequest
) -> AsyncIterator[tuple[ClioProcess, ClioProcess]]:
    """Two `clio run` processes started at once on the fresh database (so they also race
    to create its schema), with the same token and no CLIO_WEBHOOK_SECRET, as behind a proxy:
    both must accept the secret of whichever `setWebhook` came last."""
    env = {
        **{name: value for name, value in os.environ.items() if name != "CLIO_WEBHOOK_SECRET"},
        "CLIO_TELEGRAM_TOKEN": api.token,
        "CLIO_TELEGRAM_API_URL": api.base_url,
        "CLIO_DATABASE_URL": database,
        "CLIO_SEEDS_DIR": str(ROOT / "seeds"),
        "CLIO_DIALOGS_DIR": str(ROOT / "dialogs"),
        "CLIO_CACHE_DIR": str(cache_dir),
        "CLIO_DATA_DIR": str(tmp_path),
    }
    extra = getattr(request, "param", ())
    pair = tuple(
        ClioProcess(env=env, port=free_port(), log=tmp_path / f"clio-{n}.log", extra=extra)
        for n in (1, 2)
    )
    try:
        await asyncio.gather(*(p.start() for p in pair))
        yield pair  # type: ignore[misc]
    finally:
        codes = await asyncio.gather(*(p.stop() for p in pair))
    assert codes == [0, 0], [p.output() for p in pair]


def telegram_secret(api: FakeBotApi) -> str:
    """What Telegram sends in each request: the secret the last `setWebhook` registered."""
    assert api.webhook is not None, "no process called setWebhook"
    return str(api.webhook["secret_token"])


def update_for(api: FakeBotApi, user: FakeUser, text: str) -> JsonDict:
    content = message(api.new_message_id(), user, private_chat(user), text=text)
    return {"update_id": api.new_update_id(), "message": content}


async def one_process(api: FakeBotApi, clio: ClioProcess, user: FakeUser) -> None:
    """The reference: the whole script through one process."""
    for text in SCRIPT:
        assert await clio.post(update_for(api, user, text), secret=telegram_secret(api)) == 200


async def round_robin(
    api: FakeBotApi, pair: tuple[ClioProcess, ClioProcess], user: FakeUser
) -> None:
    """The script, each update to the other process than the last, some to both."""
    secret = telegram_secret(api)
    for n, text in enumerate(SCRIPT):
        update = update_for(api, user, text)
        first, other = pair[(n + user.id) % 2], pair[(n + user.id + 1) % 2]
        if n == BOTH_AT_ONCE:
            statuses = await asyncio.gather(
                first.post(update, secret=secret), other.post(update, secret=secret)
            )
            assert statuses == [200, 200]
            continue
        assert await first.post(update, secret=secret) == 200
        if n == BOTH_IN_TURN:
            assert await other.post(update, secret=secret) == 200


# What differs between learners and runs by design: the clock, and class numbers (ids).
VARYING = (
    (re.compile(r"It's \d\d:\d\d there now"), "It's <now> there now"),
    (re.compile(r"\(number \d+\)"), "(number <n>)"),
    (re.compile(r"^\d+\. ", re.MULTILINE), "<n>. "),
)


def transcript(api: FakeBotApi, user: FakeUser, codes: list[str]) -> str:
    """What the learner's chat shows, with invitation codes (random) written as <code>."""
    shown = "\n".join(_shown(sent) for sent in api.sent.values() if sent.chat_id == user.id)
    for pattern, placeholder in (*VARYING, (re.compile("|".join(codes) or "(?!)"), "<code>")):
        shown = pattern.sub(placeholder, shown)
    return shown


def _shown(sent: Sent) -> str:
    return " | ".join([sent.text, *(label for label, _data in sent.buttons)])


async def rows(database: str, query: str, *args: object) -> list[asyncpg.Record]:
    connection = await asyncpg.connect(database)
    try:
        return list(await connection.fetch(query, *args))
    finally:
        await connection.close()


async def test_one_learners_updates_apply_once_and_in_order_across_two_processes(
    api: FakeBotApi, processes: tuple[ClioProcess, ClioProcess], database: str
) -> None:
    reference = FakeUser(900, "Ada", "Lovelace")
    learners = [FakeUser(901 + n, "Ada", "Lovelace") for n in range(6)]
    await asyncio.gather(
        one_process(api, processes[0], reference),
        *(round_robin(api, processes, learner) for learner in learners),
    )
    await api.settle(since=0, quiet=1.0)  # anything still being sent after the last 200

    codes = [r["invite_code"] for r in await rows(database, "SELECT invite_code FROM classes")]
    expected = transcript(api, reference, codes)
    assert "<n>. Club B: 0 learner(s), code <code>" in expected, expected
    for learner in learners:
        assert transcript(api, learner, codes) == expected, f"learner {learner.id}"

    per_teacher = await rows(
        database,
        "SELECT l.external_id, count(c.id) AS made, min(l.daily_prompt_time) AS daily "
        "FROM learners l LEFT JOIN classes c ON c.teacher_id = l.id GROUP BY l.external_id",
    )
    assert {(r["external_id"], r["made"], str(r["daily"])) for r in per_teacher} == {
        (str(user.id), 2, "06:03:00") for user in (reference, *learners)
    }
    claimed = await rows(database, "SELECT count(*) AS n FROM processed_updates")
    assert claimed[0]["n"] == len(SCRIPT) * (1 + len(learners))


def midday_zone(now: datetime) -> str:
    """A fixed-offset zone where it is about noon, so a local day cannot end mid-test."""
    offset = 12 - now.hour  # -11 .. +12 hours; Etc/GMT signs are POSIX-inverted
    return "Etc/GMT" + (f"-{offset}" if offset > 0 else f"+{-offset}" if offset < 0 else "")


async def make_due(database: str, users: list[FakeUser]) -> None:
    """Every learner's daily prompt due a minute ago, all in one commit, so both processes'
    tickers find the whole set due at the same moment."""
    now = datetime.now(UTC)
    zone = midday_zone(now)
    store = await open_store(database)
    try:
        async with store.unit_of_work() as uow:
            for user in users:
                learner = await uow.learners.get_or_create(
                    platform="telegram", external_id=str(user.id), display_name="Ada", now=now
                )
                local = (now - timedelta(minutes=1)).astimezone(ZoneInfo(zone))
                await uow.learners.update(
                    learner.id, time_zone=zone, daily_prompt_time=local.time().replace(second=0)
                )
                await uow.learners.schedule_prompt(learner.id, now - timedelta(minutes=1))
    finally:
        await store.close()


def ticks(log: str) -> Counter[str]:
    """What a process says its prompt ticks did, summed ("sent", "skipped": found due, but
    another process had prompted them first)."""
    total: Counter[str] = Counter()
    for line in re.findall(r"PromptTicker: (.*)", log):
        total.update({kind: int(n) for kind, n in re.findall(r"(\w+)=(\d+)", line)})
    return total


@pytest.mark.parametrize("processes", [("--tick", "0.2")], indirect=True)
async def test_two_processes_ticking_at_once_prompt_each_learner_once_a_day(
    api: FakeBotApi, processes: tuple[ClioProcess, ClioProcess], database: str
) -> None:
    # Enough learners that one process's queue pass outlasts the 0.2 s between the two
    # processes' ticks: with 40 a fast machine queued them all before the other ticked, no
    # race happened, and the assertion that one did failed (2 of 6 fresh-clone CI runs).
    users = [FakeUser(7000 + n, "Ada") for n in range(120)]
    await make_due(database, users)
    await api.wait_for(
        lambda: {s.chat_id for s in api.sent.values()} >= {u.id for u in users}, timeout=20
    )
    await asyncio.sleep(1.0)  # several more ticks of both processes: none may prompt again
    per_chat = Counter(s.chat_id for s in api.sent.values() if "Today's history fact" in s.text)
    assert per_chat == Counter({u.id: 1 for u in users})
    done = [ticks(p.output()) for p in processes]
    assert sum(d["sent"] for d in done) == len(users), done
    # The race happened: a process found learners due that the other one had prompted.
    # (Which one loses, and whether both do, depends on the scheduler: not asserted.)
    assert any(d["skipped"] for d in done), done
    claims = await rows(
        database, "SELECT count(*) AS n FROM processed_updates WHERE platform = 'daily-prompt'"
    )
    assert claims[0]["n"] == len(users)
