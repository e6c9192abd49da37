"""`clio db upgrade` and `clio db current`: the schema of the database CLIO_DATABASE_URL names."""

from __future__ import annotations

import argparse
import asyncio

from clio.settings import Settings
from clio.store import migrate, open_store
from clio.store.url import async_url, shown


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "action",
        choices=["upgrade", "current"],
        help="upgrade: bring the schema to the newest revision; current: show its revision",
    )


def run(args: argparse.Namespace, settings: Settings) -> int:
    return asyncio.run(_run(args.action, settings.database_url))


async def _run(action: str, url: str) -> int:
    store = await open_store(url, upgrade=action == "upgrade")
    try:
        current = await migrate.current_revision(store.engine)
    finally:
        await store.close()
    head = migrate.head_revision()
    where = shown(async_url(url))
    if current == head:
        print(f"{where}: at revision {current} (newest)")
        return 0
    print(
        f"{where}: at revision {current or 'none (empty)'}; newest is {head}: run clio db upgrade"
    )
    return 1
