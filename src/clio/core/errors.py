"""The one error hierarchy: every error Clio raises on purpose derives from `ClioError`."""

from __future__ import annotations


class ClioError(Exception):
    """Base of every error Clio raises on purpose; the message is meant for a person."""


class ContentError(ClioError):
    """Seeds or dialogs are missing or malformed; the message names the file (and line)."""


class AuthoredQuestionsMismatch(ContentError):
    """The authored questions (dialogs/questions.yaml) name facts or topics the seeds lack."""


class ConfigurationError(ClioError):
    """Settings are missing or wrong (a database URL, a token, a folder)."""


class ConcurrentUpdate(ClioError):
    """A learner's state changed since it was loaded (compare-and-swap lost); retry the event."""
