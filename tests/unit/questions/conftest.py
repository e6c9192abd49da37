"""Helpers for factbase tests: facts made from plain sentences."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from clio.core.facts import Fact, Source
from clio.factbase.build import fact_id
from clio.factbase.entities import extract_entities


def _make_fact(text: str, *, topic: str = "t", teachable: bool = True, line: int = 1) -> Fact:
    return Fact(
        id=fact_id(topic, text),
        topic_id=topic,
        text=text,
        sentence=text,
        source=Source(f"{topic}.txt", line),
        position=line,
        teachable=teachable,
        entities=extract_entities(text),
    )


MakeFact = Callable[..., Fact]


@pytest.fixture
def make_fact() -> MakeFact:
    """`make_fact(text, topic="t", teachable=True, line=1)`: a fact with its entities."""
    return _make_fact
