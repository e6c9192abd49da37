"""Alembic, driven from Clio: the schema revision of a database, and upgrading it.

Clio needs only where the migrations are: inside the package when installed from a wheel,
the repository's `migrations/` in a source tree (the `alembic` command line reads the same
folder from `[tool.alembic]` in `pyproject.toml`). The connection is Clio's, handed to
`migrations/env.py` in `Config.attributes`, so migrations run on the same async driver as
everything else."""

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

# A wheel ships the migrations in this package, as clio/store/migrations (the force-include
# in pyproject.toml); a source tree keeps them at its top level, next to src/.
_HERE = Path(__file__).resolve().parent
SOURCE_TREE = _HERE.parents[2] / "migrations"
# Any constant will do: it only has to be the same in every Clio process.
_PG_MIGRATION_LOCK = 0x0C110


def migrations_dir(*, package: Path = _HERE, source_tree: Path = SOURCE_TREE) -> Path:
    """The folder of Alembic's env.py and versions/: inside the installed package if it is
    there, else the source tree's."""
    for folder in (package / "migrations", source_tree):
        if (folder / "env.py").is_file() and (folder / "versions").is_dir():
            return folder
    raise ConfigurationError(
        f"Clio's database migrations are missing: looked in {package / 'migrations'} "
        f"and {source_tree}; reinstall Clio"
    )


def alembic_config() -> Config:
    """Alembic's configuration: where the migrations are, and nothing else."""
    config = Config()
    config.set_main_option("script_location", str(migrations_dir()))
    return config


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
