"""The command a learner probably meant by one Clio does not know ("/stats", "/lesosn")."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rapidfuzz import fuzz, process

# fuzz.ratio over short names: one slip in "lesson" scores about 83, two about 67.
SCORE_CUTOFF = 75.0


def meant_command(typed: str, commands: Iterable[str], aliases: Mapping[str, str]) -> str | None:
    """An alias's command, else the known command (or alias) spelt most like `typed`,
    else None."""
    name = typed.casefold()
    if name in aliases:
        return aliases[name]
    names = [*commands, *aliases]
    found = process.extractOne(name, names, scorer=fuzz.ratio, score_cutoff=SCORE_CUTOFF)
    if found is None:
        return None
    return aliases.get(found[0], found[0])
