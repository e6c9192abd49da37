"""Tokens, numerals and list items: the normalisation the grader builds on."""

from __future__ import annotations

import pytest

from clio.core.matching import typo_allowance
from clio.core.normalise import is_list_answer, split_items, strip_accents, tokenise
from clio.core.numerals import numeral_key, regnal_twin, roman, roman_value, spoken_year


@pytest.mark.parametrize(
    ("roman", "value"),
    [
        ("i", 1),
        ("ii", 2),
        ("iv", 4),
        ("ix", 9),
        ("xiv", 14),
        ("xl", 40),
        ("mdcccly", None),
        ("mdcccliv", 1854),
        ("mcmxliv", 1944),
        ("iiii", None),
        ("vx", None),
        ("", None),
        ("mmmcmxcix", 3999),
        ("civil", None),
        ("palmerston", None),
    ],
)
def test_roman_values(roman: str, value: int | None) -> None:
    assert roman_value(roman) == value


def test_roman_is_the_inverse_of_roman_value() -> None:
    assert all(roman_value(roman(n)) == n for n in range(1, 4000))
    assert roman(1856) == "mdccclvi"
    with pytest.raises(ValueError):
        roman(0)


@pytest.mark.parametrize(
    ("token", "twin"),
    [
        ("2", "ii"),
        ("ii", "2"),
        ("14", "xiv"),
        ("xiv", "14"),
        ("39", "xxxix"),
        ("40", None),
        ("1855", None),
        ("02", None),
        ("0", None),
        ("i", None),
        ("v", None),
        ("civil", None),
    ],
)
def test_regnal_twin_writes_a_small_number_the_other_way(token: str, twin: str | None) -> None:
    assert regnal_twin(token) == twin


@pytest.mark.parametrize(
    ("token", "key"),
    [
        ("ii", "2"),
        ("2nd", "2"),
        ("second", "2"),
        ("two", "2"),
        ("xxi", "21"),
        ("21st", "21"),
        ("1855", "1855"),
        ("07", "7"),
        ("march", "3"),
        ("sept", "9"),
        ("may", "may"),
        ("war", "war"),
        ("twentieth", "20"),
    ],
)
def test_numeral_keys(token: str, key: str) -> None:
    assert numeral_key(token) == key


def test_tokens_fold_case_accents_and_separators() -> None:
    [token] = tokenise("Épinal")
    assert (token.original, token.plain, token.folded) == ("Épinal", "épinal", "epinal")
    assert [t.key for t in tokenise("Saint-Arnaud, 3,000 men; O'Brien")] == [
        "saint",
        "arnaud",
        "3000",
        "men",
        "obrien",
    ]
    assert [t.key for t in tokenise("1854,1855")] == ["1854", "1855"]
    assert [t.key for t in tokenise("Łódź, Æthelred, Søren")] == ["lodz", "aethelred", "soren"]


def test_strip_accents_keeps_plain_letters() -> None:
    assert strip_accents("sévastopol àèìòù ñ ç") == "sevastopol aeiou n c"


def test_numeric_tokens_are_marked() -> None:
    assert [t.numeric for t in tokenise("Alexander II in 1855")] == [False, True, False, True]


@pytest.mark.parametrize(
    ("text", "items", "is_list"),
    [
        ("Moldavia and Wallachia", ("Moldavia", "Wallachia"), True),
        (
            "Britain, France and the Ottoman Empire",
            ("Britain", "France", "the Ottoman Empire"),
            True,
        ),
        ("Britain, France, Sardinia", ("Britain", "France", "Sardinia"), True),
        ("Palmerston, Lord", ("Palmerston", "Lord"), False),
        ("3,000", ("3,000",), False),
        ("Lord Palmerston", ("Lord Palmerston",), False),
        ("A; B", ("A", "B"), True),
    ],
)
def test_list_items(text: str, items: tuple[str, ...], is_list: bool) -> None:
    assert split_items(text) == items
    assert is_list_answer(text) is is_list


@pytest.mark.parametrize(("length", "edits"), [(1, 0), (4, 0), (5, 1), (8, 1), (9, 2), (20, 2)])
def test_typo_allowance_grows_with_word_length(length: int, edits: int) -> None:
    assert typo_allowance(length) == edits


@pytest.mark.parametrize(
    ("words", "found"),
    [
        ("eighteen fifty five was", (1855, 3)),
        ("eighteen hundred and five", (1805, 4)),
        ("eighteen hundred and", (1800, 2)),
        ("nineteen oh two", (1902, 3)),
        ("twenty twelve", (2012, 2)),
        ("fifteen eighty", (1580, 2)),
        ("eighteen", None),
        ("eighteen five", None),  # said "eighteen oh five"
        ("twenty five", None),  # a count, not a year
        ("seventeen provinces", None),
    ],
)
def test_spoken_years(words: str, found: tuple[int, int] | None) -> None:
    assert spoken_year(tuple(words.split())) == found


def test_a_spoken_year_is_one_token_reading_as_its_digits() -> None:
    tokens = tokenise("In eighteen fifty-five, I think")
    assert [t.key for t in tokens] == ["in", "1855", "1", "think"]
    assert tokens[1].original == "eighteen fifty five" and not tokens[1].has_digits
