"""The `clio` command: parses arguments and hands each subcommand to its module."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from clio.commands import COMMANDS, load
from clio.core.errors import ClioError
from clio.settings import Settings


def build_parser(chosen: str | None) -> argparse.ArgumentParser:
    """The parser, with the arguments of the `chosen` command only (the others are listed
    with their help, and their modules are not imported)."""
    parser = argparse.ArgumentParser(prog="clio", description="Clio, a history tutor.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name, help_text in COMMANDS.items():
        sub = commands.add_parser(name, help=help_text, description=help_text)
        if name == chosen:
            load(name).add_arguments(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else list(argv)
    # The command is the first word that is not an option (`clio`'s own options take no value).
    chosen = next((word for word in argv if not word.startswith("-")), None)
    args = build_parser(chosen).parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    settings = Settings.from_env()
    try:
        return load(args.command).run(args, settings)
    except ClioError as error:
        print(f"clio: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
