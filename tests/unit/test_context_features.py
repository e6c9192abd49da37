"""Neighbour features: what the sentences around a candidate add to the question's cover."""

from __future__ import annotations

import pytest

from clio.factbase.context_features import CONTEXT_FEATURES, context_features, cover

WEIGHTS = {1: 3.0, 2: 1.0, 3: 1.0}  # term 1 is the rare (heavy) one


def _named(
    *, sentence: set[int], previous: set[int] | None, following: set[int] | None, text: str
) -> dict[str, float]:
    values = context_features(
        WEIGHTS, 5.0, sentence=sentence, previous=previous, following=following, text=text
    )
    return dict(zip(CONTEXT_FEATURES, values, strict=True))


def test_cover_is_the_share_of_question_weight_held() -> None:
    assert cover(WEIGHTS, 5.0, {1, 9}) == pytest.approx(0.6)
    assert cover(WEIGHTS, 0.0, {1}) == 0.0


def test_a_pronoun_sentence_gains_the_subject_named_just_before() -> None:
    # "The aboral organ ..." then "Its main component is a statocyst."
    f = _named(
        sentence={2, 3}, previous={1, 2}, following=None, text="Its main component is a statocyst."
    )
    assert f["previous_cover"] == pytest.approx(0.8)
    assert f["previous_gain"] == pytest.approx(0.6)  # only term 1 is new
    assert f["anaphor"] == 1.0
    assert f["anaphor_previous_gain"] == pytest.approx(0.6)
    assert f["next_cover"] == 0.0 and f["paragraph_first"] == 0.0
    assert f["cover_lead"] == pytest.approx(0.4 - 0.8)


def test_a_paragraph_opening_without_a_pronoun() -> None:
    f = _named(sentence={1}, previous=None, following={2}, text="Statocysts sense balance.")
    assert f["paragraph_first"] == 1.0
    assert f["anaphor"] == 0.0 and f["anaphor_previous_gain"] == 0.0
    assert f["next_gain"] == pytest.approx(0.2)
    assert f["cover_lead"] == pytest.approx(0.6 - 0.2)


def test_a_word_merely_starting_like_a_pronoun_is_no_anaphor() -> None:
    f = _named(sentence={1}, previous={2}, following=None, text="Italy lies south of the Alps.")
    assert f["anaphor"] == 0.0
