"""Distractors: the same type as the answer, never the answer or a variant of it."""

from __future__ import annotations

import random
from collections.abc import Callable

import pytest

from clio.core.facts import Entity, EntityKind, Fact
from clio.factbase.distractors import DistractorPool, is_variant

MakeFact = Callable[..., Fact]


def _entity(fact: Fact, text: str) -> Entity:
    return next(e for e in fact.entities if e.text == text)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Britain", "Great Britain", True),
        ("Russia", "Russian Empire", True),
        ("Battle of Balaclava", "Balaclava", True),
        ("Lord Palmerston", "Palmerston", True),
        ("Crimean War", "Franco-Austrian War", False),
        ("Paris", "London", False),
        ("Treaty of Paris", "Battle of Balaclava", False),
    ],
)
def test_variants(a: str, b: str, same: bool) -> None:
    assert is_variant(a, b) is same
    assert is_variant(b, a) is same


def test_years_are_nearby_distinct_and_never_the_answer(make_fact: MakeFact) -> None:
    fact = make_fact("Alexander II took the crown in 1855.")
    others = [make_fact(f"Something happened in {y}.", line=y) for y in (1853, 1856, 1900)]
    pool = DistractorPool.from_facts([fact, *others])
    for seed in range(20):
        years = pool.choose(_entity(fact, "1855"), fact=fact, rng=random.Random(seed))
        assert years is not None and len(set(years)) == 3
        assert "1855" not in years and "1900" not in years
        assert all(abs(int(y) - 1855) <= 12 for y in years)


def test_decades_centuries_and_amounts_are_made_when_needed(make_fact: MakeFact) -> None:
    fact = make_fact("In the 10th century thousands settled, and in the 1850s 3,000 left.")
    pool = DistractorPool.from_facts([fact])
    rng = random.Random(1)
    century = pool.choose(_entity(fact, "10th century"), fact=fact, rng=rng)
    decade = pool.choose(_entity(fact, "1850s"), fact=fact, rng=rng)
    rough = pool.choose(_entity(fact, "thousands"), fact=fact, rng=rng)
    exact = pool.choose(_entity(fact, "3,000"), fact=fact, rng=rng)
    assert century and all(c.endswith("century") and c != "10th century" for c in century)
    assert decade and all(d.endswith("0s") and d != "1850s" for d in decade)
    assert rough == ["dozens", "hundreds", "millions"]
    assert exact and all("," in n or int(n) < 1000 for n in exact) and "3,000" not in exact


def test_named_distractors_share_kind_and_scale(make_fact: MakeFact) -> None:
    fact = make_fact("Peace talks were held in Paris in 1856.")
    others = [
        make_fact("Riots broke out in London.", line=2),
        make_fact("The court moved to Vienna and then to Berlin.", line=3),
        make_fact("Finland and Poland were ruled by the Tsar Nicholas I.", line=4),
        make_fact("Trade grew in Madrid.", line=5),
    ]
    pool = DistractorPool.from_facts([fact, *others])
    for seed in range(10):
        chosen = pool.choose(_entity(fact, "Paris"), fact=fact, rng=random.Random(seed))
        assert chosen is not None
        assert set(chosen) <= {"London", "Vienna", "Berlin", "Madrid"}  # cities, not countries


def test_too_few_named_candidates_means_no_distractors(make_fact: MakeFact) -> None:
    fact = make_fact("Lord Palmerston spoke in 1855.")
    other = make_fact("Alexander II listened.", line=2)
    pool = DistractorPool.from_facts([fact, other])
    person = _entity(fact, "Lord Palmerston")
    assert person.kind is EntityKind.PERSON
    assert pool.choose(person, fact=fact, rng=random.Random(0)) is None


def test_article_use_must_match(make_fact: MakeFact) -> None:
    fact = make_fact("Reform weakened the Russian Empire.")
    others = [
        make_fact("Trade reached the Ottoman Empire, the Mughal Empire and the Holy Roman Empire."),
        make_fact("Prussia, Bavaria and Saxony united.", line=2),
    ]
    pool = DistractorPool.from_facts([fact, *others])
    chosen = pool.choose(_entity(fact, "Russian Empire"), fact=fact, rng=random.Random(3))
    assert chosen is not None and all(c.endswith("Empire") for c in chosen)


def test_a_year_named_in_the_same_sentence_is_never_a_distractor(make_fact: MakeFact) -> None:
    fact = make_fact("Gegeen Khan ruled from 1321 to 1323.")
    pool = DistractorPool.from_facts([fact])
    for seed in range(30):
        years = pool.choose(_entity(fact, "1321"), fact=fact, rng=random.Random(seed))
        assert years is not None and "1323" not in years and len(set(years)) == 3
