"""The `clio` command: parses arguments and hands each subcommand to its module."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from clio.commands import COMMANDS
from clio.core.errors import ClioError
from clio.settings import Settings


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="clio", description="Clio, a history tutor.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, command in COMMANDS.items():
        sub = commands.add_parser(name, help=command.HELP, description=command.HELP)
        command.add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    settings = Settings.from_env()
    try:
        return COMMANDS[args.command].run(args, settings)
    except ClioError as error:
        print(f"clio: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
