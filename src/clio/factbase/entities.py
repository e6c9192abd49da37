"""Entity extraction from one fact's text (people, places, events, dates, ...)."""

from __future__ import annotations

from clio.core.facts import Entity


def extract_entities(text: str) -> tuple[Entity, ...]:
    """Return the typed entities of `text`, in order of appearance. (Not yet implemented:
    returns none, so no questions are generated.)"""
    del text
    return ()
