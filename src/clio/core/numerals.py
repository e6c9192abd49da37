"""Numerals in answers: roman, ordinal and small cardinal words read as one arabic number."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TypeVar

# A well-formed roman numeral up to 3999 (lower case, as tokens are folded before this).
_ROMAN = re.compile(r"m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
# "2nd", "21st", "4th": digits with an English ordinal suffix (no rank is longer than this).
_DIGIT_ORDINAL = re.compile(r"(\d{1,18})(?:st|nd|rd|th)")
# Python refuses to turn more than 4,300 digits into an int (a guard against slow
# conversions); a longer run in a seed or a message is compared as written.
_LONGEST_CONVERTED = 4300

# fmt: off
_CARDINALS = (
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty",
)
_ORDINALS = (
    "zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
    "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
    "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth",
)
# Months read as their number so that "30 March 1856" = "30/3/1856" = "March 30, 1856".
# "may" is left out: in a sentence it is far more often the verb.
_MONTHS = (
    "january", "february", "march", "april", "", "june", "july", "august", "september",
    "october", "november", "december",
)
# fmt: on
# Cardinal and ordinal words up to twenty: what a learner spells out.
COUNTING_WORDS: dict[str, int] = {
    **{word: value for value, word in enumerate(_CARDINALS)},
    **{word: value for value, word in enumerate(_ORDINALS)},
}
# Only words a learner would use for a regnal number, a war or a count in a history answer;
# larger numbers are typed as digits.
_WORD_VALUES: dict[str, int] = {
    **COUNTING_WORDS,
    **{month: value for value, month in enumerate(_MONTHS, start=1) if month},
    **{month[:3]: value for value, month in enumerate(_MONTHS, start=1) if month},
    "sept": 9,
}


def typed_number(text: str, *, digits: int = 9) -> int | None:
    """The number typed as decimal digits, at most `digits` of them ("2" picks a choice, "17"
    names a class; "٣" is 3), or None: "²" is a digit to str.isdigit but not to int(), and
    int() refuses a run of 5,000 digits, so neither may reach it."""
    if text.isdecimal() and len(text) <= digits:
        return int(text)
    return None


Option = TypeVar("Option")


def numbered_option(text: str, options: Sequence[Option]) -> Option | None:
    """The option a typed 1-based number picks ("2" of three), or None for any other text
    or a number out of range."""
    number = typed_number(text)
    return options[number - 1] if number is not None and 1 <= number <= len(options) else None


def roman_value(token: str) -> int | None:
    """The value of a folded (lower-case) roman numeral token, or None if it is not one."""
    if not token or _ROMAN.fullmatch(token) is None:
        return None
    total = 0
    for letter, following in zip(token, [*token[1:], ""], strict=True):
        value = _ROMAN_VALUES[letter]
        # Subtractive notation: a smaller letter before a larger one counts negatively.
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


_ROMAN_STEPS = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


def roman(value: int) -> str:
    """The folded roman numeral of 1..3999 (`roman_value`'s inverse)."""
    if not 0 < value < 4000:
        raise ValueError(f"no roman numeral for {value}")
    letters = []
    for step, text in _ROMAN_STEPS:
        count, value = divmod(value, step)
        letters.append(text * count)
    return "".join(letters)


# Regnal and war numbers a learner may write either way ("alexander 2", "world war ii").
REGNAL_LIMIT = 39


def regnal_twin(token: str) -> str | None:
    """The same small number in the other notation: "2" -> "ii", "ii" -> "2"; None for
    anything else. Single letters ("i", "v", "x") are left alone: they are more often words
    or labels than numbers."""
    if token.isdecimal():
        number = typed_number(token, digits=2) or 0
        return roman(number) if 0 < number <= REGNAL_LIMIT and token[0] != "0" else None
    value = roman_value(token) if len(token) > 1 else None
    return str(value) if value is not None and value <= REGNAL_LIMIT else None


def numeral_value(token: str) -> int | None:
    """The number a folded token stands for ("ii", "2nd", "second", "two" -> 2), or None."""
    if token in _WORD_VALUES:
        return _WORD_VALUES[token]
    ordinal = _DIGIT_ORDINAL.fullmatch(token)
    if ordinal is not None:
        return int(ordinal.group(1))
    return roman_value(token)


def count_value(token: str) -> str | None:
    """The number a folded token counts or ranks by, as arabic digits ("3rd", "third",
    "three" -> "3"; "1856" -> "1856"; "1/200th" is two tokens), or None. Unlike
    `numeral_value` it leaves roman numerals and months alone: "mix" or "march" in a
    question is a word."""
    if token.isdecimal() or token in COUNTING_WORDS or _DIGIT_ORDINAL.fullmatch(token):
        return numeral_key(token)
    return token if any(ch.isdigit() for ch in token) else None


def numeral_key(token: str) -> str:
    """The comparison key of a folded token: its arabic number if it is a numeral, else itself.
    Digit strings lose only leading zeros ("03" = "3" in a date); their value is kept exact."""
    if token.isdecimal():
        return _digits_key(token)
    value = numeral_value(token)
    return token if value is None else str(value)


def _digits_key(token: str) -> str:
    """A decimal token without its leading zeros, in ASCII digits ("03" -> "3")."""
    if len(token) > _LONGEST_CONVERTED:
        return token.lstrip("0") or "0"
    return str(int(token))


# Years as they are said: "eighteen fifty-five", "eighteen hundred and five", "nineteen oh
# two", "twenty twelve". Only the words that can make one are listed.
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}  # fmt: skip
_TEENS = {word: value for value, word in enumerate(_CARDINALS) if 10 <= value <= 19}
_UNITS = {word: value for value, word in enumerate(_CARDINALS) if 1 <= value <= 9}
_CENTURIES = {**_TEENS, "twenty": 20}


def spoken_year(words: tuple[str, ...]) -> tuple[int, int] | None:
    """The year that folded `words` open with and how many words it takes, or None:
    ("eighteen", "fifty", "five", "was") -> (1855, 3). A century word alone is not a year."""
    century = _CENTURIES.get(words[0]) if words else None
    if century is None or len(words) < 2:
        return None
    second = words[1]
    if second == "hundred":
        after = 3 if words[2:3] == ("and",) and _below_hundred(words[3:])[1] else 2
        below, used = _below_hundred(words[after:])
        return century * 100 + below, after + used
    if second in ("oh", "o") and len(words) > 2 and words[2] in _UNITS:
        return century * 100 + _UNITS[words[2]], 3
    below, used = _below_hundred(words[1:])
    return (century * 100 + below, 1 + used) if used and below >= 10 else None


def _below_hundred(words: tuple[str, ...]) -> tuple[int, int]:
    """The number 1..99 that `words` open with, and its word count ((0, 0) for none)."""
    if not words:
        return 0, 0
    if words[0] in _TEENS:
        return _TEENS[words[0]], 1
    if words[0] in _TENS:
        unit = _UNITS.get(words[1], 0) if len(words) > 1 else 0
        return _TENS[words[0]] + unit, 2 if unit else 1
    if words[0] in _UNITS:
        return _UNITS[words[0]], 1
    return 0, 0
