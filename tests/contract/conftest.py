"""Contract fixtures: every store test runs on SQLite (a temporary file), on in-memory SQLite
(what service tests may use) and on PostgreSQL (a fresh database per test: see
tests/support/pg_databases.py)."""

from __future__ import annotations

from collections.abc import AsyncIterator, Awaitable, Callable, Iterator

import pytest
from pg_databases import fresh_database, reachable_server
from sqlalchemy.engine import URL
from store_values import IN_MEMORY, NOW

from clio.core.records import Learner
from clio.store import SqlStore, open_store


@pytest.fixture(scope="session")
def postgres_server() -> URL:
    return reachable_server()


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
    with fresh_database(server) as url:
        yield url


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
