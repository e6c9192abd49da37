"""One settings object, read once from the environment in `main()` and passed down."""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

from clio.core.errors import ConfigurationError

# The bundled seeds and dialogs: inside an installed wheel (pyproject.toml's force-include),
# or at the top of the source tree this file sits in.
_PACKAGE_CONTENT = Path(__file__).resolve().parent / "content"
_SOURCE_TREE = Path(__file__).resolve().parents[2]


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
            seeds_dir=content_dir("seeds", env.get("CLIO_SEEDS_DIR")),
            dialogs_dir=content_dir("dialogs", env.get("CLIO_DIALOGS_DIR")),
            cache_dir=Path(env.get("CLIO_CACHE_DIR") or platformdirs.user_cache_dir("clio")),
            data_dir=data_dir,
            database_url=env.get("CLIO_DATABASE_URL", ""),
            bot_username=env.get("CLIO_BOT_USERNAME", "").strip().lstrip("@"),
        )


def content_dir(
    name: str,
    configured: str | None,
    *,
    cwd: Path | None = None,
    package: Path = _PACKAGE_CONTENT,
    source_tree: Path = _SOURCE_TREE,
) -> Path:
    """Where the `name` content folder (seeds or dialogs) is: the one configured; else
    `name` in the working folder (a checkout, or an author's own content); else the copy an
    installed wheel carries; else the source tree's (an editable install run elsewhere).
    When none exists, `name` itself, so that the error names what was looked for."""
    if configured:
        return Path(configured)
    here = Path(name) if cwd is None else cwd / name
    for folder in (here, package / name, source_tree / name):
        if folder.is_dir():
            return folder
    return here


@dataclass(frozen=True)
class Secret:
    """A value that must never be printed or logged: its repr and str hide it."""

    value: str = field(repr=False)

    def __str__(self) -> str:
        return "<secret>" if self.value else "<empty>"

    def __repr__(self) -> str:
        return f"Secret({self})"


@dataclass(frozen=True)
class TelegramSettings:
    """What `clio run` needs to reach Telegram; read from CLIO_TELEGRAM_* variables."""

    token: Secret
    api_url: str | None  # CLIO_TELEGRAM_API_URL, e.g. http://127.0.0.1:8081/bot
    webhook_secret: Secret  # CLIO_WEBHOOK_SECRET; empty: derived from the token

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> TelegramSettings:
        env = os.environ if env is None else env
        return cls(
            token=Secret(_token(env)),
            api_url=env.get("CLIO_TELEGRAM_API_URL") or None,
            webhook_secret=Secret(env.get("CLIO_WEBHOOK_SECRET", "")),
        )


def _token(env: Mapping[str, str]) -> str:
    """CLIO_TELEGRAM_TOKEN, else the first line of CLIO_TELEGRAM_TOKEN_FILE (a mounted secret)."""
    token = env.get("CLIO_TELEGRAM_TOKEN", "").strip()
    path = env.get("CLIO_TELEGRAM_TOKEN_FILE", "")
    if token or not path:
        return token
    try:
        return Path(path).read_text(encoding="utf-8").strip()
    except OSError as error:
        raise ConfigurationError(
            f"CLIO_TELEGRAM_TOKEN_FILE: cannot read {path}: {error.strerror}"
        ) from None
