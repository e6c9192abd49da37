"""Properties of the grader over generated text: it never raises and accepts its own answers."""

from __future__ import annotations

import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from clio.core.facts import Question, QuestionKind, Source
from clio.core.grading import Verdict, grade

WORDS = st.text(alphabet=st.characters(categories=["L", "Nd"]), min_size=1, max_size=12).filter(
    lambda word: word.strip() != ""
)
ANSWERS = st.lists(WORDS, min_size=1, max_size=4).map(" ".join)
KINDS = st.sampled_from(list(QuestionKind))


def question(answer: str, *, kind: QuestionKind = QuestionKind.WHAT, choices=()) -> Question:
    return Question("q", "f", kind, "Which?", answer, "why", Source("s.txt", 1), (), choices)


@settings(max_examples=300, deadline=None)
@given(
    response=st.text(max_size=60),
    answer=st.text(max_size=40),
    kind=KINDS,
    choices=st.lists(st.text(max_size=15), max_size=4),
)
def test_grading_never_raises_and_keeps_score_and_verdict_consistent(
    response: str, answer: str, kind: QuestionKind, choices: list[str]
) -> None:
    result = grade(response, question(answer, kind=kind, choices=tuple(choices)))
    assert 0.0 <= result.score <= 1.0
    assert (result.verdict is Verdict.CORRECT) == (result.score == 1.0)


@settings(max_examples=300, deadline=None)
@given(answer=ANSWERS)
def test_the_answer_itself_in_any_case_always_grades_correct(answer: str) -> None:
    q = question(answer)
    assert grade(answer, q).verdict is Verdict.CORRECT
    if answer.upper().casefold() == answer.casefold():
        # Unicode upper-casing can change a word for good ("ı" -> "I"); only test when not.
        assert grade(answer.upper(), q).verdict is Verdict.CORRECT
    assert grade(f"  {answer.lower()}. ", q).verdict is Verdict.CORRECT


@settings(max_examples=200, deadline=None)
@given(answer=ANSWERS)
def test_the_answer_without_accents_grades_correct(answer: str) -> None:
    # What a learner does: type the letters and leave the accents out.
    decomposed = unicodedata.normalize("NFD", answer)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    assert grade(bare, question(answer)).verdict is Verdict.CORRECT


@settings(max_examples=200, deadline=None)
@given(year=st.integers(min_value=1, max_value=2100), delta=st.integers(1, 50))
def test_a_different_year_is_always_wrong(year: int, delta: int) -> None:
    assert grade(str(year + delta), question(str(year))).verdict is Verdict.WRONG
