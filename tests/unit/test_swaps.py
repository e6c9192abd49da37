"""Swap cues: a question that turns a sentence's word into its contrary or changes its number."""

from __future__ import annotations

import pytest

from clio.core.numerals import count_value
from clio.factbase.features import SWAP_FEATURES, swap_features
from clio.factbase.swaps import changed_number, contrary_word, folded_words

TREATY = "The Treaty of Paris was signed on 30 March 1856, the third treaty of that name."


def _cues(question: str, sentence: str) -> dict[str, float]:
    return dict(zip(SWAP_FEATURES, swap_features(question, sentence), strict=True))


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        ("What was the largest port?", "Odessa was the smallest port on the coast."),
        ("Who was able to legislate?", "The Parliament is unable to legislate on it."),
        ("Which act was legal?", "The act was illegal under the treaty."),
        ("What was the nonviolent protest called?", "The violent protest was called a riot."),
        ("What is a non-violent protest?", "A violent protest is a riot."),
        ("Who sits on Fridays?", "Parliament sits on Tuesdays and Thursdays."),
        ("What happened before the war?", "After the war the fleet was sunk."),
    ],
)
def test_a_word_turned_into_its_contrary(question: str, sentence: str) -> None:
    assert _cues(question, sentence)["contrary_word"] == 1.0


@pytest.mark.parametrize(
    ("question", "sentence"),
    [
        # The sentence says the same: the word is there, whatever else it holds.
        ("What was the largest port?", "Odessa was the largest port, not the smallest."),
        # A word that merely begins like a negation: "income" is not "in" + "come".
        ("What was the tsar's income?", "Where did the tsar's troops come from?"),
        # Short words are left alone: "into" is not a contrary of "to".
        ("Who sailed to Sevastopol?", "The fleet sailed into Sevastopol."),
        ("Who signed the treaty?", TREATY),
    ],
)
def test_no_contrary(question: str, sentence: str) -> None:
    assert _cues(question, sentence)["contrary_word"] == 0.0


def test_a_changed_number() -> None:
    assert _cues("When was the fifth treaty of that name signed?", TREATY)["changed_number"] == 1.0
    assert _cues("Was the treaty signed in 1855?", TREATY)["changed_number"] == 1.0
    assert _cues("What occurs at 1/200th of the rate?", "It occurs at 1/2000th of it.") == {
        "contrary_word": 0.0,
        "changed_number": 1.0,
    }


def test_the_same_number_in_another_notation_is_not_changed() -> None:
    assert not changed_number("When did Alexander 2 take the crown?", "Alexander II, in 1855")
    assert _cues("When was the 3rd treaty of that name signed?", TREATY)["changed_number"] == 0.0
    assert _cues("What happened in 1856?", TREATY)["changed_number"] == 0.0


def test_a_number_the_sentence_does_not_answer_with_another_is_not_changed() -> None:
    # No number in the sentence: it may just not say; that is the ranker's business.
    assert not changed_number("Was it in 1856?", "The treaty was signed.")
    assert not changed_number("Who signed it?", "It was signed in 1856.")


def test_a_number_is_read_whole() -> None:
    sentence = "There are twelve cities with more than 200,000 residents and 34 over 100,000."
    assert changed_number("Where are there 34 cities over 300,000?", sentence)
    assert not changed_number("Where are there 34 cities over 100,000?", sentence)
    assert not changed_number("How many live in 2.5 square miles?", "They live in 2.5 miles.")


def test_count_value_reads_counts_and_ranks_but_not_roman_numerals_or_months() -> None:
    assert count_value("third") == count_value("3rd") == count_value("three") == "3"
    assert count_value("1856") == "1856" and count_value("03") == "3"
    assert count_value("1990s") == "1990s"
    assert count_value("mix") is None and count_value("march") is None


def test_folded_words_join_non_to_the_word_after_it() -> None:
    assert folded_words("Non-Muslims were taxed") == ["nonmuslims", "were", "taxed"]
    assert contrary_word({"nonmuslims"}, {"muslims", "paid"})
