"""YAML nodes with their positions, so every content error names `file:line:col`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from clio.core.errors import ContentError


@dataclass
class Problems:
    """Collects every problem of every file, so an author sees them all at once."""

    messages: list[str] = field(default_factory=list)

    def add(self, path: Path, node: yaml.Node | None, where: str, message: str) -> None:
        position = f":{node.start_mark.line + 1}:{node.start_mark.column + 1}" if node else ""
        prefix = f"{where}: " if where else ""
        self.messages.append(f"{path}{position}: {prefix}{message}")

    def raise_if_any(self) -> None:
        if self.messages:
            count = len(self.messages)
            raise ContentError(f"{count} problem(s) in content:\n" + "\n".join(self.messages))


def compose(path: Path, problems: Problems) -> yaml.Node | None:
    """Parse one file into a node tree; a syntax error is recorded with its position."""
    try:
        text = path.read_text(encoding="utf-8")
        return yaml.compose(text, Loader=yaml.SafeLoader)
    except UnicodeDecodeError:
        problems.add(path, None, "", "not UTF-8 text")
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        where = f":{mark.line + 1}:{mark.column + 1}" if mark else ""
        problems.messages.append(f"{path}{where}: invalid YAML: {error.problem}")
    except OSError as error:
        problems.add(path, None, "", f"cannot read: {error.strerror}")
    return None


@dataclass
class Reader:
    """Typed access to one file's nodes that records, rather than raises, what is wrong."""

    path: Path
    problems: Problems

    def fail(self, node: yaml.Node | None, where: str, message: str) -> None:
        self.problems.add(self.path, node, where, message)

    def mapping(self, node: yaml.Node | None, where: str) -> dict[str, yaml.Node]:
        if not isinstance(node, yaml.MappingNode):
            self.fail(node, where, "expected a mapping")
            return {}
        result: dict[str, yaml.Node] = {}
        for key, value in node.value:
            if not isinstance(key, yaml.ScalarNode):
                self.fail(key, where, "keys must be plain text")
            elif key.value in result:
                self.fail(key, where, f"duplicate key '{key.value}'")
            else:
                result[key.value] = value
        return result

    def sequence(self, node: yaml.Node, where: str) -> list[yaml.Node]:
        if not isinstance(node, yaml.SequenceNode):
            self.fail(node, where, "expected a list")
            return []
        return list(node.value)

    def text(self, node: yaml.Node, where: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            self.fail(node, where, "expected text")
            return None
        return str(node.value)

    def number(self, node: yaml.Node, where: str, *, low: float, high: float) -> float | None:
        value = yaml.safe_load(yaml.serialize(node)) if isinstance(node, yaml.ScalarNode) else None
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.fail(node, where, "expected a number")
            return None
        if not low <= value <= high:
            self.fail(node, where, f"must be between {low:g} and {high:g}, not {value}")
            return None
        return float(value)

    def whole_number(
        self, found: dict[str, yaml.Node], key: str, *, low: int, high: int, default: int
    ) -> int:
        """`settings.key` as a whole number in range; the default when it is absent or wrong
        (a wrong one is reported, so the load fails anyway)."""
        if key not in found:
            return default
        value = self.number(found[key], f"settings.{key}", low=low, high=high)
        return default if value is None else int(value)

    def only_keys(
        self, node: yaml.Node, found: dict[str, yaml.Node], allowed: set[str], where: str
    ) -> None:
        for key in sorted(set(found) - allowed):
            self.fail(
                found[key],
                where,
                f"unknown key '{key}' (expected one of: {', '.join(sorted(allowed))})",
            )


def position(path: Path, key: str) -> str:
    """`path:line:col` of a top-level key's value (for problems found after loading, such
    as a check against the seeds), or the bare path when the key is not found."""
    root = compose(path, Problems())
    if isinstance(root, yaml.MappingNode):
        for key_node, value_node in root.value:
            if key_node.value == key:
                mark = value_node.start_mark
                return f"{path}:{mark.line + 1}:{mark.column + 1}"
    return str(path)
