"""Async engines for SQLite and PostgreSQL, set up so a unit of work is one real transaction.

SQLite has one writer at a time. Python's sqlite3 module would otherwise start transactions
lazily and deferred, so two processes could both read a learner's state and then collide
with "database is locked" when one tries to write. Every SQLite transaction here begins with
`BEGIN IMMEDIATE` instead: it takes the database's write lock at once (waiting up to
`SQLITE_BUSY_SECONDS` for it), which serialises units of work across processes; this is how
per-learner serialisation holds on SQLite, where `SELECT ... FOR UPDATE` does not exist."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import URL, Connection
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import StaticPool

from clio.store.url import sqlite_file

SQLITE_BUSY_SECONDS = 30.0
_WAL_RETRY_SECONDS = 0.005  # between tries to switch a new database to WAL


def create_engine(url: URL) -> AsyncEngine:
    """An engine for an async URL (see `clio.store.url.async_url`)."""
    if url.get_backend_name() != "sqlite":
        return create_async_engine(url, pool_pre_ping=True)
    if sqlite_file(url) is None:
        # In-memory: one connection shared by all, or each would see its own empty database.
        engine = create_async_engine(
            url, poolclass=StaticPool, connect_args={"check_same_thread": False}
        )
    else:
        engine = create_async_engine(url, connect_args={"timeout": SQLITE_BUSY_SECONDS})
    event.listen(engine.sync_engine, "connect", _sqlite_connect)
    event.listen(engine.sync_engine, "begin", _sqlite_begin)
    return engine


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Hand transaction control to SQLAlchemy's "begin" event (the SQLAlchemy docs' recipe).
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys = ON")  # SQLite ignores foreign keys unless asked
    # Write-ahead log, synced at checkpoints: a commit survives the process being killed
    # (not a power cut, for the last few), and bench/service.py measured 1.9x the events per
    # second of the default rollback journal, which syncs every commit. In-memory ignores it.
    use_write_ahead_log(cursor)
    cursor.execute("PRAGMA synchronous = NORMAL")
    cursor.close()


def use_write_ahead_log(cursor: Any, *, patience: float = SQLITE_BUSY_SECONDS) -> None:
    """Switch the database to WAL. A new database's first switch needs an exclusive lock,
    and when two connections (two processes opening a fresh database) switch at once, SQLite
    answers "database is locked" at once, without waiting out the busy timeout (it would
    deadlock otherwise). So it is tried again, briefly, until `patience` runs out."""
    deadline = time.monotonic() + patience
    while True:
        try:
            cursor.execute("PRAGMA journal_mode = WAL")
            return
        except Exception as error:  # the driver's OperationalError (sqlite3's or aiosqlite's)
            if "database is locked" not in str(error) or time.monotonic() >= deadline:
                raise
            time.sleep(_WAL_RETRY_SECONDS)


def _sqlite_begin(connection: Connection) -> None:
    connection.exec_driver_sql("BEGIN IMMEDIATE")
