"""Async orchestration: ports, per-learner locks, scheduling; no Telegram, no SQL."""
