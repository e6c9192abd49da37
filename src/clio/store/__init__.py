"""Persistence through SQLAlchemy 2 (SQLite by default, PostgreSQL in production)."""

from clio.store.store import SqlStore, SqlUnitOfWork, open_store

__all__ = ["SqlStore", "SqlUnitOfWork", "open_store"]
