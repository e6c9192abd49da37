"""`clio run` from the command line: clear messages and exit codes, never a traceback."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakebot import FakeBotApi

from clio import cli
from clio.adapters.telegram.secrecy import NOISY_LOGGERS
from clio.settings import TelegramSettings

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def restore_logging() -> Iterator[None]:
    """`clio run` installs its token filter and quiets httpx: undo that for other tests."""
    levels = {name: logging.getLogger(name).level for name in NOISY_LOGGERS}
    filters = {handler: list(handler.filters) for handler in logging.getLogger().handlers}
    yield
    for name, level in levels.items():
        logging.getLogger(name).setLevel(level)
    for handler, kept in filters.items():
        handler.filters[:] = kept


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> pytest.MonkeyPatch:
    for name in ("CLIO_TELEGRAM_TOKEN", "CLIO_TELEGRAM_TOKEN_FILE", "CLIO_WEBHOOK_SECRET"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("CLIO_SEEDS_DIR", str(ROOT / "seeds"))
    monkeypatch.setenv("CLIO_DIALOGS_DIR", str(ROOT / "dialogs"))
    monkeypatch.setenv("CLIO_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("CLIO_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("CLIO_DATABASE_URL", f"sqlite:///{tmp_path / 'clio.db'}")
    return monkeypatch


def test_missing_token_is_a_clear_error(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["run"]) == 2
    err = capsys.readouterr().err
    assert "no Telegram bot token: set CLIO_TELEGRAM_TOKEN" in err
    assert "Traceback" not in err


def test_token_file_is_read_and_an_unreadable_one_named(
    env: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    secret = tmp_path / "token"
    secret.write_text("42:from-file\n", encoding="utf-8")
    env.setenv("CLIO_TELEGRAM_TOKEN_FILE", str(secret))
    settings = TelegramSettings.from_env()
    assert settings.token.value == "42:from-file"
    assert "42:from-file" not in repr(settings)
    env.setenv("CLIO_TELEGRAM_TOKEN_FILE", str(tmp_path / "nope"))
    with pytest.raises(Exception, match="CLIO_TELEGRAM_TOKEN_FILE: cannot read"):
        TelegramSettings.from_env()


def test_bad_webhook_secret_is_refused(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    env.setenv("CLIO_TELEGRAM_TOKEN", "1:x")
    env.setenv("CLIO_WEBHOOK_SECRET", "has spaces!")
    assert cli.main(["run", "--webhook-url", "https://example.org/hook"]) == 2
    assert "CLIO_WEBHOOK_SECRET" in capsys.readouterr().err


async def test_rejected_token_exits_non_zero_with_a_message(
    env: pytest.MonkeyPatch, api: FakeBotApi, capsys: pytest.CaptureFixture[str]
) -> None:
    env.setenv("CLIO_TELEGRAM_TOKEN", "777:revoked")
    env.setenv("CLIO_TELEGRAM_API_URL", api.base_url)
    # main() runs its own event loop: give it a thread, the fake server keeps this one.
    code = await asyncio.to_thread(cli.main, ["run"])
    err = capsys.readouterr().err
    assert code == 2
    assert "rejected the bot token" in err
    assert "777:revoked" not in err and "Traceback" not in err


async def test_clio_v_run_logs_requests_without_the_token(
    env: pytest.MonkeyPatch, api: FakeBotApi, caplog: pytest.LogCaptureFixture
) -> None:
    env.setenv("CLIO_TELEGRAM_TOKEN", "777:revoked")
    env.setenv("CLIO_TELEGRAM_API_URL", api.base_url)
    with caplog.at_level(logging.DEBUG):
        assert await asyncio.to_thread(cli.main, ["-v", "run"]) == 2
    assert "/bot<token>/getMe" in caplog.text  # the request line was logged...
    assert "777:revoked" not in caplog.text  # ...with the token filtered out


def test_tick_must_be_a_positive_number_of_seconds(
    env: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as stopped:
        cli.main(["run", "--tick", "0"])
    assert stopped.value.code == 2
    assert "--tick: give a number of seconds from 0 to 3600" in capsys.readouterr().err
