"""Authored questions in YAML: disable generated questions and add hand-written ones.

The file is read with `yaml.compose` so every node keeps its line and column, and every
problem is reported as `file:line:col: what is wrong`, all of them together."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from clio.core.errors import ContentError
from clio.core.facts import QuestionKind

VERSION = 1
_LOCATED = re.compile(r"^.*?:(\d+):(\d+): ")
_KINDS = ", ".join(kind.value for kind in QuestionKind)


@dataclass(frozen=True, slots=True)
class Location:
    path: str
    line: int
    column: int

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


@dataclass(frozen=True, slots=True)
class FactRef:
    """A fact named by id, or by its topic and a quote of its text."""

    fact_id: str | None = None
    topic: str | None = None
    quote: str | None = None


@dataclass(frozen=True, slots=True)
class Disable:
    """Generated questions to drop: one by id, or those of a fact (of a kind, an answer)."""

    where: Location
    question_id: str | None = None
    fact: FactRef | None = None
    kind: QuestionKind | None = None
    answer: str | None = None


@dataclass(frozen=True, slots=True)
class AuthoredQuestion:
    where: Location
    fact: FactRef
    kind: QuestionKind
    prompt: str
    answer: str
    accepted: tuple[str, ...] = ()
    choices: tuple[str, ...] = ()
    explanation: str | None = None


@dataclass(frozen=True, slots=True)
class Authored:
    disable: tuple[Disable, ...] = ()
    questions: tuple[AuthoredQuestion, ...] = ()


class _Reader:
    """Walks composed YAML nodes, collecting located errors instead of stopping at one."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.errors: list[str] = []

    def at(self, node: Node) -> Location:
        mark = node.start_mark
        return Location(self.path, mark.line + 1, mark.column + 1)

    def error(self, node: Node, message: str) -> None:
        self.errors.append(f"{self.at(node)}: {message}")

    def mapping(self, node: Node, what: str, allowed: set[str]) -> dict[str, Node] | None:
        if not isinstance(node, MappingNode):
            self.error(node, f"{what} must be a mapping of keys to values")
            return None
        found: dict[str, Node] = {}
        for key, value in node.value:
            name = key.value if isinstance(key, ScalarNode) else "?"
            if name not in allowed:
                self.error(key, f"{what}: unknown key '{name}' (expected {_listed(allowed)})")
            elif name in found:
                self.error(key, f"{what}: key '{name}' given twice")
            else:
                found[name] = value
        return found

    def text(self, node: Node | None, what: str, *, required: bool = True) -> str | None:
        if node is None:
            return None
        if isinstance(node, ScalarNode) and node.tag.endswith((":null", ":bool")):
            # YAML reads yes/no/true/false/null as non-text: say how to keep the words.
            self.error(node, f"{what} must be text; write '{node.value}' in quotes")
            return None
        if not isinstance(node, ScalarNode):
            self.error(node, f"{what} must be text")
            return None
        if required and not str(node.value).strip():
            self.error(node, f"{what} must not be empty")
            return None
        return str(node.value)

    def texts(self, node: Node | None, what: str) -> tuple[str, ...]:
        if node is None:
            return ()
        if not isinstance(node, SequenceNode):
            self.error(node, f"{what} must be a list of texts")
            return ()
        items = (self.text(item, f"{what}[{i}]") for i, item in enumerate(node.value))
        return tuple(item for item in items if item is not None)

    def kind(self, node: Node | None, what: str) -> QuestionKind | None:
        value = self.text(node, what)
        if node is None or value is None:
            return None
        try:
            return QuestionKind(value)
        except ValueError:
            self.error(node, f"{what}: unknown kind '{value}' (expected one of {_KINDS})")
            return None


def _listed(names: set[str]) -> str:
    return ", ".join(sorted(names))


