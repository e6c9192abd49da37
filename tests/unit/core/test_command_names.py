"""The command a learner meant by an unknown one: aliases first, then the nearest spelling."""

from __future__ import annotations

import pytest

from clio.core.command_names import meant_command

COMMANDS = ("lesson", "review", "progress", "hint", "skip", "summary", "help")
ALIASES = {"stats": "progress", "quiz": "review"}


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("stats", "progress"),  # an alias
        ("STATS", "progress"),
        ("stast", "progress"),  # a misspelt alias
        ("lesosn", "lesson"),  # a misspelt command
        ("reveiw", "review"),
        ("sumary", "summary"),
        ("dance", None),  # nothing like it
        ("x", None),
    ],
)
def test_meant_command(typed: str, meant: str | None) -> None:
    assert meant_command(typed, COMMANDS, ALIASES) == meant
