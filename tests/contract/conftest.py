"""Contract fixtures: every store test runs on SQLite (a temporary file), on in-memory SQLite
(what service tests may use) and on PostgreSQL (a fresh database per test, randomly named
and dropped afterwards, so runs never collide).

PostgreSQL is at CLIO_TEST_POSTGRES_URL (default postgresql://postgres@127.0.0.1:5432/test,
used only to create and drop the test databases). Unreachable, its tests are skipped, except
under CI (env CI set), where they fail: CI must run them."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import asyncpg
import pytest
from sqlalchemy.engine import URL, make_url
from store_values import IN_MEMORY, NOW

from clio.core.records import Learner
from clio.store import SqlStore, open_store

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


def _dsn(url: URL) -> str:
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


async def _admin(url: URL, *statements: str) -> None:
    connection = await asyncpg.connect(_dsn(url), timeout=5)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


@pytest.fixture(scope="session")
def postgres_server() -> URL:
    url = make_url(os.environ.get("CLIO_TEST_POSTGRES_URL", DEFAULT_POSTGRES))
    try:
        asyncio.run(_admin(url, "SELECT 1"))
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        message = f"PostgreSQL at {url.render_as_string(hide_password=True)}: {error}"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI must run the PostgreSQL contract tests)")
        pytest.skip(message)
    return url


@pytest.fixture(
    params=["sqlite", "sqlite-memory", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def database_url(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[str]:
    """A URL to a database that does not exist yet (SQLite) or is empty (PostgreSQL)."""
    if request.param == "sqlite-memory":
        yield IN_MEMORY  # lives as long as its engine: the service's test double
        return
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path_factory.mktemp('store') / 'clio.db'}"
        return
    server: URL = request.getfixturevalue("postgres_server")
    name = f"clio_test_{os.getpid()}_{secrets.token_hex(4)}"
    asyncio.run(_admin(server, f'CREATE DATABASE "{name}"'))
    try:
        yield _dsn(server.set(database=name))
    finally:
        asyncio.run(_admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[SqlStore]:
    opened = await open_store(database_url)
    try:
        yield opened
    finally:
        await opened.close()


@pytest.fixture
def make_learner(store: SqlStore) -> Callable[..., Awaitable[Learner]]:
    """Makes learners, each committed in a unit of work of its own."""

    async def make(external_id: str = "1001") -> Learner:
        async with store.unit_of_work() as uow:
            return await uow.learners.get_or_create(
                platform="telegram", external_id=external_id, display_name="Ada", now=NOW
            )

    return make


@pytest.fixture
async def learner(make_learner: Callable[..., Awaitable[Learner]]) -> Learner:
    return await make_learner()
