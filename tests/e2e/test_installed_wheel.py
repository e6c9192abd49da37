"""A wheel of Clio carries its migrations and its bundled seeds and dialogs: Clio installed
from it upgrades a database and answers from the bundled seed, with no source tree around."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

from clio.store import migrate

ROOT = Path(__file__).resolve().parents[2]
# Run by the installed copy: where it was imported from, where its migrations are, and the
# revision a fresh database reaches.
PROBE = """
import asyncio, sys
import clio
from clio.store import migrate, open_store

async def main():
    store = await open_store(sys.argv[1])
    try:
        print(await migrate.current_revision(store.engine))
    finally:
        await store.close()

print(clio.__file__)
print(migrate.migrations_dir())
asyncio.run(main())
"""


def build_wheel(out: Path) -> Path:
    # No build isolation: the backend (hatchling, a dev dependency) is already installed,
    # so the test needs no package index.
    pip = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--quiet"]
    subprocess.run([*pip, "--wheel-dir", str(out), str(ROOT)], check=True, capture_output=True)
    (wheel,) = out.glob("clio_tutor-*.whl")
    return wheel


def test_the_wheel_ships_the_migrations_and_the_installed_store_finds_them(
    tmp_path: Path,
) -> None:
    wheel = build_wheel(tmp_path / "dist")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    scripts = [
        path.relative_to(ROOT / "migrations").as_posix()
        for path in (ROOT / "migrations").rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    ]
    assert "versions/0001_initial_schema.py" in scripts and "env.py" in scripts
    assert {f"clio/store/migrations/{name}" for name in scripts} <= shipped

    site = tmp_path / "site"  # a pure-Python wheel installs as its unpacked files
    zipfile.ZipFile(wheel).extractall(site)
    env = {**os.environ, "PYTHONPATH": str(site)}
    probe = subprocess.run(
        [sys.executable, "-c", PROBE, f"sqlite:///{tmp_path / 'clio.db'}"],
        env=env,
        cwd=tmp_path,  # away from the source tree
        capture_output=True,
        text=True,
    )
    assert probe.returncode == 0, probe.stderr
    imported, found, revision = probe.stdout.split()
    assert Path(imported).is_relative_to(site)
    assert Path(found) == site / "clio" / "store" / "migrations"
    assert revision == migrate.head_revision()


def test_the_installed_wheel_answers_from_its_bundled_seed_in_any_folder(tmp_path: Path) -> None:
    wheel = build_wheel(tmp_path / "dist")
    shipped = set(zipfile.ZipFile(wheel).namelist())
    assert "clio/content/seeds/treaty-of-paris-1856.txt" in shipped
    assert {f"clio/content/dialogs/{path.name}" for path in (ROOT / "dialogs").glob("*.yaml")} <= (
        shipped
    )
    site = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(site)
    away = tmp_path / "elsewhere"  # no seeds/ or dialogs/ here
    away.mkdir()
    env = {key: value for key, value in os.environ.items() if not key.startswith("CLIO_")} | {
        "PYTHONPATH": str(site),
        "CLIO_CACHE_DIR": str(tmp_path / "cache"),
    }
    asked = subprocess.run(
        [sys.executable, "-m", "clio", "ask", "When did Alexander II take the crown of Russia?"],
        env=env,
        cwd=away,
        capture_output=True,
        text=True,
    )
    assert asked.returncode == 0, asked.stderr
    assert "1855" in asked.stdout and "treaty-of-paris-1856" in asked.stdout
