"""Features of a candidate's neighbours: SQuAD questions (and learners) often take their words
from one sentence and want the answer in the next ("Its main component is a statocyst")."""

from __future__ import annotations

import re
from collections.abc import Mapping

CONTEXT_FEATURES = (
    "previous_cover",
    "next_cover",
    "previous_gain",
    "next_gain",
    "anaphor",
    "anaphor_previous_gain",
    "paragraph_first",
    "cover_lead",
)

# A sentence opening with a pronoun or a linking word leans on the sentence before it.
_ANAPHOR = re.compile(
    r"(it|its|this|these|those|that|they|their|them|he|his|she|her|such|there|both|also|"
    r"however|thus|hence|the latter|the former|in addition|additionally|as a result)\b",
    re.IGNORECASE,
)


def context_features(
    weights: Mapping[int, float],
    total: float,
    *,
    sentence: set[int],
    previous: set[int] | None,
    following: set[int] | None,
    text: str,
) -> list[float]:
    """The CONTEXT_FEATURES of a sentence (its term ids) beside the previous and following
    sentences of its paragraph (None at the paragraph's edges); `weights` are the question's
    term weights and `total` their sum with the unknown terms'."""
    before, after = previous or set(), following or set()
    own = cover(weights, total, sentence)
    previous_cover = cover(weights, total, before)
    next_cover = cover(weights, total, after)
    # What a neighbour adds: the question's weight it holds that this sentence lacks.
    previous_gain = cover(weights, total, before - sentence)
    next_gain = cover(weights, total, after - sentence)
    anaphor = float(bool(_ANAPHOR.match(text)))
    return [
        previous_cover,
        next_cover,
        previous_gain,
        next_gain,
        anaphor,
        anaphor * previous_gain,
        float(previous is None),
        own - max(previous_cover, next_cover),
    ]


def cover(weights: Mapping[int, float], total: float, terms: set[int]) -> float:
    """The share of the question's weight (`total`) that `terms` hold."""
    if not total or not terms:
        return 0.0
    return sum(w for t, w in weights.items() if t in terms) / total
