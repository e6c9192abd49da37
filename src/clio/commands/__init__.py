"""Subcommands of `clio`; part of the composition root, so they may wire any layer.

Each subcommand is a module of this package with `add_arguments(parser)` and
`run(args, settings)`. Only the module of the command being run is imported: `clio run`
needs python-telegram-bot and SQLAlchemy, `clio ask` neither (it starts in a fraction of the
time, on less than half the memory)."""

from __future__ import annotations

import argparse
import importlib
from typing import Protocol, cast

from clio.settings import Settings

# Name and one-line help of each command, in the order `clio --help` lists them.
COMMANDS: dict[str, str] = {
    "build": "build the fact base from the seed documents",
    "facts": "list the facts and questions built from the seeds",
    "ask": "answer a history question from the seeds",
    "validate": "check dialogs/*.yaml and the seeds; exit non-zero on an error",
    "chat": "chat with Clio in the terminal (no token needed)",
    "db": "upgrade the database schema, or show its revision",
    "prompts": "show who would be prompted now (or --at TIME), and with what",
    "report": "a class's summary (text), spreadsheet (csv) or chart (png)",
    "run": "run the Telegram bot (CLIO_TELEGRAM_TOKEN; long polling unless --webhook-url)",
}


class Command(Protocol):
    def add_arguments(self, parser: argparse.ArgumentParser) -> None: ...

    def run(self, args: argparse.Namespace, settings: Settings) -> int: ...


def load(name: str) -> Command:
    """The module of command `name` (one of COMMANDS)."""
    return cast(Command, importlib.import_module(f"{__name__}.{name}"))
