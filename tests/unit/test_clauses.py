"""Clause splitting: one fact per independent clause joined by semicolons, and only then."""

from __future__ import annotations

import pytest

from clio.factbase.clauses import split_clauses


def test_independent_clauses_become_sentences() -> None:
    sentence = (
        'The war revealed how important the "Eastern Question" was to Europe; however, '
        "the Peace of Paris provided no clear answer or guidance."
    )
    assert split_clauses(sentence) == [
        'The war revealed how important the "Eastern Question" was to Europe.',
        "However, the Peace of Paris provided no clear answer or guidance.",
    ]


def test_a_clause_opening_on_a_name_is_split() -> None:
    sentence = (
        "By the end of the embargo in March 1974, the price of oil had risen to nearly $12 "
        "globally; US prices were significantly higher."
    )
    assert split_clauses(sentence) == [
        "By the end of the embargo in March 1974, the price of oil had risen to nearly $12 "
        "globally.",
        "US prices were significantly higher.",
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # A list of prepositional phrases, not clauses.
        "Russia resented Austria, which ended its influence in Italy; in the 1866 war, "
        "with the loss of its influence; and in the Ausgleich with Hungary of 1867.",
        # A list of people with relative clauses: no main verb in the parts.
        "Paul Revere was descended from Huguenots, as was Henry Laurens; Jack Jouett, who "
        "made the ride from Cuckoo Tavern; Francis Marion, and a number of other leaders.",
        # A list after the semicolon; its only verb is in a relative clause.
        "The immigrants formed three societies or congregations; one in the city of New "
        "York, another north of New York in a town which they named New Rochelle.",
        # A list of years.
        "The pandemic was widespread in these years: 1360-63; 1374; 1400; and 1664-67.",
        # Too short to stand alone.
        "He came; he saw the enemy army and fled.",
        # The semicolon is inside a quotation.
        'He wrote "we lost; they won the whole war" and the letter was kept.',
        "No semicolon here, so nothing to split at all.",
    ],
)
def test_other_sentences_stay_whole(sentence: str) -> None:
    assert split_clauses(sentence) == [sentence]
