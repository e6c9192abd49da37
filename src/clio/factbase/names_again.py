"""A person met again by one name: "Papin" after "Denis Papin", "Palmerston" after "Lord
Palmerston". On its own such a word has nothing to tell it from a term ("Papin built a
pump"), but a text that names a person in full keeps meaning them by that name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from clio.core.facts import Entity, EntityKind, Fact
from clio.factbase import cues
from clio.factbase import gazetteer as gz


def people_named_again(facts: Sequence[Fact]) -> tuple[Fact, ...]:
    """`facts` (one topic's) with every one-word term that is the name of a person the
    topic names in full retyped as that person."""
    names = {
        name
        for fact in facts
        for e in fact.entities
        if _full_person(e) and (name := _short_name(e.text)) is not None
    }
    if not names:
        return tuple(facts)
    return tuple(_retyped(fact, names) for fact in facts)


def _full_person(entity: Entity) -> bool:
    return entity.kind is EntityKind.PERSON and " " in entity.text


def _short_name(name: str) -> str | None:
    """The word a person's full name is shortened to: the last that is no title, regnal
    number or epithet ("Lord Palmerston": Palmerston; "Kublai Khan": Kublai). None when
    that word is a place as well ("George Washington")."""
    words = [w for w in name.split() if w[:1].isupper()]
    for word in reversed(words):
        folded = word.casefold()
        if folded in cues.TITLES or folded in cues.PERSON_TAILS or word in cues.ROMAN_NUMERALS:
            continue
        if len(word) < 3 or word.endswith(".") or gz.is_place_name(word):
            return None
        return word
    return None


def _retyped(fact: Fact, names: set[str]) -> Fact:
    if not any(e.kind is EntityKind.TERM and e.text in names for e in fact.entities):
        return fact
    entities = tuple(
        replace(e, kind=EntityKind.PERSON) if e.kind is EntityKind.TERM and e.text in names else e
        for e in fact.entities
    )
    return replace(fact, entities=entities)
