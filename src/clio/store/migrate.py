"""Alembic, driven from Clio: the schema revision of a database, and upgrading it.

Alembic's own configuration is the `[tool.alembic]` table of `pyproject.toml` (where the
migrations are); the connection is Clio's, handed to `migrations/env.py` in
`Config.attributes`, so migrations run on the same async driver as everything else."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from alembic.util import CommandError
from sqlalchemy import text
from sqlalchemy.engine import Connection
from sqlalchemy.ext.asyncio import AsyncEngine

from clio.core.errors import ConfigurationError

PYPROJECT = Path(__file__).resolve().parents[3] / "pyproject.toml"
# Any constant will do: it only has to be the same in every Clio process.
_PG_MIGRATION_LOCK = 0x0C110


def alembic_config() -> Config:
    """Alembic's configuration from `pyproject.toml` beside Clio's sources."""
    if not PYPROJECT.is_file():
        raise ConfigurationError(
            f"{PYPROJECT}: not found; Clio's migrations are found through it, so install "
            "Clio from its source tree (pip install -e .)"
        )
    return Config(toml_file=PYPROJECT)


def head_revision(config: Config | None = None) -> str:
    """The newest revision the migrations know."""
    head = ScriptDirectory.from_config(config or alembic_config()).get_current_head()
    if head is None:
        raise ConfigurationError("the migrations folder has no revisions")
    return head


async def current_revision(engine: AsyncEngine) -> str | None:
    """The revision the database is at; None for a database Clio has never touched."""
    async with engine.connect() as connection:
        return await connection.run_sync(
            lambda sync: MigrationContext.configure(sync).get_current_revision()
        )


async def upgrade(engine: AsyncEngine, revision: str = "head") -> None:
    await _run(engine, "upgrade", revision)


async def downgrade(engine: AsyncEngine, revision: str) -> None:
    await _run(engine, "downgrade", revision)


async def _run(engine: AsyncEngine, direction: str, revision: str) -> None:
    config = alembic_config()

    def migrate(connection: Connection) -> None:
        if connection.dialect.name == "postgresql":
            # Two processes opening a fresh database at once: the second waits, then finds
            # the schema at head and does nothing. (On SQLite, BEGIN IMMEDIATE does this.)
            connection.execute(text(f"SELECT pg_advisory_xact_lock({_PG_MIGRATION_LOCK})"))
        config.attributes["connection"] = connection
        if direction == "upgrade":
            command.upgrade(config, revision)
        else:
            command.downgrade(config, revision)

    try:
        async with engine.begin() as connection:
            await connection.run_sync(migrate)
    except CommandError as error:
        raise ConfigurationError(f"database migration failed: {error}") from error
