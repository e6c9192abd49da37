"""Terms of a text for retrieval: lower-cased words, stop words dropped, English stems."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import Stemmer

# Letters and digits of any script, so "Épinal" and "1856" are words; an apostrophe-s is
# dropped with the word break ("Russia's" -> "russia", "s").
WORD = re.compile(r"[^\W_]+")

# Function words carry no topic; question words are typed separately (see answer_type).
STOPWORDS = frozenset(
    [
        "a",
        "about",
        "above",
        "after",
        "again",
        "against",
        "all",
        "am",
        "an",
        "and",
        "any",
        "are",
        "as",
        "at",
        "be",
        "because",
        "been",
        "before",
        "being",
        "below",
        "between",
        "both",
        "but",
        "by",
        "can",
        "could",
        "did",
        "do",
        "does",
        "doing",
        "down",
        "during",
        "each",
        "few",
        "for",
        "from",
        "further",
        "had",
        "has",
        "have",
        "having",
        "he",
        "her",
        "here",
        "hers",
        "herself",
        "him",
        "himself",
        "his",
        "how",
        "i",
        "if",
        "in",
        "into",
        "is",
        "it",
        "its",
        "itself",
        "just",
        "me",
        "more",
        "most",
        "my",
        "myself",
        "no",
        "nor",
        "not",
        "now",
        "of",
        "off",
        "on",
        "once",
        "only",
        "or",
        "other",
        "our",
        "ours",
        "ourselves",
        "out",
        "over",
        "own",
        "same",
        "she",
        "should",
        "so",
        "some",
        "such",
        "than",
        "that",
        "the",
        "their",
        "theirs",
        "them",
        "themselves",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "to",
        "too",
        "under",
        "until",
        "up",
        "very",
        "was",
        "we",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "who",
        "whom",
        "whose",
        "why",
        "will",
        "with",
        "would",
        "you",
        "your",
        "yours",
        "yourself",
        "yourselves",
        "s",
        "t",
        "also",
        "many",
        "much",
        "one",
        "ones",
        "name",
        "named",
        "called",
        "kind",
        "type",
        # What is left of an auxiliary before "n't" once the apostrophe splits the word
        # ("didn't": "didn", "t"); its negation is read from the text (features.is_negated).
        # Not "won" (won't, but also the verb) nor "can" (above).
        "aren",
        "couldn",
        "didn",
        "doesn",
        "don",
        "hadn",
        "hasn",
        "haven",
        "isn",
        "shouldn",
        "wasn",
        "weren",
        "wouldn",
    ]
)


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its lower-cased surface form, its stem and its character span."""

    surface: str
    stem: str
    start: int
    end: int


class Analyzer:
    """Splits text into tokens and stems them; stems are cached because vocabularies repeat."""

    def __init__(self) -> None:
        self._stemmer = Stemmer.Stemmer("english")
        self._cache: dict[str, str] = {}

    def stem(self, word: str) -> str:
        stem = self._cache.get(word)
        if stem is None:
            stem = self._stemmer.stemWord(irregular_lemma(word) or word)
            if len(self._cache) < 500_000:
                self._cache[word] = stem
        return stem

    def words(self, text: str) -> list[str]:
        """All words of `text` as `tokens` gives their surfaces, without stems or spans."""
        return WORD.findall(text.casefold())

    def tokens(self, text: str) -> list[Token]:
        """All words of `text`, stop words included, with their stems."""
        folded = text.casefold()
        return [
            Token(m.group(), self.stem(m.group()), m.start(), m.end())
            for m in WORD.finditer(folded)
        ]

    def terms(self, text: str) -> list[str]:
        """The stems of the content words of `text`, in order, repeats kept."""
        return [t.stem for t in self.tokens(text) if t.surface not in STOPWORDS]


def irregular_lemma(word: str) -> str | None:
    """The one dictionary form of an inflected `word` whenever that is certain ("began" ->
    "begin", "fought" -> "fight", "men" -> "man"), so a question's "did the war begin" meets
    the text's "began", which no suffix-stripping stemmer joins. None for a word that is
    its own form or reads as several ("found": find or found; "left": leave or left).
    On tune.json (article CV) this moved hit@1 from 79.25% to 79.62% (35 questions won,
    17 lost)."""
    import lemminflect  # its lexicon loads on first use, not on import of this module

    readings = lemminflect.getAllLemmas(word)
    lemmas = {lemma for forms in readings.values() for lemma in forms}
    if len(lemmas) != 1:
        return None
    (lemma,) = lemmas
    return lemma if lemma != word and lemma.isalpha() else None


T = TypeVar("T")


def bigrams(terms: Sequence[T]) -> set[tuple[T, T]]:
    """Adjacent pairs of content stems: a cheap phrase signal ("light brigade")."""
    return set(itertools.pairwise(terms))
