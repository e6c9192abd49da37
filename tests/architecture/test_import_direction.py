"""The layers of DESIGN.md import downwards only; this test keeps that true by itself."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src" / "clio"

# Which clio layers each layer may import (itself always allowed).
ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "factbase": {"core"},
    "dialogs": {"core"},
    "store": {"core"},
    "service": {"core", "factbase", "dialogs"},
    "adapters.console": {"core", "service"},
    "adapters.telegram": {"core", "service"},
}
# Third-party packages that only certain layers may touch.
FORBIDDEN_THIRD_PARTY: dict[str, set[str]] = {
    "core": {"telegram", "sqlalchemy", "yaml", "alembic", "asyncio", "time"},
    "factbase": {"telegram", "sqlalchemy", "alembic"},
    "dialogs": {"telegram", "sqlalchemy", "alembic"},
    "store": {"telegram", "yaml"},
    "service": {"telegram", "sqlalchemy", "alembic", "yaml"},
    "adapters.console": {"telegram", "sqlalchemy", "alembic"},
    "adapters.telegram": {"sqlalchemy", "alembic"},
}


def layer_of(module: str) -> str | None:
    parts = module.split(".")
    if parts[0] != "clio" or len(parts) < 2:
        return None
    if parts[1] == "adapters" and len(parts) > 2:
        return f"adapters.{parts[2]}"
    return parts[1] if parts[1] in {k.split(".")[0] for k in ALLOWED} else None


def imported_modules(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.append(node.module)
    return names


def module_name(path: Path) -> str:
    relative = path.relative_to(SRC.parent).with_suffix("")
    return ".".join(part for part in relative.parts if part != "__init__")


def source_files() -> list[Path]:
    return sorted(SRC.rglob("*.py"))


@pytest.mark.parametrize("path", source_files(), ids=lambda p: str(p.relative_to(SRC)))
def test_module_imports_only_lower_layers(path: Path) -> None:
    layer = layer_of(module_name(path))
    if layer is None or layer not in ALLOWED:
        return  # the composition root (cli, bootstrap, settings) may import anything
    for name in imported_modules(path):
        target = layer_of(name)
        if target is not None:
            assert target == layer or target in ALLOWED[layer], (
                f"{path.relative_to(SRC)}: layer '{layer}' must not import '{name}'"
            )
        top = name.split(".")[0]
        assert top not in FORBIDDEN_THIRD_PARTY[layer], (
            f"{path.relative_to(SRC)}: layer '{layer}' must not import '{top}'"
        )


def test_forbidden_import_is_detected(tmp_path: Path) -> None:
    """The checker itself must be able to fail."""
    sample = tmp_path / "sample.py"
    sample.write_text("import telegram\nfrom clio.store import models\n", encoding="utf-8")
    assert imported_modules(sample) == ["telegram", "clio.store"]
    assert layer_of("clio.store") == "store"
    assert "store" not in ALLOWED["core"]
