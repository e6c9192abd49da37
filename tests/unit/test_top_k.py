"""top_k: the k best sentence scores, exactly as a full sort would give them."""

from __future__ import annotations

import numpy as np
import pytest

from clio.factbase.retrieval import top_k


def by_full_sort(scores: np.ndarray, k: int) -> list[int]:
    return sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:k]


@pytest.mark.parametrize("size", [0, 1, 19, 20, 64, 1280, 1350, 5000, 40_000])
@pytest.mark.parametrize("zeros", [0.0, 0.5, 0.999, 1.0])
def test_matches_a_full_sort(size: int, zeros: float) -> None:
    rng = np.random.default_rng(size + int(zeros * 1000))
    # Few distinct values, so ties are common, as BM25 scores of short sentences are.
    scores = rng.integers(1, 9, size).astype(np.float32)
    scores[rng.random(size) < zeros] = 0
    for k in (1, 5, 20):
        assert top_k(scores, k).tolist() == by_full_sort(scores, k)


def test_a_high_score_in_the_tail_past_the_last_whole_block_is_found() -> None:
    scores = np.zeros(64 * 30 + 10, dtype=np.float32)
    scores[[5, 700, 64 * 30 + 3]] = [1.0, 2.0, 3.0]
    assert top_k(scores, 2).tolist() == [64 * 30 + 3, 700]  # bounded by the blocks' maxima
    assert top_k(scores, 3).tolist() == [64 * 30 + 3, 700, 5]  # all the positive scores
