"""An inverted index over the sentences of a fact base, scored by BM25 with paragraph context."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from clio.core.facts import Fact, FactBase, Source
from clio.factbase.terms import STOPWORDS, Analyzer

K1, B = 0.9, 0.4
# How much the paragraph around a sentence counts next to the sentence itself: SQuAD
# questions often take a name from one sentence and the answer from the next.
PARAGRAPH_WEIGHT = 0.7

FloatArray = npt.NDArray[np.float32]
FloatArray64 = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int32]


@dataclass(frozen=True, slots=True)
class Unit:
    """One distinct source sentence (several clause facts may share it) and its paragraph."""

    sentence: str
    source: Source
    facts: tuple[Fact, ...]
    paragraph: int


def bm25_idf(document_frequency: npt.NDArray[np.int64], documents: int) -> FloatArray64:
    """BM25's inverse document frequency of each term, in float64 (the postings store it as
    float32 inside their weights; question weights keep it whole)."""
    df = document_frequency.astype(np.float64)
    return np.log(1 + (documents - df + 0.5) / (df + 0.5))


@dataclass(frozen=True, slots=True)
class Postings:
    """For each term id, the documents it occurs in and its BM25 weight in each: term t's
    postings are `docs[starts[t]:starts[t + 1]]` (one flat array, not one per term: a
    1,000-article base has some 100,000 terms)."""

    docs: IntArray
    weights: FloatArray
    starts: npt.NDArray[np.int64]
    size: int

    @classmethod
    def build(cls, doc_of_token: IntArray, terms: IntArray, size: int, vocabulary: int) -> Postings:
        """BM25 postings of `size` documents from each content token's document and term."""
        pairs, tf = np.unique(
            doc_of_token.astype(np.int64) * vocabulary + terms, return_counts=True
        )
        docs, term = (pairs // vocabulary).astype(np.int32), pairs % vocabulary
        lengths = np.bincount(doc_of_token, minlength=size)
        average = max(float(lengths.sum()) / max(size, 1), 1.0)
        norm = K1 * (1 - B + B * lengths[docs] / average)
        df = np.bincount(term, minlength=vocabulary)
        idf = bm25_idf(df, size).astype(np.float32)
        weights = (tf * (K1 + 1) / (tf + norm)).astype(np.float32) * idf[term]
        # Grouped by term; pairs were sorted by document first, so each term's documents
        # stay in ascending order.
        by_term = np.argsort(term, kind="stable")
        starts = np.concatenate([[0], np.cumsum(df)]).astype(np.int64)
        return cls(docs[by_term], weights[by_term], starts, size)

    def score(self, term_ids: list[int]) -> FloatArray:
        if not term_ids:
            return np.zeros(self.size, dtype=np.float32)
        spans = [slice(self.starts[t], self.starts[t + 1]) for t in term_ids]
        docs = np.concatenate([self.docs[s] for s in spans])
        weights = np.concatenate([self.weights[s] for s in spans])
        return np.bincount(docs, weights=weights, minlength=self.size).astype(np.float32)

    def document_frequency(self) -> npt.NDArray[np.int64]:
        return np.diff(self.starts)


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


class SentenceIndex:
    """Sentences of a fact base with their content-term ids, stored flat (one int32 array and
    offsets) so a 1,000-article base stays compact, and BM25 postings for sentences and
    paragraphs."""

    def __init__(self, fact_base: FactBase, analyzer: Analyzer) -> None:
        self.analyzer = analyzer
        self.units = _units(fact_base)
        self.vocabulary: dict[str, int] = {}
        # Each distinct word is stemmed once: a large base repeats its words many times over.
        term_of_word: dict[str, int] = {}
        flat: list[int] = []
        offsets = [0]
        for unit in self.units:
            for word in analyzer.words(unit.sentence):
                term = term_of_word.get(word)
                if term is None:
                    if word in STOPWORDS:
                        term = -1  # a surface the spelling repair knows, not a term
                    else:
                        stem = analyzer.stem(word)
                        term = self.vocabulary.setdefault(stem, len(self.vocabulary))
                    term_of_word[word] = term
                if term >= 0:
                    flat.append(term)
            offsets.append(len(flat))
        self.surfaces = frozenset(term_of_word)
        self.terms_by_id = list(self.vocabulary)
        self.flat = np.asarray(flat, dtype=np.int32)
        self.offsets = np.asarray(offsets, dtype=np.int64)
        self.paragraph_of = np.asarray([u.paragraph for u in self.units], dtype=np.int32)
        starts = np.flatnonzero(np.diff(self.paragraph_of, prepend=-1))
        self.paragraph_span = np.append(starts, len(self.units)).astype(np.int64)
        unit_of_token = np.repeat(np.arange(len(self.units), dtype=np.int32), np.diff(self.offsets))
        self.sentences = Postings.build(unit_of_token, self.flat, len(self.units), self.size)
        self.paragraphs = Postings.build(
            self.paragraph_of[unit_of_token], self.flat, len(starts), self.size
        )
        self.idf = bm25_idf(self.sentences.document_frequency(), len(self.units))
        # An unknown question word weighs as a typical known one; kept, not recomputed per
        # question (a median over a large vocabulary costs a fifth of a millisecond).
        self.typical_idf = float(np.median(self.idf)) if len(self.idf) else 1.0
        # The scale of the "rarest missing" features, read for every candidate.
        self.rarest_idf = max(float(self.idf.max()), 1.0) if len(self.idf) else 1.0

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
        top = top_k(combined, k)
        return top.tolist(), sentence[top], paragraph[top]


# Scores are grouped in blocks this long to find the top k without selecting over them all.
_BLOCK = 64


def top_k(scores: FloatArray, k: int) -> npt.NDArray[np.intp]:
    """The indices of the `k` highest of non-negative `scores`, best first, ties in index
    order. Exact. numpy's selection (argpartition) costs about a millisecond over the
    137,000 sentences of 1,000 articles; the maxima of blocks of 64 bound the k-th highest
    score from below (the k best blocks each hold a score at least that high), so only the
    few scores above that bound are sorted."""
    k = min(k, len(scores))
    blocks = len(scores) // _BLOCK
    if blocks <= k:
        return np.argsort(-scores, kind="stable")[:k]
    block_max = scores[: blocks * _BLOCK].reshape(blocks, _BLOCK).max(axis=1)
    bound = np.partition(block_max, blocks - k)[blocks - k]
    if bound > 0:
        chosen = np.flatnonzero(scores >= bound)
    else:  # fewer than k blocks score at all: every positive score, then zeros in order
        positive = np.flatnonzero(scores > 0)
        chosen = np.concatenate([positive, np.flatnonzero(scores == 0)[: k - len(positive)]])
    return chosen[np.argsort(-scores[chosen], kind="stable")[:k]]
