"""The store: opens (and if needed creates and upgrades) a database, and hands out units of work."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from clio.core.errors import ConfigurationError
from clio.store import migrate
from clio.store.classes import SqlClasses
from clio.store.engine import create_engine
from clio.store.learners import SqlLearners
from clio.store.outbox import SqlOutbox
from clio.store.progress import SqlAttempts, SqlDays, SqlReviews
from clio.store.reports import SqlClassReports
from clio.store.scheduling import SqlCards, SqlLessons
from clio.store.states import SqlStates
from clio.store.teachers import SqlTeachers
from clio.store.updates import SqlUpdates
from clio.store.url import async_url, shown, sqlite_file


@dataclass(frozen=True)
class SqlUnitOfWork:
    """The repositories of one session, all in its one transaction."""

    learners: SqlLearners
    states: SqlStates
    updates: SqlUpdates
    attempts: SqlAttempts
    cards: SqlCards
    reviews: SqlReviews
    lessons: SqlLessons
    days: SqlDays
    outbox: SqlOutbox
    classes: SqlClasses
    teachers: SqlTeachers
    reports: SqlClassReports

    @classmethod
    def of(cls, session: AsyncSession, dialect: str) -> SqlUnitOfWork:
        return cls(
            learners=SqlLearners(session, dialect),
            states=SqlStates(session, dialect),
            updates=SqlUpdates(session, dialect),
            attempts=SqlAttempts(session),
            cards=SqlCards(session, dialect),
            reviews=SqlReviews(session),
            lessons=SqlLessons(session, dialect),
            days=SqlDays(session, dialect),
            outbox=SqlOutbox(session, dialect),
            classes=SqlClasses(session, dialect),
            teachers=SqlTeachers(session, dialect),
            reports=SqlClassReports(session),
        )


class SqlStore:
    """Implements `clio.service.ports.Store` on SQLite or PostgreSQL."""

    def __init__(self, engine: AsyncEngine) -> None:
        self.engine = engine
        self._dialect = engine.dialect.name
        # Repositories return values, never rows: nothing needs reloading after a commit.
        self._sessions = async_sessionmaker(engine, expire_on_commit=False)
        # SQLite units of work take turns in the process. In memory it is one shared
        # connection, which cannot hold two transactions. On a file, every unit of work
        # begins with BEGIN IMMEDIATE (one writer at a time): concurrent ones would wait in
        # SQLite's busy handler, which sleeps in growing steps (bench/service.py measured
        # a p99 of 4 s at 10 learners at once); queueing here hands over at once. Across
        # processes the database's own lock still serialises them. A server makes them
        # wait in the database, row by row.
        self._turns = asyncio.Lock() if self._dialect == "sqlite" else contextlib.nullcontext()

    @asynccontextmanager
    async def unit_of_work(self) -> AsyncIterator[SqlUnitOfWork]:
        async with self._turns, self._sessions() as session, session.begin():
            yield SqlUnitOfWork.of(session, self._dialect)

    async def close(self) -> None:
        await self.engine.dispose()


async def open_store(url: str | URL, *, upgrade: bool = True) -> SqlStore:
    """A store on the database at `url` (any SQLite or PostgreSQL URL). A SQLite file and its
    folder are created if missing; the schema is upgraded to the newest revision when it is
    behind (`upgrade=False` leaves it as it is). `sqlite://` is a fresh in-memory database
    that lives as long as the store: handy in tests of the service."""
    engine_url = async_url(url)
    path = sqlite_file(engine_url)
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = create_engine(engine_url)
    try:
        # Always connect once here, so a wrong URL or a server down fails now, clearly.
        current = await migrate.current_revision(engine)
        if upgrade and current != migrate.head_revision():
            await migrate.upgrade(engine)
    except (DBAPIError, OSError) as error:
        await engine.dispose()
        reason = error.orig if isinstance(error, DBAPIError) else error
        raise ConfigurationError(
            f"cannot open the database {shown(engine_url)}: {reason}"
        ) from error
    except BaseException:
        await engine.dispose()
        raise
    return SqlStore(engine)
