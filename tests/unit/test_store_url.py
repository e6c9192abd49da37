"""CLIO_DATABASE_URL: ordinary URLs in, Clio's async drivers out, clear errors, no passwords."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.core.errors import ConfigurationError
from clio.settings import Settings
from clio.store.url import async_url, sqlite_file


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("sqlite:///clio.db", "sqlite+aiosqlite:///clio.db"),
        ("sqlite+pysqlite:////var/lib/clio/clio.db", "sqlite+aiosqlite:////var/lib/clio/clio.db"),
        ("sqlite://", "sqlite+aiosqlite://"),
        ("postgresql://clio@db.example/clio", "postgresql+asyncpg://clio@db.example/clio"),
        ("postgresql+psycopg2://clio@db:5433/clio", "postgresql+asyncpg://clio@db:5433/clio"),
        ("postgres://clio@db/clio", "postgresql+asyncpg://clio@db/clio"),
    ],
)
def test_any_driver_becomes_the_async_one(given: str, expected: str) -> None:
    assert async_url(given).render_as_string(hide_password=False) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ("mysql://clio:hunter2@db/clio", "unsupported database 'mysql'"),
        ("clio.db with hunter2", "not a database URL"),
        ("postgresql://clio:hunter2@db", "names no database"),
    ],
)
def test_bad_urls_are_refused_without_the_password(given: str, message: str) -> None:
    with pytest.raises(ConfigurationError, match=message) as raised:
        async_url(given)
    assert "hunter2" not in str(raised.value)
    assert "CLIO_DATABASE_URL" in str(raised.value)


def test_sqlite_file_only_for_a_sqlite_file() -> None:
    assert sqlite_file(async_url("sqlite:////data/clio.db")) == Path("/data/clio.db")
    assert sqlite_file(async_url("sqlite://")) is None
    assert sqlite_file(async_url("postgresql://u@h/db")) is None


def test_default_database_is_clio_db_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings.from_env({"CLIO_DATA_DIR": str(tmp_path / "data")})
    assert sqlite_file(async_url(settings.database_url)) == tmp_path / "data" / "clio.db"
    chosen = Settings.from_env({"CLIO_DATABASE_URL": "postgresql://u@h/db"})
    assert chosen.database_url == "postgresql://u@h/db"


def test_settings_made_directly_default_to_clio_db(tmp_path: Path) -> None:
    settings = Settings(
        seeds_dir=tmp_path, dialogs_dir=tmp_path, cache_dir=tmp_path, data_dir=tmp_path
    )
    assert settings.database_url == f"sqlite:///{tmp_path / 'clio.db'}"
