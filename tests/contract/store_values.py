"""Values shared by the store contract tests (a module of its own: tests never import conftest)."""

from __future__ import annotations

from datetime import UTC, datetime

NOW = datetime(2026, 3, 1, 9, 30, tzinfo=UTC)  # the tests' fixed clock
IN_MEMORY = "sqlite://"
