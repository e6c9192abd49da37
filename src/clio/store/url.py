"""`CLIO_DATABASE_URL` as people write it, turned into the async driver Clio runs on."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from clio.core.errors import ConfigurationError

_ASYNC_DRIVERS = {"sqlite": "sqlite+aiosqlite", "postgresql": "postgresql+asyncpg"}
_EXAMPLES = "sqlite:///path/to/clio.db or postgresql://user@host/dbname"


def async_url(url: str | URL) -> URL:
    """The URL with Clio's async driver for its backend (whatever driver was named)."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        # The raw text may hold a password: never repeat it.
        raise ConfigurationError(
            f"CLIO_DATABASE_URL is not a database URL; expected {_EXAMPLES}"
        ) from None
    backend = parsed.get_backend_name()
    if backend == "postgres":  # the spelling Heroku and others use
        backend = "postgresql"
    if backend not in _ASYNC_DRIVERS:
        shown = parsed.render_as_string(hide_password=True)
        raise ConfigurationError(
            f"CLIO_DATABASE_URL {shown}: unsupported database '{backend}'; expected {_EXAMPLES}"
        )
    if backend == "postgresql" and not parsed.database:
        shown = parsed.render_as_string(hide_password=True)
        raise ConfigurationError(f"CLIO_DATABASE_URL {shown}: names no database")
    return parsed.set(drivername=_ASYNC_DRIVERS[backend])


def sqlite_file(url: URL) -> Path | None:
    """The file of a SQLite URL, or None for PostgreSQL and in-memory SQLite."""
    if url.get_backend_name() != "sqlite" or url.database in (None, "", ":memory:"):
        return None
    return Path(url.database)


def shown(url: URL) -> str:
    """The URL as it may appear in messages and logs: password hidden."""
    return url.render_as_string(hide_password=True)
