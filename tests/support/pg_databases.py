"""Throwaway PostgreSQL databases for tests: the server at CLIO_TEST_POSTGRES_URL (default
postgresql://postgres@127.0.0.1:5432/test, used only to create and drop them), and a fresh,
randomly named database per test, dropped afterwards, so runs never collide.

An unreachable server skips the test, except under CI (env CI set), where it fails: CI
must run the PostgreSQL tests."""

from __future__ import annotations

import asyncio
import os
import secrets
from collections.abc import Iterator
from contextlib import contextmanager

import asyncpg
import pytest
from sqlalchemy.engine import URL, make_url

DEFAULT_POSTGRES = "postgresql://postgres@127.0.0.1:5432/test"


def dsn(url: URL) -> str:
    """`url` as asyncpg (and Clio's CLIO_DATABASE_URL) take it, password included."""
    return url.set(drivername="postgresql").render_as_string(hide_password=False)


async def admin(url: URL, *statements: str) -> None:
    connection = await asyncpg.connect(dsn(url), timeout=5)
    try:
        for statement in statements:
            await connection.execute(statement)
    finally:
        await connection.close()


def reachable_server() -> URL:
    """The test server's URL; skips (or fails, under CI) when it does not answer."""
    url = make_url(os.environ.get("CLIO_TEST_POSTGRES_URL", DEFAULT_POSTGRES))
    try:
        asyncio.run(admin(url, "SELECT 1"))
    except (OSError, asyncpg.PostgresError, TimeoutError) as error:
        message = f"PostgreSQL at {url.render_as_string(hide_password=True)}: {error}"
        if os.environ.get("CI"):
            pytest.fail(f"{message} (CI must run the PostgreSQL tests)")
        pytest.skip(message)
    return url


@contextmanager
def fresh_database(server: URL) -> Iterator[str]:
    """The URL of a new empty database on `server`, dropped on exit."""
    name = f"clio_test_{os.getpid()}_{secrets.token_hex(4)}"
    asyncio.run(admin(server, f'CREATE DATABASE "{name}"'))
    try:
        yield dsn(server.set(database=name))
    finally:
        asyncio.run(admin(server, f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
