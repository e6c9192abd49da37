"""`clio chat`: the tutor in a terminal, no token needed; piped input works line by line."""

from __future__ import annotations

import argparse
import asyncio
import getpass
import sys

from clio.adapters.console.chat import run_chat
from clio.bootstrap import build_service
from clio.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--user", help="who is chatting (default: your login name)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    asyncio.run(_chat(settings, user=args.user or _login()))
    return 0


async def _chat(settings: Settings, *, user: str) -> None:
    service = await build_service(settings)
    try:
        await run_chat(
            service.handle,
            source=sys.stdin,
            sink=sys.stdout,
            user_id=user,
            name=user,
            interactive=sys.stdin.isatty(),
            exports=settings.data_dir / "exports",
        )
    finally:
        await service.close()


def _login() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "learner"
