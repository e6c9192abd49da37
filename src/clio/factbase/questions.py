"""Question generation: sound questions for a fact, with answers and distractors."""

from __future__ import annotations

from collections.abc import Sequence

from clio.core.facts import Fact, Question


def generate_questions(fact: Fact, *, pool: Sequence[Fact]) -> list[Question]:
    """Return the questions `fact` supports; `pool` supplies distractors of the same type.
    (Not yet implemented: returns none.)"""
    del fact, pool
    return []
