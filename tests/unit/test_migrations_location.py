"""The store finds Alembic's migrations installed from a wheel (inside the package) as well
as in a source tree (the repository's top-level `migrations/`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.core.errors import ConfigurationError
from clio.store import migrate

ROOT = Path(__file__).resolve().parents[2]


def test_the_migration_location_has_env_py_and_the_revisions() -> None:
    found = migrate.migrations_dir()
    assert (found / "env.py").is_file() and (found / "script.py.mako").is_file()
    assert sorted(p.name for p in (found / "versions").glob("*.py")) == sorted(
        p.name for p in (ROOT / "migrations" / "versions").glob("*.py")
    )
    config = migrate.alembic_config()
    assert Path(config.get_main_option("script_location") or "") == found
    assert migrate.head_revision(config)


def migrations_at(folder: Path) -> Path:
    (folder / "versions").mkdir(parents=True)
    (folder / "env.py").write_text("", encoding="utf-8")
    return folder


def test_migrations_inside_the_installed_package_come_first(tmp_path: Path) -> None:
    package = tmp_path / "site-packages" / "clio" / "store"
    packaged = migrations_at(package / "migrations")
    source_tree = migrations_at(tmp_path / "repo" / "migrations")
    assert migrate.migrations_dir(package=package, source_tree=source_tree) == packaged


def test_a_source_tree_falls_back_to_the_top_level_folder(tmp_path: Path) -> None:
    package = tmp_path / "repo" / "src" / "clio" / "store"
    package.mkdir(parents=True)
    source_tree = migrations_at(tmp_path / "repo" / "migrations")
    assert migrate.migrations_dir(package=package, source_tree=source_tree) == source_tree


def test_no_migrations_anywhere_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigurationError, match="migrations"):
        migrate.migrations_dir(package=tmp_path / "a", source_tree=tmp_path / "b")
