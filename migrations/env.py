"""Alembic environment for Clio: migrations run on a connection Clio hands over, or, from the
`alembic` command line, on the database named by CLIO_DATABASE_URL (default: Clio's own)."""

from __future__ import annotations

import asyncio

from alembic import context
from sqlalchemy.engine import Connection

from clio.settings import Settings
from clio.store.engine import create_engine
from clio.store.models import Base
from clio.store.url import async_url

config = context.config
target_metadata = Base.metadata


def run_migrations(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        # SQLite cannot ALTER most things: batch mode copies the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
        compare_server_default=True,
    )
    with context.begin_transaction():
        context.run_migrations()


async def run_on_own_engine() -> None:
    engine = create_engine(async_url(Settings.from_env().database_url))
    try:
        async with engine.begin() as connection:
            await connection.run_sync(run_migrations)
    finally:
        await engine.dispose()


if context.is_offline_mode():
    raise SystemExit("Clio's migrations run online only (clio db upgrade)")
shared = config.attributes.get("connection")
if shared is not None:
    run_migrations(shared)
else:
    asyncio.run(run_on_own_engine())
