"""One settings object, read once from the environment in `main()` and passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import platformdirs


@dataclass(frozen=True)
class Settings:
    """Where Clio finds its content and keeps its data."""

    seeds_dir: Path
    dialogs_dir: Path
    cache_dir: Path
    data_dir: Path
    # An ordinary SQLAlchemy URL (sqlite:///path, postgresql://user@host/db); the store picks
    # the async driver. Empty means clio.db in data_dir (its folder is made on first use).
    database_url: str = ""
    # The Telegram bot's username (without @), for class invitation links
    # (https://t.me/<username>?start=<code>); empty: invitations show just the code.
    bot_username: str = ""

    def __post_init__(self) -> None:
        if not self.database_url:
            default = f"sqlite:///{self.data_dir / 'clio.db'}"
            object.__setattr__(self, "database_url", default)  # frozen: set once, here

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        env = os.environ if env is None else env
        data_dir = Path(env.get("CLIO_DATA_DIR") or platformdirs.user_data_dir("clio"))
        return cls(
            seeds_dir=Path(env.get("CLIO_SEEDS_DIR", "seeds")),
            dialogs_dir=Path(env.get("CLIO_DIALOGS_DIR", "dialogs")),
            cache_dir=Path(env.get("CLIO_CACHE_DIR") or platformdirs.user_cache_dir("clio")),
            data_dir=data_dir,
            database_url=env.get("CLIO_DATABASE_URL", ""),
            bot_username=env.get("CLIO_BOT_USERNAME", "").strip().lstrip("@"),
        )
