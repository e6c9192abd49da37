"""Dates, years and numbers in a sentence, as typed spans found by regular expressions."""

from __future__ import annotations

import re
from collections.abc import Iterator

from clio.core.facts import Entity, EntityKind


def _split(text: str) -> list[str]:
    return text.split()


_MONTH = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)"
)
_ORDINAL_WORDS = [
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
    "twentieth",
    "twenty-first",
]
_ORDINAL = r"(?:\d{1,2}(?:st|nd|rd|th)|" + "|".join(_ORDINAL_WORDS) + ")"
_ERA = r"(?:\s?(?:BC|BCE|AD|CE|B\.C\.|A\.D\.))"

# Order matters: longer forms first, so "March 30, 1856" wins over "1856".
_DATE_PATTERNS = [
    rf"\b{_MONTH}\s\d{{1,2}}(?:st|nd|rd|th)?,?\s\d{{3,4}}\b",
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s{_MONTH}(?:,)?\s\d{{3,4}}\b",
    rf"\b{_MONTH}\s\d{{4}}\b",
    rf"\b(?:early\s|mid-|late\s)?{_ORDINAL}(?:\s(?:and|or|to)\s{_ORDINAL})?\scentur(?:y|ies)"
    rf"{_ERA}?",
    r"\b\d{2,3}0s\b",
    r"\b1\d{3}\s?[–-]\s?(?:1\d{3}|\d{2})\b",
    r"\b(?:AD|A\.D\.)\s\d{1,4}\b",
    rf"\b\d{{1,4}}{_ERA}(?!\w)",
    r"\b(?:1\d{3}|20\d{2})\b(?![,.]\d)(?!\s?%)",
    r"(?<=\b(?:in|by) )\d{3}\b(?![,.]\d)",
]
_MONTH_PATTERNS = frozenset(range(3))  # the patterns above that need a month's name
_CENTURY_PATTERNS = frozenset([3])
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _compile_dates(*, months: bool, centuries: bool) -> re.Pattern[str]:
    """The date patterns, without the month or century ones when the text cannot hold one:
    each costs dozens of word comparisons at every word, and leaving out a pattern that
    cannot match anywhere changes no match. Every pattern starts at a word boundary, so
    the leading `\\b` skips the inside of words."""
    kept = [
        pattern
        for index, pattern in enumerate(_DATE_PATTERNS)
        if (months or index not in _MONTH_PATTERNS)
        and (centuries or index not in _CENTURY_PATTERNS)
    ]
    return re.compile(r"\b(?:" + "|".join(f"(?:{p})" for p in kept) + ")", re.IGNORECASE)


_DATES = {
    (months, centuries): _compile_dates(months=months, centuries=centuries)
    for months in (False, True)
    for centuries in (False, True)
}

_NUMBER_WORD = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|thousand|million|billion|dozen)"
)
_NUMBER_PATTERNS = [
    r"\b(?:tens|hundreds|thousands) of (?:thousands|millions)\b",
    r"\b(?:hundreds|thousands|millions|billions|dozens)\b",
    r"(?<![\w.,[])\$?\d{1,3}(?:,\d{3})+(?:\.\d+)?(?:\s(?:million|billion))?(?:\s?%| percent)?",
    r"(?<![\w.,[])\$?\d+(?:\.\d+)?(?:\s(?:million|billion|thousand))?(?:\s?%| percent)?",
    rf"\b{_NUMBER_WORD}(?:[\s-]{_NUMBER_WORD})*(?=\s[a-z])",
]
# Each number starts with a digit, "$" or one of these letters: the lookahead skips every
# other position at once instead of trying the five patterns there.
_NUMBER = re.compile(
    r"(?=[\d$tfsenhmbd])(?:" + "|".join(f"(?:{p})" for p in _NUMBER_PATTERNS) + ")"
)

# After a bare four-digit number, these words make it a count, not a year ("1500 men").
_COUNT_NOUNS = frozenset(
    _split(
        "men soldiers troops people ships horses guns people persons years km miles tons "
        "pounds dollars acres cannon casualties dead killed prisoners households families"
    )
)


_HAS_DIGIT = re.compile(r"\d")


def find_dates(text: str) -> Iterator[Entity]:
    """Yield the dates of `text`: full dates, months, centuries, decades, ranges and years."""
    if not _HAS_DIGIT.search(text) and "centur" not in text:
        return  # most sentences: skip the long pattern
    lower = text.casefold()
    months = any(stem in lower for stem in _MONTH_STEMS)
    for match in _DATES[months, "centur" in lower].finditer(text):
        start, end = match.span()
        following = text[end:].split(maxsplit=1)
        if following and following[0].strip(",.;:").casefold() in _COUNT_NOUNS:
            continue
        yield Entity(text[start:end], EntityKind.DATE, start, end)


def find_numbers(text: str, *, taken: list[tuple[int, int]]) -> Iterator[Entity]:
    """Yield counts and amounts ("3,000", "thousands", "25%") outside the spans in `taken`."""
    for match in _NUMBER.finditer(text):
        start, end = match.span()
        if any(start < b and a < end for a, b in taken):
            continue
        yield Entity(text[start:end], EntityKind.NUMBER, start, end)
