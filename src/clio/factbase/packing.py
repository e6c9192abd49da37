"""Pickling fact-base values fast: as constructor calls, for the cache file and for results
that worker processes hand back to a parallel build."""

from __future__ import annotations

import io
import pickle
from dataclasses import fields
from typing import Any, BinaryIO

from clio.core.facts import Entity, Fact, Question, Source, Topic
from clio.factbase.collector import collector_paused

_POSITIONAL: dict[type, tuple[str, ...]] = {
    kind: tuple(field.name for field in fields(kind))
    for kind in (Fact, Entity, Source, Question, Topic)
}


class FastPickler(pickle.Pickler):
    """Pickles the fact base's slotted dataclasses as constructor calls: loading them through
    the dataclass __setstate__ (which looks up the fields for every object) took most of
    the time of a cache hit."""

    def reducer_override(self, obj: object) -> Any:
        kind = type(obj)
        if kind in _POSITIONAL:
            return kind, tuple(getattr(obj, name) for name in _POSITIONAL[kind])
        return NotImplemented


def dump(value: object, stream: BinaryIO) -> None:
    FastPickler(stream, protocol=pickle.HIGHEST_PROTOCOL).dump(value)


def pack(value: object) -> bytes:
    """`value` as bytes; `pickle.loads` reads them back."""
    buffer = io.BytesIO()
    dump(value, buffer)
    return buffer.getvalue()


def load(stream: BinaryIO) -> Any:
    """What `dump` wrote (the stream must be Clio's own: see cache.py)."""
    with collector_paused():
        return pickle.load(stream)


def unpack(data: bytes) -> Any:
    """What `pack` made."""
    with collector_paused():
        return pickle.loads(data)
