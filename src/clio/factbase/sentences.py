"""Sentence splitting: spans of the sentences of a paragraph of clean prose.

A hand-written rule splitter, chosen over the libraries after measuring (bench/build.py,
on the dev seeds): pysbd splits "born c. 1450" and is ~130x slower; syntok is right on the
abbreviation table too but splits at semicolons and inside quotations, and is ~30x slower.
A candidate boundary is . ! ? or an ellipsis, then any closing quotes or brackets, then
whitespace; the words on either side, and open quotations, decide whether it is real.
"""

from __future__ import annotations

import bisect
import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CANDIDATE = re.compile(r"(?:[.!?]+|…)[\"')\]]*\s+")

# Before these a period never ends a sentence: titles and Latin abbreviations.
_NEVER_FINAL = _words(
    """mr mrs ms messrs dr prof st mt ft gen col maj capt cpt lt sgt cmdr adm gov sen rep
    pres rev fr hon jr sr sra msgr e.g i.e vs viz cf approx esp incl lit ca c fl r b d
    al"""
)
# These abbreviate a word that comes before a number ("No. 10", "Jan. 5", "p. 12").
_BEFORE_NUMBER = _words(
    """no nos vol vols p pp ch fig art sec para op jan feb mar apr jun jul aug sep sept oct
    nov dec"""
)
# Words that commonly open a sentence: after an initial or a dotted acronym ("U.S.",
# "World War I.") one of these marks a new sentence; any other capitalised word is more
# likely a name going on ("U.S. Army", "George W. Bush").
_OPENERS = _words(
    """the a an this that these those there then thus this he she it they we i his her its
    their our in on at by for from after before during when while since although though
    however but and yet so as if once later meanwhile afterwards eventually many most some
    several both each all no none one two three another other such following despite
    under with without between among about around according unlike like"""
)


# A quotation of several sentences stays in one sentence ("He said, "I won. They lost."")
# when its closing quote comes within this many characters; a stray quote changes nothing.
MAX_QUOTATION_CHARS = 400


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Return the (start, end) spans of the sentences of `text`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    quotes = [index for index, char in enumerate(text) if char == '"'] if '"' in text else []
    for match in _CANDIDATE.finditer(text):
        if quotes and _inside_quotation(quotes, match.end()):
            continue
        if text[start : match.start()].strip().isdigit():
            continue  # "1. The war began." is a numbered item, not the sentence "1."
        if _is_boundary(text, match):
            end = match.end()
            spans.append((start, end))
            start = end
    spans.append((start, len(text)))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


def _inside_quotation(quotes: list[int], position: int) -> bool:
    """Whether `position` is inside an open quotation that closes soon after it."""
    before = bisect.bisect_left(quotes, position)
    if before % 2 == 0 or before == len(quotes):
        return False
    return quotes[before] - position <= MAX_QUOTATION_CHARS


def _is_boundary(text: str, match: re.Match[str]) -> bool:
    after = text[match.end() :]
    next_word = _next_word(after)
    if not next_word:
        return False
    first = next_word[0]
    if first.islower():
        return False  # "approx. five", "'Stop!' he said"
    mark = match.group(0).rstrip()
    if "." not in mark or "..." in mark or "…" in mark:
        return True  # ! ? and ellipses end a sentence before a capital or a number
    return _period_ends(_word_before(text, match.start()), next_word)


def _period_ends(word: str, next_word: str) -> bool:
    """Whether a period after `word` ends the sentence, given the next word."""
    if word in _NEVER_FINAL:
        return False
    if word in _BEFORE_NUMBER:
        return not next_word[0].isdigit()
    opener = next_word.strip("\"'(").casefold() in _OPENERS
    if len(word) == 1 and word.isalpha():
        return opener  # an initial ("W. Bush") or a numeral ("World War I. The")
    if "." in word and all(len(part) <= 2 for part in word.split(".")):
        return opener  # a dotted acronym: "U.S.", "A.D.", "B.C."
    return True


def _word_before(text: str, end: int) -> str:
    """The word ending at `end` (before the period), case folded unless a single letter,
    so that "c. 1450" is an abbreviation but "C. Smith" an initial."""
    start = end
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    # "Trinity-St." abbreviates "St."; opening quotes and brackets are not part of a word.
    word = text[start:end].lstrip("\"'([").rsplit("-", 1)[-1]
    return word if len(word) == 1 else word.casefold()


def _next_word(after: str) -> str:
    """The next word, opening quotes and brackets stripped; "" at the end of the text."""
    stripped = after.lstrip("\"'([")
    end = 0
    while end < len(stripped) and not stripped[end].isspace():
        end += 1
    return stripped[:end]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
