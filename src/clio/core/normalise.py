"""Text normalisation for grading: tokens folded for case, accents, separators and numerals."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from clio.core.numerals import numeral_key, spoken_year

# A number written with thousands separators ("3,000", "12 500" with a no-break space) is one
# token; otherwise a word is a run of letters and digits, apostrophes (and the Catalan middle
# dot of "col·legi") inside it allowed. Combining marks are matched through a shadow text.
_TOKEN = re.compile(
    r"(?<!\d)\d{1,3}(?:[,\u00a0\u202f]\d{3})+(?!\d)|[^\W_]+(?:['’·][^\W_]+)*",
)
_DROPPED_INSIDE_TOKEN = re.compile(r"[,\u00a0\u202f'’·]")
# Letters that do not decompose into a base letter and a combining mark under NFKD.
_SPECIAL_LETTERS = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i"}
)

ARTICLES = frozenset({"the", "a", "an"})
# Words that carry no content of their own inside an answer ("Treaty of Paris").
STOPWORDS = ARTICLES | frozenset(
    {"of", "and", "in", "on", "at", "to", "for", "by", "from", "with", "de", "von", "van"}
)
# Words a learner wraps round an answer ("I think it was Palmerston", "I'm not sure, but
# Palmerston") that add no claim. "not" is here because "not sure" is far more common in
# answers than a negated name.
# fmt: off
FILLERS = STOPWORDS | frozenset({
    "i", "think", "it", "its", "was", "is", "were", "are", "be", "been", "must", "have",
    "maybe", "probably", "perhaps", "believe", "guess", "sure", "pretty", "certain", "answer",
    "that", "this", "he", "she", "they", "his", "her", "their", "called", "named", "known",
    "as", "um", "uh", "er", "hmm", "well", "so", "oh", "ok", "okay", "im", "id", "ive", "my",
    "not", "but", "dont", "know", "really", "say", "would", "definitely", "of", "course",
    "thats", "theres",
})
# fmt: on
# A response word that offers alternatives: hedging, never an answer.
HEDGES = frozenset({"or", "either"})


@dataclass(frozen=True, slots=True)
class Token:
    """One word of an answer in its four forms; each grading stage compares a looser form."""

    original: str
    plain: str
    folded: str
    key: str

    @property
    def numeric(self) -> bool:
        """Whether the word stands for a number ("1855", "II", "second", "March")."""
        return any(character.isdigit() for character in self.key)

    @property
    def has_digits(self) -> bool:
        """Typed with digits: such words must match exactly (no typo allowance)."""
        return any(character.isdigit() for character in self.folded)


def strip_accents(text: str) -> str:
    """`text` with diacritics removed ("Épinal" -> "Epinal"); expects case-folded input."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_SPECIAL_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Answers, prompts and common words recur on every grading; tokens are immutable values, so a
# bounded cache is invisible to callers and keeps the core pure.
@lru_cache(maxsize=8192)
def make_token(original: str) -> Token:
    """Fold one word: case, inner separators ("3,000", "O'Brien"), accents, then numerals."""
    plain = _DROPPED_INSIDE_TOKEN.sub("", original.casefold())
    # Marks go before case folding, which would turn some into letters (Greek iota subscript
    # -> "ι"), and again after it, for capitals that only fold to an accented letter ("Ø").
    # NFKD can leave non-letters behind ("ŀ" -> "l·"); they are not part of the word.
    bare = strip_accents(strip_accents(original).casefold())
    folded = "".join(c for c in bare if c.isalnum())
    return Token(original=original, plain=plain, folded=folded, key=numeral_key(folded))


@lru_cache(maxsize=2048)
def tokenise(text: str) -> tuple[Token, ...]:
    """The words of `text`; punctuation, hyphens and spacing only separate words."""
    # NFC first: text typed on some systems arrives decomposed ("E" + combining acute).
    composed = unicodedata.normalize("NFC", text)
    # Marks left after NFC (a Hebrew point, a Devanagari vowel sign) belong to their word,
    # but the regex cannot name them: match on a copy where each mark reads as a letter.
    shadow = "".join("a" if unicodedata.category(c)[0] == "M" else c for c in composed)
    tokens = tuple(make_token(composed[m.start() : m.end()]) for m in _TOKEN.finditer(shadow))
    return _with_spoken_years(tokens)


# The most words a spoken year takes ("eighteen hundred and fifty five").
_SPOKEN_YEAR_WORDS = 5


def _with_spoken_years(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """A year said in words ("eighteen fifty-five") made one token that reads as "1855"."""
    joined: list[Token] = []
    index = 0
    while index < len(tokens):
        words = tuple(t.folded for t in tokens[index : index + _SPOKEN_YEAR_WORDS])
        found = spoken_year(words)
        if found is None:
            joined.append(tokens[index])
            index += 1
            continue
        year, used = found
        words_said = tokens[index : index + used]
        joined.append(
            Token(
                original=" ".join(t.original for t in words_said),
                plain=" ".join(t.plain for t in words_said),
                folded="".join(t.folded for t in words_said),
                key=str(year),
            )
        )
        index += used
    return tuple(joined)


def drop_leading_articles(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """`tokens` without a leading "the", "a" or "an" (but never emptied by it)."""
    index = 0
    while index < len(tokens) - 1 and tokens[index].folded in ARTICLES:
        index += 1
    return tokens[index:]


def drop_ordinal_articles(tokens: tuple[Token, ...]) -> tuple[Token, ...]:
    """`tokens` without a "the" before a numeral word ("Alexander the Second" -> "Alexander
    Second"), so that it reads the same as "Alexander II"."""
    return tuple(
        token
        for token, following in zip(tokens, (*tokens[1:], None), strict=True)
        if not (
            token.folded == "the"
            and following is not None
            and following.key != following.folded
            and following.key.isdigit()
        )
    )


def content_positions(tokens: tuple[Token, ...]) -> tuple[int, ...]:
    """Where the tokens that carry meaning are; all of them when every one is a stopword."""
    kept = tuple(i for i, token in enumerate(tokens) if token.folded not in STOPWORDS)
    return kept or tuple(range(len(tokens)))


# Items of a list answer are separated by ";", "&", "and", or a comma that is not inside a
# number ("3,000").
_ITEM_SEPARATOR = re.compile(r"\s*(?:;|&|\band\b|(?<!\d),|,(?!\d))\s*", re.IGNORECASE)
_WORD_SEPARATOR = re.compile(r";|&|\band\b", re.IGNORECASE)
_LIST_COMMA = re.compile(r"(?<!\d),|,(?!\d)")


def split_items(text: str) -> tuple[str, ...]:
    """The non-empty items of `text` split at list separators, in order, trimmed."""
    parts = (part.strip(" .!?:\"'()[]") for part in _ITEM_SEPARATOR.split(text))
    return tuple(part for part in parts if tokenise(part))


def is_list_answer(text: str) -> bool:
    """Whether an expected answer names several things. One comma alone is not enough:
    "Palmerston, Lord" is one name written surname first."""
    items = split_items(text)
    if len(items) < 2:
        return False
    joined_by_word = _WORD_SEPARATOR.search(text) is not None
    return joined_by_word or len(_LIST_COMMA.findall(text)) >= 2
