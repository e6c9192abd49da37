"""Quick answers: the best supporting sentence of the fact base for a free question, or none."""

from __future__ import annotations

import math
import operator
from collections.abc import Sequence
from dataclasses import dataclass

from clio.core.facts import FactBase, QuickAnswer
from clio.core.numerals import regnal_twin
from clio.factbase import qa_model
from clio.factbase.answer_type import AnswerType, answer_type, asks_who_someone_is, short_answer
from clio.factbase.collector import collector_paused
from clio.factbase.features import Query, candidate_features, is_negated, swap_features
from clio.factbase.retrieval import PARAGRAPH_WEIGHT, SentenceIndex
from clio.factbase.terms import STOPWORDS, Analyzer, bigrams
from clio.factbase.typos import SpellingRepair

# How many sentences retrieval hands to the learned ranker. Describing each is most of an
# answer's time; on tune.json (article CV) 10 rank and judge as well as 20 did (hit@1 79.25%
# both, end-to-end within 0.1 point) at half the cost.
CANDIDATES = 10


@dataclass(frozen=True, slots=True)
class Model:
    """A logistic model: weights in feature order, a bias."""

    weights: Sequence[float]
    bias: float

    def score(self, features: Sequence[float]) -> float:
        if len(features) != len(self.weights):
            raise ValueError(f"{len(features)} features for {len(self.weights)} weights")
        # map(operator.mul) over a generator: three models score 20 candidates per question.
        products: float = sum(map(operator.mul, self.weights, features))
        return self.bias + products

    def probability(self, features: Sequence[float]) -> float:
        z = self.score(features)
        return 1.0 / (1.0 + math.exp(-max(min(z, 30.0), -30.0)))


RANKER = Model(qa_model.RANK_WEIGHTS, qa_model.RANK_BIAS)
# The order of the candidates comes from a listwise model (trained to put a gold sentence
# first among each question's candidates); the pointwise RANKER's probability stays as the
# judge's evidence, because a listwise score says nothing about a question with no answer.
ORDER = Model(qa_model.ORDER_WEIGHTS, 0.0)
# Two judges of the best sentence: the default one learnt to spot off-topic questions (a
# learner's stray question to a small seed folder); the strict one SQuAD's trick questions.
JUDGE = Model(qa_model.OFF_TOPIC_WEIGHTS, qa_model.OFF_TOPIC_BIAS)
STRICT_JUDGE = Model(qa_model.ANSWER_WEIGHTS, qa_model.ANSWER_BIAS)
# Below this strict-judge probability a short answer is not stated. On tune.json (bench/qa.py,
# "short answers by strict-judge trust") they were right 9% of the time below 0.2 (191
# answers), 31% from 0.2 to 0.46 and 58% above; on the bundled seed's near misses, five of
# the eight short answers given as sure lay below 0.2 ("who was the russian foreign
# minister?" -> "Lord Palmerston"), against one right one of the on-topic questions.
SHORT_ANSWER_TRUST = 0.2


@dataclass(frozen=True, slots=True)
class Candidate:
    """A ranked sentence: its index unit, ranker probability, order score and features."""

    unit: int
    probability: float
    features: list[float]
    score: float = 0.0


@dataclass(frozen=True, slots=True)
class Ranking:
    """Candidates best first, and the judged probability that the best one answers (from
    `evidence`, the judges' features; empty when nothing was judged)."""

    query: Query
    candidates: list[Candidate]
    confidence: float
    evidence: list[float]


