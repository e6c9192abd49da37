"""The SQL store implements the service's ports, checked the way the service will use it:
statically, by mypy (a Protocol's method signatures are invisible at run time)."""

from __future__ import annotations

from pathlib import Path

from mypy import api

USE = """
from clio.service.ports import Store, UnitOfWork
from clio.store import SqlStore, SqlUnitOfWork


def as_ports(store: SqlStore, uow: SqlUnitOfWork) -> tuple[Store, UnitOfWork]:
    return store, uow
"""

BROKEN = """
from clio.service.ports import Store


class NotAStore:
    async def close(self) -> None: ...


def as_port(store: NotAStore) -> Store:
    return store
"""


def _mypy(tmp_path: Path, source: str) -> tuple[str, int]:
    sample = tmp_path / "sample.py"
    sample.write_text(source, encoding="utf-8")
    # A cache of its own: warm runs take a second instead of several.
    cache = Path(__file__).resolve().parents[2] / ".mypy_cache" / "ports-test"
    out, _err, status = api.run(["--strict", f"--cache-dir={cache}", str(sample)])
    return out, status


def test_sql_store_and_unit_of_work_satisfy_the_ports(tmp_path: Path) -> None:
    out, status = _mypy(tmp_path, USE)
    assert status == 0, out


def test_the_check_can_fail(tmp_path: Path) -> None:
    out, status = _mypy(tmp_path, BROKEN)
    assert status == 1
    assert "unit_of_work" in out