def load_authored(path: Path, *, name: str | None = None) -> Authored:
    """Read and check an authored-questions file; raise `ContentError` listing every
    problem with its `file:line:col`. `name` is how errors name the file."""
    shown = name or str(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as error:
        raise ContentError(f"{shown}: cannot read authored questions: {error}") from error
    return parse_authored(text, name=shown)


def parse_authored(text: str, *, name: str) -> Authored:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise ContentError(f"{where}: not valid YAML: {error.problem}") from error
    if root is None:
        return Authored()
    reader = _Reader(name)
    authored = _read_root(reader, root)
    if reader.errors:
        errors = sorted(reader.errors, key=_position)
        raise ContentError(f"{len(errors)} problem(s) in authored questions:\n" + "\n".join(errors))
    return authored


def _position(error: str) -> tuple[int, int]:
    """(line, column) of a located error, to list errors in reading order."""
    match = _LOCATED.match(error)
    return (int(match.group(1)), int(match.group(2))) if match else (0, 0)


def _read_root(reader: _Reader, root: Node) -> Authored:
    keys = reader.mapping(root, "the file", {"version", "disable", "questions"})
    if keys is None:
        return Authored()
    version = keys.get("version")
    if version is None:
        reader.error(root, f"the file: missing 'version' (write 'version: {VERSION}')")
    elif not (isinstance(version, ScalarNode) and version.value == str(VERSION)):
        reader.error(version, f"version: only version {VERSION} is understood")
    disable = _sequence(reader, keys.get("disable"), "disable")
    questions = _sequence(reader, keys.get("questions"), "questions")
    return Authored(
        disable=tuple(
            d for i, n in enumerate(disable) if (d := _read_disable(reader, n, i)) is not None
        ),
        questions=tuple(
            q for i, n in enumerate(questions) if (q := _read_question(reader, n, i)) is not None
        ),
    )


def _sequence(reader: _Reader, node: Node | None, what: str) -> list[Node]:
    if node is None or (isinstance(node, ScalarNode) and node.tag.endswith(":null")):
        return []
    if not isinstance(node, SequenceNode):
        reader.error(node, f"{what} must be a list")
        return []
    return list(node.value)


def _read_fact_ref(reader: _Reader, node: Node, keys: dict[str, Node], what: str) -> FactRef | None:
    """`fact: <id>`, or `topic` with `quote`; None (after an error, if any) otherwise."""
    fact_id = reader.text(keys.get("fact"), f"{what}.fact")
    topic = reader.text(keys.get("topic"), f"{what}.topic")
    quote = reader.text(keys.get("quote"), f"{what}.quote")
    if "fact" in keys and ("topic" in keys or "quote" in keys):
        reader.error(node, f"{what}: give either 'fact' or 'topic' with 'quote', not both")
        return None
    if "fact" in keys:
        return FactRef(fact_id=fact_id) if fact_id else None
    if ("topic" in keys) != ("quote" in keys):
        reader.error(node, f"{what}: 'topic' and 'quote' go together; give both")
        return None
    return FactRef(topic=topic, quote=quote) if topic and quote else None


def _read_disable(reader: _Reader, node: Node, index: int) -> Disable | None:
    what = f"disable[{index}]"
    keys = reader.mapping(node, what, {"id", "fact", "topic", "quote", "kind", "answer", "reason"})
    if keys is None:
        return None
    before = len(reader.errors)
    question_id = reader.text(keys.get("id"), f"{what}.id")
    fact = _read_fact_ref(reader, node, keys, what)
    kind = reader.kind(keys.get("kind"), f"{what}.kind")
    answer = reader.text(keys.get("answer"), f"{what}.answer")
    reader.text(keys.get("reason"), f"{what}.reason", required=False)
    names_fact = bool({"fact", "topic", "quote"} & keys.keys())
    if ("id" in keys) == names_fact:
        reader.error(
            node,
            f"{what}: give a question 'id', or the fact ('fact', or 'topic' with 'quote') "
            "whose generated questions to disable",
        )
    if len(reader.errors) > before:
        return None
    return Disable(reader.at(node), question_id, fact, kind, answer)


def _read_question(reader: _Reader, node: Node, index: int) -> AuthoredQuestion | None:
    what = f"questions[{index}]"
    allowed = {"fact", "topic", "quote", "kind", "prompt", "answer", "accepted", "choices",
               "explanation"}  # fmt: skip
    keys = reader.mapping(node, what, allowed)
    if keys is None:
        return None
    before = len(reader.errors)
    fact = _read_fact_ref(reader, node, keys, what)
    if fact is None and len(reader.errors) == before:
        reader.error(node, f"{what}: missing the fact: 'fact: <id>', or 'topic' with 'quote'")
    for required in ("kind", "prompt", "answer"):
        if required not in keys:
            reader.error(node, f"{what}: missing '{required}'")
    kind = reader.kind(keys.get("kind"), f"{what}.kind")
    prompt = reader.text(keys.get("prompt"), f"{what}.prompt")
    answer = reader.text(keys.get("answer"), f"{what}.answer")
    accepted = reader.texts(keys.get("accepted"), f"{what}.accepted")
    choices = reader.texts(keys.get("choices"), f"{what}.choices")
    explanation = reader.text(keys.get("explanation"), f"{what}.explanation")
    if kind is not None and answer is not None:
        _check_shape(reader, node, keys, what, kind=kind, answer=answer, choices=choices)
    if len(reader.errors) > before or fact is None or kind is None:
        return None
    assert prompt is not None and answer is not None  # both checked above
    return AuthoredQuestion(
        reader.at(node), fact, kind, prompt, answer, accepted, choices, explanation
    )


def _check_shape(
    reader: _Reader,
    node: Node,
    keys: dict[str, Node],
    what: str,
    *,
    kind: QuestionKind,
    answer: str,
    choices: tuple[str, ...],
) -> None:
    """Multiple choice has four distinct choices with the answer among them; true/false
    answers "true" or "false"; other kinds have no choices."""
    at = keys.get("choices", node)
    if kind is QuestionKind.MULTIPLE_CHOICE:
        if len(choices) != 4 or len(set(choices)) != 4:
            reader.error(at, f"{what}.choices: multiple choice needs 4 different choices")
        elif answer not in choices:
            reader.error(at, f"{what}.choices: the answer '{answer}' is not among the choices")
    elif "choices" in keys:
        reader.error(at, f"{what}.choices: only a multiple_choice question has choices")
    if kind is QuestionKind.TRUE_FALSE and answer not in {"true", "false"}:
        reader.error(keys["answer"], f"{what}.answer: a true_false answer is 'true' or 'false'")
