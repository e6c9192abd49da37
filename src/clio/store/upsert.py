"""`INSERT ... ON CONFLICT` for both backends: the one SQL feature whose spelling differs."""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects import postgresql, sqlite

Insert = postgresql.Insert | sqlite.Insert


def insert(dialect: str, model: Any) -> Insert:
    """An insert into `model`'s table that supports `on_conflict_do_nothing/_update`."""
    if dialect == "postgresql":
        return postgresql.insert(model)
    if dialect == "sqlite":
        return sqlite.insert(model)
    raise ValueError(f"unsupported database dialect {dialect!r}")
