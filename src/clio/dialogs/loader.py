"""Load `dialogs/*.yaml` into one typed, frozen `Flows`, reporting every problem together."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import yaml

from clio.core.calendar import parse_clock
from clio.core.errors import ContentError
from clio.core.facts import QuestionKind
from clio.core.flows import (
    TEXT_PLACEHOLDERS,
    Flows,
    LessonSettings,
    MasteryLevel,
    ReviewSettings,
    SmallTalk,
    placeholders,
)
from clio.core.intent import normalise_phrase
from clio.core.payloads import CommandPayload, PayloadTooLong, encode
from clio.core.weekly import parse_weekly
from clio.dialogs.located import Problems, Reader, compose

FORMAT_VERSION = 1
FLOW_FILES = (
    "onboarding",
    "lesson",
    "review",
    "quick",
    "progress",
    "help",
    "chat",
    "settings",
    "prompt",
    "errors",
    "teacher",
)
# Files in dialogs/ that other loaders own (authored questions for the fact base).
OTHER_FILES = frozenset({"questions"})
_COMMAND = re.compile(r"^[a-z0-9_]{1,32}$")


class _Draft:
    """The parts of `Flows` as they are read, before they are frozen."""

    def __init__(self) -> None:
        self.texts: dict[str, str] = {}
        self.extras: dict[str, object] = {}
        self.parsed: set[str] = set()


def load_flows(dialogs_dir: Path) -> Flows:
    """Read and check every flow file; raise one `ContentError` listing all problems."""
    if not dialogs_dir.is_dir():
        raise ContentError(f"dialogs folder not found: {dialogs_dir}")
    problems = Problems()
    draft = _Draft()
    present = {path.stem: path for path in sorted(dialogs_dir.glob("*.yaml"))}
    for name in sorted(set(present) - set(FLOW_FILES) - OTHER_FILES):
        problems.add(
            present[name],
            None,
            "",
            f"unknown dialog file (expected one of: {', '.join(FLOW_FILES)})",
        )
    for name in FLOW_FILES:
        path = present.get(name)
        if path is None:
            problems.add(dialogs_dir / f"{name}.yaml", None, "", "missing dialog file")
            continue
        _load_file(name, Reader(path, problems), draft)
    _check_texts_complete(draft, present, problems)
    if "onboarding" in draft.parsed and "example_question" not in draft.extras:
        problems.add(present["onboarding"], None, "", "missing 'example_question'")
    problems.raise_if_any()
    return Flows(texts=draft.texts, **draft.extras)  # type: ignore[arg-type]


def _load_file(flow: str, reader: Reader, draft: _Draft) -> None:
    root = compose(reader.path, reader.problems)
    if root is None:
        return
    draft.parsed.add(flow)
    top = reader.mapping(root, "")
    sections: dict[str, Callable[[Reader, yaml.Node, _Draft], None]] = SECTIONS.get(flow, {})
    reader.only_keys(root, top, {"version", "texts", *sections}, "")
    version = top.get("version")
    if version is None:
        reader.fail(root, "", "missing 'version'")
    elif reader.number(version, "version", low=1, high=1) is None:
        return
    if "texts" in top:
        _load_texts(flow, reader, top["texts"], draft)
    for key, load in sections.items():
        if key in top:
            load(reader, top[key], draft)


def _load_texts(flow: str, reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    for key, value_node in reader.mapping(node, "texts").items():
        full = f"{flow}.{key}"
        text = reader.text(value_node, f"texts.{key}")
        if full not in TEXT_PLACEHOLDERS:
            reader.fail(value_node, f"texts.{key}", "unknown text (nothing says it)")
            continue
        if text is None:
            continue
        try:
            used = placeholders(text)
        except ValueError as error:
            reader.fail(value_node, f"texts.{key}", f"malformed placeholder: {error}")
            continue
        for name in sorted(used - TEXT_PLACEHOLDERS[full]):
            allowed = ", ".join(sorted(TEXT_PLACEHOLDERS[full])) or "none"
            reader.fail(
                value_node, f"texts.{key}", f"unknown placeholder '{{{name}}}' (allowed: {allowed})"
            )
        draft.texts[full] = text


def _check_texts_complete(draft: _Draft, present: dict[str, Path], problems: Problems) -> None:
    """Every text the engine says must exist (files missing or unreadable are already
    reported, so their texts are not listed one by one)."""
    for full in sorted(set(TEXT_PLACEHOLDERS) - set(draft.texts)):
        flow, key = full.split(".", 1)
        if flow in draft.parsed:
            problems.add(present[flow], None, "texts", f"missing text '{key}'")


def _lesson_settings(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    found = reader.mapping(node, "settings")
    reader.only_keys(node, found, {"chunk_size", "max_hints", "question_kinds"}, "settings")
    defaults = LessonSettings()
    chunk = reader.whole_number(found, "chunk_size", low=1, high=10, default=defaults.chunk_size)
    hints = reader.whole_number(found, "max_hints", low=0, high=2, default=defaults.max_hints)
    kinds = defaults.question_kinds
    if "question_kinds" in found:
        known = {kind.value for kind in QuestionKind}
        items = reader.sequence(found["question_kinds"], "settings.question_kinds")
        names = [reader.text(item, "settings.question_kinds") for item in items]
        for item, name in zip(items, names, strict=True):
            if name is not None and name not in known:
                reader.fail(
                    item,
                    "settings.question_kinds",
                    f"unknown question kind '{name}' (known: {', '.join(sorted(known))})",
                )
        kinds = tuple(name for name in names if name in known)
    draft.extras["lesson"] = LessonSettings(chunk_size=chunk, max_hints=hints, question_kinds=kinds)


def _phrases(key: str) -> Callable[[Reader, yaml.Node, _Draft], None]:
    """A list of phrases a learner may type (override_phrases, skip_phrases, ...)."""

    def load(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
        phrases = [reader.text(item, key) for item in reader.sequence(node, key)]
        draft.extras[key] = frozenset(normalise_phrase(p) for p in phrases if p)

    return load


def _review_settings(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    found = reader.mapping(node, "settings")
    reader.only_keys(node, found, {"session_size", "new_items"}, "settings")
    defaults = ReviewSettings()
    draft.extras["review"] = ReviewSettings(
        session_size=reader.whole_number(
            found, "session_size", low=1, high=100, default=defaults.session_size
        ),
        new_items=reader.whole_number(
            found, "new_items", low=0, high=100, default=defaults.new_items
        ),
    )


def _mastery(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    levels: list[MasteryLevel] = []
    for index, item in enumerate(reader.sequence(node, "mastery")):
        where = f"mastery[{index}]"
        found = reader.mapping(item, where)
        reader.only_keys(item, found, {"name", "min_seen", "min_accuracy"}, where)
        missing = {"name", "min_seen", "min_accuracy"} - set(found)
        if missing:
            reader.fail(item, where, f"missing {', '.join(sorted(missing))}")
            continue
        name = reader.text(found["name"], f"{where}.name")
        seen = reader.number(found["min_seen"], f"{where}.min_seen", low=0, high=1)
        accuracy = reader.number(found["min_accuracy"], f"{where}.min_accuracy", low=0, high=1)
        if name is not None and seen is not None and accuracy is not None:
            levels.append(MasteryLevel(name, seen, accuracy))
    draft.extras["mastery"] = tuple(levels)


def _commands(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    commands: dict[str, str] = {}
    for name, value in reader.mapping(node, "commands").items():
        description = reader.text(value, f"commands.{name}")
        if not _COMMAND.match(name):
            reader.fail(value, f"commands.{name}", "a command is 1-32 of a-z, 0-9 and _")
        elif description is not None:
            try:
                encode(CommandPayload(name))
            except PayloadTooLong as error:
                reader.fail(value, f"commands.{name}", str(error))
            commands[name] = description
    draft.extras["commands"] = commands


def _aliases(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    """Words a learner may type as a command ("/stats"), each naming the command meant."""
    listed = draft.extras.get("commands")
    known = listed if isinstance(listed, dict) else {}
    aliases: dict[str, str] = {}
    for name, value in reader.mapping(node, "aliases").items():
        target = reader.text(value, f"aliases.{name}")
        if not _COMMAND.match(name):
            reader.fail(value, f"aliases.{name}", "an alias is 1-32 of a-z, 0-9 and _")
        elif target is not None and target not in known:
            reader.fail(value, f"aliases.{name}", f"'{target}' is not one of the commands above")
        elif target is not None:
            aliases[name] = target
    draft.extras["command_aliases"] = aliases


def _small_talk(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    intents: list[SmallTalk] = []
    for index, item in enumerate(reader.sequence(node, "small_talk")):
        where = f"small_talk[{index}]"
        found = reader.mapping(item, where)
        reader.only_keys(item, found, {"name", "phrases", "reply", "while_waiting"}, where)
        if {"name", "phrases", "reply"} - set(found):
            reader.fail(item, where, "needs name, phrases and reply")
            continue
        name = reader.text(found["name"], f"{where}.name")
        reply = reader.text(found["reply"], f"{where}.reply")
        waiting = found.get("while_waiting")
        while_waiting = reader.text(waiting, f"{where}.while_waiting") if waiting else None
        phrases = [
            reader.text(p, f"{where}.phrases")
            for p in reader.sequence(found["phrases"], f"{where}.phrases")
        ]
        if name and reply:
            intents.append(
                SmallTalk(
                    name,
                    frozenset(normalise_phrase(p) for p in phrases if p),
                    reply,
                    while_waiting or None,
                )
            )
    draft.extras["small_talk"] = tuple(intents)


def _max_length(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    limit = reader.number(node, "max_message_length", low=10, high=4096)
    if limit is not None:
        draft.extras["max_message_length"] = int(limit)


def _example_question(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    typed = reader.text(node, "example_question")
    if typed is None:
        typed = ""  # reported as not text; not reported again as missing
    elif not typed.strip():
        reader.fail(node, "example_question", "empty (the welcome shows it as an example)")
    draft.extras["example_question"] = typed.strip()


def _default_daily_time(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    typed = reader.text(node, "default_daily_time")
    if typed is not None and parse_clock(typed) is None:
        reader.fail(node, "default_daily_time", f"not a time of day: {typed!r} (e.g. 18:00)")
    elif typed is not None:
        draft.extras["default_daily_time"] = typed


def _default_weekly(reader: Reader, node: yaml.Node, draft: _Draft) -> None:
    typed = reader.text(node, "default_weekly_report")
    if typed is not None and parse_weekly(typed) is None:
        reader.fail(node, "default_weekly_report", f"not a weekday and time: {typed!r}")
    elif typed is not None:
        draft.extras["default_weekly_report"] = typed


PHRASE_LISTS = (
    "override_phrases",
    "skip_phrases",
    "hint_phrases",
    "confused_phrases",
    "confused_questions",
)
SECTIONS: dict[str, dict[str, Callable[[Reader, yaml.Node, _Draft], None]]] = {
    "onboarding": {"example_question": _example_question},
    "lesson": {
        "settings": _lesson_settings,
        **{key: _phrases(key) for key in PHRASE_LISTS},
    },
    "review": {"settings": _review_settings},
    "quick": {"topic_openers": _phrases("topic_openers")},
    "progress": {"mastery": _mastery},
    "help": {"commands": _commands, "aliases": _aliases},
    "chat": {"small_talk": _small_talk, "max_message_length": _max_length},
    "settings": {"default_daily_time": _default_daily_time},
    "teacher": {"default_weekly_report": _default_weekly},
}
