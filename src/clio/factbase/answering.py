"""Quick answers: the best supporting sentence of the fact base for a free question."""

from __future__ import annotations

import re
from collections import Counter

from clio.core.facts import Fact, FactBase, QuickAnswer

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "in",
        "on",
        "at",
        "to",
        "for",
        "by",
        "with",
        "from",
        "and",
        "or",
        "but",
        "is",
        "was",
        "were",
        "be",
        "been",
        "are",
        "what",
        "who",
        "whom",
        "when",
        "where",
        "which",
        "why",
        "how",
        "did",
        "do",
        "does",
        "that",
        "this",
        "these",
        "those",
        "it",
        "its",
        "as",
        "into",
        "than",
        "then",
    ]
)


def _terms(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.casefold()) if w not in _STOPWORDS]


class QuickAnswerer:
    """A first cut: the sentence sharing the most question terms; abstains below a threshold.
    To be replaced by proper ranking and answerability."""

    def __init__(self, facts: list[Fact], *, threshold: float = 0.5) -> None:
        self._facts = facts
        self._terms = [Counter(_terms(fact.text)) for fact in facts]
        self._threshold = threshold

    @classmethod
    def from_fact_base(cls, fact_base: FactBase) -> QuickAnswerer:
        return cls([fact for topic in fact_base.topics for fact in topic.facts])

    def answer(self, question: str) -> QuickAnswer:
        terms = set(_terms(question))
        best, best_score = None, 0.0
        for fact, counts in zip(self._facts, self._terms, strict=True):
            score = len(terms & counts.keys()) / max(len(terms), 1)
            if score > best_score:
                best, best_score = fact, score
        if best is None or best_score < self._threshold:
            return QuickAnswer(question, None, None, None, best_score)
        return QuickAnswer(question, None, best.text, best.source, best_score)
