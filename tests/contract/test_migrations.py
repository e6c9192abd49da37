"""Migrations: upgrade from empty, no drift from the models, downgrade to nothing."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import inspect
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine
from store_values import IN_MEMORY

from clio.store import migrate, open_store
from clio.store.engine import create_engine
from clio.store.models import Base
from clio.store.url import async_url

TABLES = {
    "learners",
    "dialog_states",
    "attempts",
    "cards",
    "review_logs",
    "lesson_positions",
    "active_days",
    "processed_updates",
    "outbox",
    "teachers",
    "classes",
    "class_members",
}


async def _tables(engine: AsyncEngine) -> set[str]:
    async with engine.connect() as connection:
        names = await connection.run_sync(lambda sync: inspect(sync).get_table_names())
    return set(names) - {"alembic_version"}


def _needs_a_lasting_database(url: str) -> None:
    if url == IN_MEMORY:
        pytest.skip("an in-memory database is private to its engine: nothing to share")


def _drift(connection: Connection) -> list[Any]:
    context = MigrationContext.configure(
        connection, opts={"compare_type": True, "compare_server_default": True}
    )
    return list(compare_metadata(context, Base.metadata))


async def test_upgrade_from_empty_then_no_drift_then_downgrade(database_url: str) -> None:
    engine = create_engine(async_url(database_url))
    try:
        assert await migrate.current_revision(engine) is None
        await migrate.upgrade(engine)
        assert await migrate.current_revision(engine) == migrate.head_revision()
        assert await _tables(engine) == TABLES
        async with engine.connect() as connection:
            assert await connection.run_sync(_drift) == []
        await migrate.downgrade(engine, "base")
        assert await _tables(engine) == set()
        assert await migrate.current_revision(engine) is None
    finally:
        await engine.dispose()


async def test_drift_check_can_fail(database_url: str) -> None:
    """The drift comparison sees a missing table, so an empty diff above means something."""
    engine = create_engine(async_url(database_url))
    try:
        await migrate.upgrade(engine)
        async with engine.begin() as connection:
            await connection.run_sync(lambda sync: Base.metadata.tables["active_days"].drop(sync))
            drift = await connection.run_sync(_drift)
        assert [entry[0] for entry in drift] == ["add_table"]
    finally:
        await engine.dispose()


async def test_open_store_creates_and_upgrades_a_fresh_database_once(database_url: str) -> None:
    _needs_a_lasting_database(database_url)
    first = await open_store(database_url)
    try:
        assert await migrate.current_revision(first.engine) == migrate.head_revision()
    finally:
        await first.close()
    second = await open_store(database_url)  # already at head: opens without migrating
    try:
        assert await _tables(second.engine) == TABLES
    finally:
        await second.close()


async def test_two_processes_opening_a_fresh_database_at_once(database_url: str) -> None:
    """Both see an empty database and upgrade; the migration lock makes the second wait and
    then find the schema at head, instead of failing on tables that now exist."""
    _needs_a_lasting_database(database_url)
    both = asyncio.gather(open_store(database_url), open_store(database_url))
    stores = await asyncio.wait_for(both, timeout=60)  # without the lock: a failure or a hang
    try:
        for store in stores:
            assert await migrate.current_revision(store.engine) == migrate.head_revision()
    finally:
        for store in stores:
            await store.close()
