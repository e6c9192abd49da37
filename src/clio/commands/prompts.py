"""`clio prompts --dry-run [--at TIME]`: who would get a daily prompt, and with what."""

from __future__ import annotations

import argparse
import asyncio
from datetime import UTC, datetime

from clio.bootstrap import build_service, utc_now
from clio.core.errors import ConfigurationError
from clio.core.messages import Reply
from clio.core.records import Learner
from clio.service.prompts import Delivery, PromptTicker
from clio.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--dry-run",
        action="store_true",
        required=True,
        help="only show; send nothing (the bot sends prompts itself)",
    )
    parser.add_argument("--at", help="an ISO time, e.g. 2026-11-27T18:30Z (default: now)")


def parse_at(text: str | None) -> datetime:
    if text is None:
        return utc_now()
    try:
        at = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise ConfigurationError(f"--at: not an ISO time: {text!r}") from None
    return at.replace(tzinfo=UTC) if at.tzinfo is None else at.astimezone(UTC)


def run(args: argparse.Namespace, settings: Settings) -> int:
    at = parse_at(args.at)
    shown = asyncio.run(_preview(settings, at))
    print(f"{len(shown)} learner(s) due at {at.isoformat()}")
    for learner, replies in shown:
        print(
            f"- {learner.display_name} ({learner.platform}:{learner.external_id}, "
            f"{learner.time_zone}, daily {learner.daily_prompt_time:%H:%M}):"
        )
        for reply in replies:
            print("    " + reply.text.replace("\n", "\n    "))
    return 0


async def _preview(settings: Settings, at: datetime) -> list[tuple[Learner, tuple[Reply, ...]]]:
    service = await build_service(settings)
    try:
        ticker = PromptTicker(service=service, store=service.store, send=_never)
        return await ticker.preview(at)
    finally:
        await service.close()


async def _never(_learner: Learner, _replies: tuple[Reply, ...]) -> Delivery:
    raise AssertionError("a dry run sends nothing")