class QuickAnswerer:
    """Answers free questions from an index built once from a FactBase; answering does no
    I/O, so the pure core can hold one."""

    def __init__(
        self,
        index: SentenceIndex,
        *,
        ranker: Model = RANKER,
        order: Model = ORDER,
        judge: Model = JUDGE,
        abstain_below: float = qa_model.ABSTAIN_BELOW,
    ) -> None:
        self.index = index
        self._repair = SpellingRepair(index.surfaces)
        self._ranker, self._order = ranker, order
        self._judge, self._abstain_below = judge, abstain_below

    @classmethod
    def from_fact_base(cls, fact_base: FactBase) -> QuickAnswerer:
        with collector_paused():
            return cls(SentenceIndex(fact_base, Analyzer()))

    def strict(self) -> QuickAnswerer:
        """The same index with the judge and threshold tuned against trick questions."""
        return QuickAnswerer(
            self.index,
            ranker=self._ranker,
            order=self._order,
            judge=STRICT_JUDGE,
            abstain_below=qa_model.STRICT_ABSTAIN_BELOW,
        )

    def query(self, question: str) -> Query:
        """The question's known terms (misspellings repaired) with their IDF weights."""
        index, analyzer = self.index, self.index.analyzer
        ids: list[int] = []
        unknown = 0
        tokens = analyzer.tokens(question)
        for token in tokens:
            if token.surface in STOPWORDS:
                continue
            term = index.vocabulary.get(token.stem)
            if term is None and (twin := regnal_twin(token.surface)) is not None:
                term = index.vocabulary.get(analyzer.stem(twin))
            if term is None and token.surface not in index.surfaces:
                repaired = self._repair.repair(token.surface)
                term = index.vocabulary.get(analyzer.stem(repaired)) if repaired else None
            if term is None:
                unknown += 1
            elif term not in ids:
                ids.append(term)
        typical = index.typical_idf
        return Query(
            text=question,
            kind=answer_type(question),
            term_ids=ids,
            weights={t: float(index.idf[t]) for t in ids},
            unknown_weight=unknown * typical,
            numbers=[t for t in ids if _is_number(index, t)],
            bigrams=bigrams(ids),
            negated=is_negated(question),
            surfaces=frozenset(t.surface for t in tokens if t.surface not in STOPWORDS),
        )

    def features(self, question: str) -> tuple[Query, list[tuple[int, list[float]]]]:
        """Retrieve candidates and describe each (bench/train_qa.py learns from these)."""
        query = self.query(question)
        units, sentence, paragraph = self.index.search(query.term_ids, CANDIDATES)
        combined = sentence + PARAGRAPH_WEIGHT * paragraph
        best = float(combined[0]) if len(combined) and combined[0] > 0 else 1.0
        best_paragraph = float(paragraph.max()) if len(paragraph) and paragraph.max() > 0 else 1.0
        described = []
        paragraphs = list(dict.fromkeys(int(self.index.paragraph_of[u]) for u in units))
        for rank, unit in enumerate(units):
            scores = (
                float(sentence[rank]),
                float(paragraph[rank]),
                float(combined[rank]) / best,
                float(paragraph[rank]) / best_paragraph,
            )
            features = candidate_features(
                self.index,
                query,
                unit=unit,
                rank=rank,
                scores=scores,
                paragraph_rank=paragraphs.index(int(self.index.paragraph_of[unit])),
            )
            described.append((unit, features))
        return query, described

    def rank(self, question: str) -> Ranking:
        """Order the candidates by the ranker and judge the best one."""
        query, described = self.features(question)
        candidates = [
            Candidate(u, self._ranker.probability(f), f, self._order.score(f)) for u, f in described
        ]
        candidates.sort(key=lambda c: -c.score)
        if not candidates or not query.term_ids:
            return Ranking(query, candidates, 0.0, [])
        evidence = judge_features(query, self.index.units[candidates[0].unit].sentence, candidates)
        return Ranking(query, candidates, self._judge.probability(evidence), evidence)

    def answer(self, question: str) -> QuickAnswer:
        ranking = self.rank(question)
        if not ranking.candidates or ranking.confidence < self._abstain_below:
            return QuickAnswer(question, None, None, None, ranking.confidence)
        unit = self.index.units[ranking.candidates[0].unit]
        # The default judge learnt to turn away questions on other subjects, so a question
        # on the seeds' subject that they do not answer ("who signed the treaty?") passes
        # it. The strict judge learnt such questions: a short answer it all but rules out is
        # not given, and a doubtful sentence it would not answer from is offered as the
        # closest the seeds come (bench/learner_questions.py).
        trust = STRICT_JUDGE.probability(ranking.evidence)
        short = short_answer(ranking.query.kind, unit.facts, question)
        if trust < SHORT_ANSWER_TRUST:
            short = None
        # A caption or heading is context, not a statement: it answers only on the strict
        # judge's word, as does a sentence holding nothing of the kind asked for.
        plausible = all(fact.teachable for fact in unit.facts) and (
            short is not None
            or ranking.query.kind is AnswerType.OTHER
            or asks_who_someone_is(question, unit.facts)
        )
        sure = plausible or trust >= qa_model.STRICT_ABSTAIN_BELOW
        return QuickAnswer(question, short, unit.sentence, unit.source, ranking.confidence, sure)


def judge_features(query: Query, sentence: str, candidates: list[Candidate]) -> list[float]:
    """The ANSWER_FEATURES: the first candidate's own, its probability, its lead over the
    second's (negative when the order model overrules the pointwise ranker) and the swap
    cues of the question against its `sentence`."""
    top = candidates[0]
    runner_up = candidates[1].probability if len(candidates) > 1 else 0.0
    return [
        *top.features,
        top.probability,
        top.probability - runner_up,
        *swap_features(query.text, sentence),
    ]


def _is_number(index: SentenceIndex, term: int) -> bool:
    return index.terms_by_id[term].isdigit()
