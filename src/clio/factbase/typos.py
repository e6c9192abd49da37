"""Spelling repair for question words: a misspelt word becomes the nearest known word."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from rapidfuzz import fuzz, process

# Short words have too many one-letter neighbours ("war"/"was") to repair safely.
MIN_LENGTH = 4
# fuzz.ratio is 100 * (1 - insertions+deletions / total length): one slip in a 7-letter
# word scores about 86, two slips in a 9-letter word about 80.
SCORE_CUTOFF = 80.0


class SpellingRepair:
    """Finds, for a word unknown to the vocabulary, the closest known word of similar length
    and the same first letter (learners rarely mistype the first letter, and the bucket keeps
    each look-up to a few thousand comparisons even over a large fact base)."""

    def __init__(self, vocabulary: Iterable[str]) -> None:
        buckets: dict[tuple[str, int], list[str]] = defaultdict(list)
        for word in set(vocabulary):
            if len(word) >= MIN_LENGTH and word.isalpha():
                buckets[word[0], len(word)].append(word)
        self._buckets = {key: sorted(words) for key, words in buckets.items()}
        self._cache: dict[str, str | None] = {}

    def repair(self, word: str) -> str | None:
        """The known word `word` most likely meant, or None when nothing is close enough."""
        if len(word) < MIN_LENGTH or not word.isalpha():
            return None
        if word in self._cache:
            return self._cache[word]
        best: tuple[str, float] | None = None
        for length in range(len(word) - 2, len(word) + 3):
            candidates = self._buckets.get((word[0], length))
            if not candidates:
                continue
            found = process.extractOne(
                word, candidates, scorer=fuzz.ratio, score_cutoff=SCORE_CUTOFF
            )
            if found is not None and (best is None or found[1] > best[1]):
                best = (found[0], found[1])
        result = best[0] if best else None
        if len(self._cache) < 100_000:
            self._cache[word] = result
        return result
