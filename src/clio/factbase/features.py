"""Features of a (question, candidate sentence) pair for ranking and for the abstain decision."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from clio.factbase.answer_type import AnswerType, fresh_entity_evidence, type_evidence
from clio.factbase.context_features import CONTEXT_FEATURES, context_features, cover
from clio.factbase.retrieval import SentenceIndex
from clio.factbase.swaps import changed_number, contrary_word, folded_words
from clio.factbase.terms import WORD, bigrams

# The order of the weights shipped in qa_model.py; change both together (bench/train_qa.py).
RANK_FEATURES = (
    "sentence_bm25",
    "paragraph_bm25",
    "sentence_cover",
    "paragraph_cover",
    "window_cover",
    "sentence_cover_plain",
    "sentence_bigrams",
    "paragraph_bigrams",
    "rarest_missing",
    "number_missing",
    "typed",
    "type_evidence",
    "novelty",
    "log_length",
    "reciprocal_rank",
    "score_ratio",
    "unknown_terms",
    "window_rarest_missing",
    "paragraph_rank",
    "match_density",
    "negation_mismatch",
    "known_terms",
    "base_size",
    "paragraph_share",
    "typed_entity",
    "surface_cover",
    *CONTEXT_FEATURES,
)
# The abstain model sees the best candidate's features, how sure the ranker was and whether
# the question turns one of the sentence's words or numbers into another (SWAP_FEATURES).
SWAP_FEATURES = ("contrary_word", "changed_number")
ANSWER_FEATURES = (*RANK_FEATURES, "rank_probability", "rank_margin", *SWAP_FEATURES)


@dataclass(frozen=True, slots=True)
class Query:
    """A question reduced to what the features need: its term ids with their weights (an
    unknown term weighs as a typical known term, so it counts against every sentence)."""

    text: str
    kind: AnswerType
    term_ids: list[int]
    weights: dict[int, float]
    unknown_weight: float
    numbers: list[int]
    bigrams: set[tuple[int, int]]
    negated: bool
    # The question's content words as written (unstemmed): an exact word beats a shared stem.
    surfaces: frozenset[str] = frozenset()

    @property
    def total_weight(self) -> float:
        return sum(self.weights.values()) + self.unknown_weight


def candidate_features(
    index: SentenceIndex,
    query: Query,
    *,
    unit: int,
    rank: int,
    scores: tuple[float, float, float, float],
    paragraph_rank: int,
) -> list[float]:
    """The RANK_FEATURES of one candidate; `scores` are its sentence BM25, paragraph BM25,
    its combined score as a fraction of the best candidate's and its paragraph BM25 as a
    fraction of the best candidate paragraph's; `paragraph_rank` is its paragraph's place
    among the candidates' paragraphs."""
    sentence_ids = index.term_ids(unit)
    sentence = set(sentence_ids)
    paragraph_ids = index.paragraph_term_ids(int(index.paragraph_of[unit]))
    paragraph = set(paragraph_ids)
    around = {n - unit: set(index.term_ids(n)) for n in index.neighbours(unit)}
    window = sentence.union(*around.values())
    # Summed once here: the weights are read for every cover below.
    weight_total = query.total_weight
    total = weight_total or 1.0
    missing = [w for t, w in query.weights.items() if t not in paragraph]
    window_missing = [w for t, w in query.weights.items() if t not in window]
    rarest = index.rarest_idf
    known = len(query.weights)
    pairs = max(len(query.bigrams), 1)
    text = index.units[unit].sentence
    return [
        scores[0] / total,
        scores[1] / total,
        cover(query.weights, weight_total, sentence),
        cover(query.weights, weight_total, paragraph),
        cover(query.weights, weight_total, window),
        sum(1 for t in query.weights if t in sentence) / max(known, 1),
        len(query.bigrams & bigrams(sentence_ids)) / pairs,
        len(query.bigrams & bigrams(paragraph_ids)) / pairs,
        max([*missing, rarest if query.unknown_weight else 0.0]) / rarest,
        float(any(n not in paragraph for n in query.numbers)),
        float(query.kind is not AnswerType.OTHER),
        type_evidence(query.kind, text, query.text),
        len(sentence - query.weights.keys()) / max(len(sentence), 1),
        math.log1p(len(sentence_ids)),
        1.0 / (rank + 1),
        scores[2],
        query.unknown_weight / total,
        max([*window_missing, rarest if query.unknown_weight else 0.0]) / rarest,
        1.0 / (paragraph_rank + 1),
        _density(sentence_ids, query),
        float(query.negated and not is_negated(text)),
        math.log1p(known),
        math.log10(len(index) + 1),
        scores[3],
        fresh_entity_evidence(query.kind, index.units[unit].facts, query.text),
        _surface_cover(query, text),
        *context_features(
            query.weights,
            weight_total,
            sentence=sentence,
            previous=around.get(-1),
            following=around.get(1),
            text=text,
        ),
    ]


def swap_features(question: str, sentence: str) -> list[float]:
    """The SWAP_FEATURES of a question about a sentence (the best candidate only: these are
    the judges' evidence, not the ranker's)."""
    asked, said = set(folded_words(question)), set(folded_words(sentence))
    return [float(contrary_word(asked, said)), float(changed_number(question, sentence))]


NEGATIONS = frozenset({"not", "no", "never", "none", "nor", "without"})
# "didn't", "won't", "can't", with a straight or a curly apostrophe.
_CONTRACTED_NOT = re.compile(r"n['\u2019]t\b", re.IGNORECASE)


def is_negated(text: str) -> bool:
    """Whether `text` says "not" in one of its forms ("not", "never", "didn't", ...)."""
    return bool(_CONTRACTED_NOT.search(text)) or not NEGATIONS.isdisjoint(
        WORD.findall(text.casefold())
    )


def _surface_cover(query: Query, text: str) -> float:
    """The share of the question's content words found in the sentence exactly as written."""
    if not query.surfaces:
        return 0.0
    return len(query.surfaces.intersection(WORD.findall(text.casefold()))) / len(query.surfaces)


def _density(sentence_ids: list[int], query: Query) -> float:
    """Matched query terms per content word of the stretch that holds them: high when the
    question's words sit together in the sentence."""
    where = [i for i, t in enumerate(sentence_ids) if t in query.weights]
    if not where:
        return 0.0
    return len(set(sentence_ids[i] for i in where)) / (where[-1] - where[0] + 1)
