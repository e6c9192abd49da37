"""A person named in full and met again by one name is that person each time."""

from __future__ import annotations

from collections.abc import Callable

from clio.core.facts import EntityKind as K
from clio.core.facts import Fact, FactBase, Topic
from clio.factbase.answering import QuickAnswerer
from clio.factbase.names_again import people_named_again

MakeFact = Callable[..., Fact]

TEXTS = (
    "Denis Papin conceptualized the piston in 1690.",
    "Papin built a pump, and Savery built an engine.",
    "Kublai Khan moved the capital, which Kublai renamed Dadu.",
    "George Washington marched north; Washington was a young officer.",
    "Lord Palmerston wanted the war to go on.",
)


def test_a_one_word_name_of_a_person_named_in_full_is_that_person(make_fact: MakeFact) -> None:
    facts = people_named_again([make_fact(text, line=i) for i, text in enumerate(TEXTS)])
    kinds = {(e.text, e.kind) for fact in facts for e in fact.entities}
    assert ("Papin", K.PERSON) in kinds
    assert ("Kublai", K.PERSON) in kinds  # the name, not the epithet "Khan"
    # Nobody named "Savery" in full; "Washington" is a place too, so it keeps its kind.
    assert ("Savery", K.TERM) in kinds
    assert ("Washington", K.PLACE) in kinds
    assert ("Palmerston", K.PERSON) not in kinds  # not met again: nothing to retype


def test_a_who_question_is_answered_by_the_short_name(make_fact: MakeFact) -> None:
    facts = people_named_again([make_fact(text, line=i) for i, text in enumerate(TEXTS)])
    topic = Topic("t", "Engines", "t.txt", facts)
    answerer = QuickAnswerer.from_fact_base(FactBase.assemble((topic,), ()))
    reply = answerer.answer("who built a pump?")
    assert (reply.answer, reply.sentence) == ("Papin", TEXTS[1])
