"""Telegram adapter on python-telegram-bot; the only code that imports `telegram`."""

from clio.adapters.telegram.app import BotConfig, TelegramBot, WebhookConfig, build_bot
from clio.adapters.telegram.port import PLATFORM, BotTexts, Inbound, Tutoring
from clio.adapters.telegram.secrecy import protect_token, webhook_secret_from_token
from clio.adapters.telegram.sending import Backoff

__all__ = [
    "PLATFORM",
    "Backoff",
    "BotConfig",
    "BotTexts",
    "Inbound",
    "TelegramBot",
    "Tutoring",
    "WebhookConfig",
    "build_bot",
    "protect_token",
    "webhook_secret_from_token",
]
