"""An inverted index over the sentences of a fact base, scored by BM25 with paragraph context."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clio.core.facts import Fact, FactBase, Source
from clio.factbase.terms import Analyzer

K1, B = 0.9, 0.4
# How much the paragraph around a sentence counts next to the sentence itself: SQuAD
# questions often take a name from one sentence and the answer from the next.
PARAGRAPH_WEIGHT = 0.7

FloatArray = npt.NDArray[np.float32]
IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Unit:
    """One distinct source sentence (several clause facts may share it) and its paragraph."""

    sentence: str
    source: Source
    facts: tuple[Fact, ...]
    paragraph: int


@dataclass(frozen=True, slots=True)
class Postings:
    """For each term id, the documents it occurs in and its BM25 weight in each."""

    docs: tuple[IntArray, ...]
    weights: tuple[FloatArray, ...]
    size: int

    def score(self, term_ids: list[int]) -> FloatArray:
        if not term_ids:
            return np.zeros(self.size, dtype=np.float32)
        docs = np.concatenate([self.docs[t] for t in term_ids])
        weights = np.concatenate([self.weights[t] for t in term_ids])
        return np.bincount(docs, weights=weights, minlength=self.size).astype(np.float32)


def _units(fact_base: FactBase) -> list[Unit]:
    units: list[Unit] = []
    paragraphs: dict[tuple[str, str, int], int] = {}
    for topic in fact_base.topics:
        grouped: dict[str, list[Fact]] = {}
        for fact in topic.facts:
            grouped.setdefault(fact.sentence, []).append(fact)
        for sentence, facts in grouped.items():
            source = facts[0].source
            key = (topic.id, source.path, source.line)
            paragraph = paragraphs.setdefault(key, len(paragraphs))
            units.append(Unit(sentence, source, tuple(facts), paragraph))
    return units


def _postings(docs_terms: list[Counter[int]], vocabulary_size: int) -> Postings:
    lengths = [sum(c.values()) for c in docs_terms]
    average = max(sum(lengths) / max(len(lengths), 1), 1.0)
    ids: list[list[int]] = [[] for _ in range(vocabulary_size)]
    tfs: list[list[float]] = [[] for _ in range(vocabulary_size)]
    for doc, counts in enumerate(docs_terms):
        norm = K1 * (1 - B + B * lengths[doc] / average)
        for term, tf in counts.items():
            ids[term].append(doc)
            tfs[term].append(tf * (K1 + 1) / (tf + norm))
    n = len(docs_terms)
    docs, weights = [], []
    for term in range(vocabulary_size):
        idf = math.log(1 + (n - len(ids[term]) + 0.5) / (len(ids[term]) + 0.5))
        docs.append(np.asarray(ids[term], dtype=np.int32))
        weights.append(np.asarray(tfs[term], dtype=np.float32) * np.float32(idf))
    return Postings(tuple(docs), tuple(weights), n)


class SentenceIndex:
    """Sentences of a fact base with their content-term ids, stored flat (one int32 array and
    offsets) so a 1,000-article base stays compact, and BM25 postings for sentences and
    paragraphs."""

    def __init__(self, fact_base: FactBase, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.units = _units(fact_base)
        self.vocabulary: dict[str, int] = {}
        surfaces: set[str] = set()
        flat: list[int] = []
        offsets = [0]
        for unit in self.units:
            for token in analyzer.tokens(unit.sentence):
                surfaces.add(token.surface)
            for stem in analyzer.terms(unit.sentence):
                flat.append(self.vocabulary.setdefault(stem, len(self.vocabulary)))
            offsets.append(len(flat))
        self.surfaces = frozenset(surfaces)
        self.terms_by_id = list(self.vocabulary)
        self.flat = np.asarray(flat, dtype=np.int32)
        self.offsets = np.asarray(offsets, dtype=np.int64)
        self.paragraph_of = np.asarray([u.paragraph for u in self.units], dtype=np.int32)
        starts = np.flatnonzero(np.diff(self.paragraph_of, prepend=-1))
        self.paragraph_span = np.append(starts, len(self.units)).astype(np.int64)
        self.sentences = _postings([Counter(self.term_ids(i)) for i in range(len(self))], self.size)
        self.paragraphs = _postings(
            [Counter(self.paragraph_term_ids(p)) for p in range(len(starts))], self.size
        )
        df = np.asarray([len(d) for d in self.sentences.docs], dtype=np.float64)
        n = max(len(self.units), 1)
        self.idf = np.log(1 + (n - df + 0.5) / (df + 0.5))
        # An unknown question word weighs as a typical known one; kept, not recomputed per
        # question (a median over a large vocabulary costs a fifth of a millisecond).
        self.typical_idf = float(np.median(self.idf)) if len(self.idf) else 1.0

    def __len__(self) -> int:
        return len(self.units)

    @property
    def size(self) -> int:
        return len(self.vocabulary)

    def term_ids(self, unit: int) -> list[int]:
        return self.flat[self.offsets[unit] : self.offsets[unit + 1]].tolist()  # type: ignore[no-any-return]

    def paragraph_term_ids(self, paragraph: int) -> list[int]:
        first, last = self.paragraph_span[paragraph], self.paragraph_span[paragraph + 1]
        return self.flat[self.offsets[first] : self.offsets[last]].tolist()  # type: ignore[no-any-return]

    def neighbours(self, unit: int) -> list[int]:
        """The sentences just before and after `unit` in its paragraph."""
        paragraph = self.paragraph_of[unit]
        first, last = self.paragraph_span[paragraph], self.paragraph_span[paragraph + 1]
        return [i for i in (unit - 1, unit + 1) if first <= i < last]

    def search(self, term_ids: list[int], k: int) -> tuple[list[int], FloatArray, FloatArray]:
        """The `k` best sentences for the query terms, with their sentence and paragraph
        BM25 scores (all sentences scored at once from the postings of the query terms)."""
        sentence = self.sentences.score(term_ids)
        paragraph = self.paragraphs.score(term_ids)[self.paragraph_of]
        combined = sentence + np.float32(PARAGRAPH_WEIGHT) * paragraph
        k = min(k, len(combined))
        if k == 0:
            return [], sentence[:0], paragraph[:0]
        top = np.argpartition(-combined, k - 1)[:k]
        top = top[np.argsort(-combined[top], kind="stable")]
        return top.tolist(), sentence[top], paragraph[top]
