"""Entity extraction: a table of sentences and the typed spans expected in them."""

from __future__ import annotations

import itertools

import pytest

from clio.core.facts import EntityKind as K
from clio.factbase.entities import extract_entities

CASES: list[tuple[str, list[tuple[str, K]]]] = [
    (
        "When Alexander II took the crown of Russia in 1855, he inherited all the problems.",
        [("Alexander II", K.PERSON), ("Russia", K.PLACE), ("1855", K.DATE)],
    ),
    (
        "Defeats including the Charge of the Light Brigade during the Battle of Balaclava "
        "highlighted the failures of Britain.",
        [
            ("Charge of the Light Brigade", K.EVENT),
            ("Battle of Balaclava", K.EVENT),
            ("Britain", K.PLACE),
        ],
    ),
    (
        "There was support from the incumbent prime minister Lord Palmerston.",
        [("Lord Palmerston", K.PERSON)],
    ),
    (
        "Russia was forced to protect Christians in the Ottoman Empire before the Crimean War.",
        [
            ("Russia", K.PLACE),
            ("Christians", K.TERM),
            ("Ottoman Empire", K.PLACE),
            ("Crimean War", K.EVENT),
        ],
    ),
    # Demonyms before a noun are adjectives, not places; a sentence-initial common word
    # ("Peace") is not a name.
    ("Peace curbed Russian expansionism and Ottoman rule.", []),
    (
        "The treaty was signed on March 30, 1856, after the war of the 1850s.",
        [("March 30, 1856", K.DATE), ("1850s", K.DATE)],
    ),
    (
        "The Normans settled in the 10th century and thousands of them stayed.",
        [("Normans", K.TERM), ("10th century", K.DATE), ("thousands", K.NUMBER)],
    ),
    (
        "Some 3,000 men crossed with King Charles III of West Francia.",
        [("3,000", K.NUMBER), ("King Charles III of West Francia", K.PERSON)],
    ),
    (
        "The Duchy of Normandy was forged under Richard I of Normandy.",
        [("Duchy of Normandy", K.PLACE), ("Richard I of Normandy", K.PERSON)],
    ),
    (
        "Norman adventurers founded the Kingdom of Sicily under Roger II, and William the "
        "Conqueror won the Battle of Hastings in 1066.",
        [
            ("Kingdom of Sicily", K.PLACE),
            ("Roger II", K.PERSON),
            ("William the Conqueror", K.PERSON),
            ("Battle of Hastings", K.EVENT),
            ("1066", K.DATE),
        ],
    ),
    (
        "The Yuan dynasty was founded by Kublai Khan, grandson of Genghis Khan.",
        [
            ("Yuan dynasty", K.ORGANISATION),
            ("Kublai Khan", K.PERSON),
            ("Genghis Khan", K.PERSON),
        ],
    ),
    (
        "In 1973 OPEC proclaimed an oil embargo against the United States.",
        [("1973", K.DATE), ("OPEC", K.ORGANISATION), ("United States", K.PLACE)],
    ),
    (
        "The Black Death killed 25 million people in Europe during the 1340s.",
        [
            ("Black Death", K.TERM),
            ("25 million", K.NUMBER),
            ("Europe", K.PLACE),
            ("1340s", K.DATE),
        ],
    ),
    (
        "Moldavia and Wallachia kept their assemblies, monitored from Paris.",
        [("Moldavia", K.PLACE), ("Wallachia", K.PLACE), ("Paris", K.PLACE)],
    ),
    (
        "The French and Indian War ended with the Treaty of Paris in 1763.",
        [("French and Indian War", K.EVENT), ("Treaty of Paris", K.EVENT), ("1763", K.DATE)],
    ),
    # A title's abbreviation stays with its name; a possessive joins a name only when the
    # words after it close one ("War", "Massacre"); a month before "Battle of" is a date.
    (
        "In the St. Bartholomew's Day Massacre of 1572, Catholics killed Huguenots.",
        [
            ("St. Bartholomew's Day Massacre", K.EVENT),
            ("1572", K.DATE),
            ("Catholics", K.TERM),
            ("Huguenots", K.TERM),
        ],
    ),
    ("He lived in St. Petersburg in 1850.", [("St. Petersburg", K.PLACE), ("1850", K.DATE)]),
    ("Kublai's Chinese advisers still wielded power.", [("Kublai", K.TERM)]),
    ("King William's War began in 1688.", [("King William's War", K.EVENT), ("1688", K.DATE)]),
    ("In the March Battle of Fort Bull, the fort fell.", [("Battle of Fort Bull", K.EVENT)]),
    (
        "It became Trinity-St. Paul's Episcopal Church in 1800.",
        [("Trinity-St. Paul's Episcopal Church", K.ORGANISATION), ("1800", K.DATE)],
    ),
    ("Samuel K. Cohn argued this in 2002.", [("Samuel K. Cohn", K.PERSON), ("2002", K.DATE)]),
    # A month or a continent that is a first name too names no person (nor place).
    (
        "The expedition went between June and November 1749.",
        [("June", K.DATE), ("November 1749", K.DATE)],
    ),
    ("The raid came in February.", [("February", K.DATE)]),
    ("Plague reached Asia Minor in 1347.", [("Asia Minor", K.TERM), ("1347", K.DATE)]),
    # Offices before a name are not the name; one title is ("King Louis XIV" stays whole).
    (
        "Russian Foreign Minister Karl Nesselrode signed for Emperor Napoleon III.",
        [
            ("Russian Foreign Minister", K.TERM),
            ("Karl Nesselrode", K.PERSON),
            ("Emperor Napoleon III", K.PERSON),
        ],
    ),
    (
        "He met Commissioner Stavros Dimas and King Louis XIV.",
        [("Commissioner", K.TERM), ("Stavros Dimas", K.PERSON), ("King Louis XIV", K.PERSON)],
    ),
    # Initials open a person's name, not a sentence's first word nor an office.
    (
        "The poet T. S. Eliot met J. Robert Oppenheimer.",
        [("T. S. Eliot", K.PERSON), ("J. Robert Oppenheimer", K.PERSON)],
    ),
    ("It was the U. S. Secretary who spoke.", [("U. S. Secretary", K.TERM)]),
    # A building or a law named after someone is no person.
    (
        "The Victoria Constitution Act and the Gerald Ratner Athletics Center date from 2003.",
        [
            ("Victoria Constitution Act", K.EVENT),
            ("Gerald Ratner Athletics Center", K.ORGANISATION),
            ("2003", K.DATE),
        ],
    ),
    (
        "Mungo Park sailed from Victoria Station.",
        [("Mungo Park", K.PERSON), ("Victoria Station", K.PLACE)],
    ),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_extracts_typed_spans(sentence: str, expected: list[tuple[str, K]]) -> None:
    found = [(e.text, e.kind) for e in extract_entities(sentence)]
    assert found == expected


@pytest.mark.parametrize("sentence", [c[0] for c in CASES])
def test_offsets_are_exact_and_ordered(sentence: str) -> None:
    entities = extract_entities(sentence)
    for entity in entities:
        assert sentence[entity.start : entity.end] == entity.text
    assert [e.start for e in entities] == sorted(e.start for e in entities)
    for a, b in itertools.pairwise(entities):
        assert a.end <= b.start, "entities never overlap"


REGRESSIONS: list[tuple[str, list[tuple[str, K]]]] = [
    # Each pins a mistake found while reviewing samples of the SQuAD history seeds.
    ('Céloron wrote, "All I can say is that it failed."', [("Céloron", K.TERM)]),
    ("Marco Polo wrote The Million in 1299.", [
        ("Marco Polo", K.PERSON), ("Million", K.TERM), ("1299", K.DATE)]),
    ("They fought in King William's War.", [("King William's War", K.EVENT)]),
    ("The Mongols imported Central Asian Muslims.", [
        ("Mongols", K.TERM), ("Central Asian Muslims", K.TERM)]),
    ("The authority of the Ministry of Justice grew.", [("Ministry of Justice", K.ORGANISATION)]),
    ("The U.S. imported oil.", [("U.S.", K.PLACE)]),
    ("It was led by Pedro de la Cruz.", [("Pedro de la Cruz", K.PERSON)]),
    ("Shirley's men built the forts that Shirley had planned.", [
        ("Shirley", K.TERM), ("Shirley", K.PERSON)]),
    # An accented first name is a first name ("who painted it?" got the engraver's name).
    ("From Auguste Blanchard's engraving, based on Édouard Dubufe's picture", [
        ("Auguste Blanchard", K.PERSON), ("Édouard Dubufe", K.PERSON)]),
]  # fmt: skip


@pytest.mark.parametrize(
    ("sentence", "expected"), REGRESSIONS, ids=[r[0][:30] for r in REGRESSIONS]
)
def test_regressions_from_review(sentence: str, expected: list[tuple[str, K]]) -> None:
    assert [(e.text, e.kind) for e in extract_entities(sentence)] == expected


def test_a_place_carries_its_scale() -> None:
    text = "Peace talks in Paris ended the war between Russia and the Ottomans in Crimea."
    scales = {e.text: e.scale for e in extract_entities(text) if e.kind is K.PLACE}
    assert scales == {"Paris": "city", "Russia": "country", "Crimea": "region"}


def test_citation_marks_are_not_numbers() -> None:
    entities = extract_entities("[6][7] Russia lost in 1855.[17]")
    assert [(e.text, e.kind) for e in entities] == [("Russia", K.PLACE), ("1855", K.DATE)]


def test_a_count_is_not_a_year() -> None:
    [entity] = extract_entities("They raised 1500 soldiers.")
    assert (entity.text, entity.kind) == ("1500", K.NUMBER)
