"""Telegram adapter on python-telegram-bot; the only code that imports `telegram`."""
