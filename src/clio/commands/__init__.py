"""Subcommands of `clio`; part of the composition root, so they may wire any layer."""

from __future__ import annotations

import argparse
from types import ModuleType
from typing import Protocol, cast

from clio.commands import ask, build, chat, db, facts, prompts, report, run, validate
from clio.settings import Settings


class Command(Protocol):
    HELP: str

    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, settings: Settings) -> int: ...


def _command(module: ModuleType) -> Command:
    return cast(Command, module)


COMMANDS: dict[str, Command] = {
    "build": _command(build),
    "facts": _command(facts),
    "ask": _command(ask),
    "validate": _command(validate),
    "chat": _command(chat),
    "db": _command(db),
    "prompts": _command(prompts),
    "report": _command(report),
    "run": _command(run),
}
