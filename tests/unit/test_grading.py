"""Lenient, explainable grading of typed answers: what is accepted, what is not, and why."""

from __future__ import annotations

import pytest

from clio.core.facts import Question, QuestionKind, Source
from clio.core.grading import Grade, Reason, Verdict, grade, override, truth

C, P, W = Verdict.CORRECT, Verdict.PARTIAL, Verdict.WRONG


def question(
    answer: str,
    accepted: tuple[str, ...] = (),
    *,
    choices: tuple[str, ...] = (),
    kind: QuestionKind = QuestionKind.WHAT,
    prompt: str = "Which one?",
) -> Question:
    return Question(
        id="q1",
        fact_id="f1",
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation="The source sentence.",
        source=Source("seed.txt", 3),
        accepted=accepted,
        choices=choices,
    )


# (response, answer, accepted variants, verdict, reason)
TABLE: list[tuple[str, str, tuple[str, ...], Verdict, Reason]] = [
    # exact, ignoring case, punctuation and spacing
    ("Lord Palmerston", "Lord Palmerston", (), C, Reason.EXACT),
    ("  lord   PALMERSTON. ", "Lord Palmerston", (), C, Reason.EXACT),
    ("Saint Arnaud", "Saint-Arnaud", (), C, Reason.EXACT),
    ("obrien", "O'Brien", (), C, Reason.EXACT),
    # accents
    ("Epinal", "Épinal", (), C, Reason.ACCENT),
    ("Épinal", "Epinal", (), C, Reason.ACCENT),
    ("Malakoff", "Malakóff", (), C, Reason.ACCENT),
    ("Sevastopol", "Sevastopol", (), C, Reason.EXACT),
    # leading articles
    ("Crimean War", "The Crimean War", (), C, Reason.ARTICLE),
    ("the Crimean War", "Crimean War", (), C, Reason.ARTICLE),
    ("an alliance", "Alliance", (), C, Reason.ARTICLE),
    # numerals
    ("Alexander 2", "Alexander II", (), C, Reason.NUMERAL),
    ("alexander ii", "Alexander 2", (), C, Reason.NUMERAL),
    ("Alexander the Second", "Alexander II", (), C, Reason.NUMERAL),
    ("Napoleon 3rd", "Napoleon III", (), C, Reason.NUMERAL),
    ("Alexander III", "Alexander II", (), W, Reason.WRONG),
    ("Louis XVII", "Louis XVIII", (), W, Reason.WRONG),  # roman numerals get no typo
    ("Louis XVLII", "Louis XVIII", (), W, Reason.WRONG),
    ("Nicholas 1", "Nicholas I", (), C, Reason.NUMERAL),
    # name order
    ("Palmerston, Lord", "Lord Palmerston", (), C, Reason.NAME_ORDER),
    ("Nightingale Florence", "Florence Nightingale", (), C, Reason.NAME_ORDER),
    # variants
    ("Palmerston", "Lord Palmerston", ("Palmerston",), C, Reason.VARIANT),
    ("Sebastopol", "Sevastopol", ("Sebastopol",), C, Reason.VARIANT),
    ("Plamerston", "Lord Palmerston", ("Palmerston",), C, Reason.TYPO),
    # typos scaled to word length
    ("Sevastapol", "Sevastopol", (), C, Reason.TYPO),  # 10 letters: 2 edits allowed
    ("Sivastapol", "Sevastopol", (), C, Reason.TYPO),
    ("Sivastapal", "Sevastopol", (), W, Reason.WRONG),  # 3 edits
    ("Balaklava", "Balaclava", (), C, Reason.TYPO),
    ("Nightingle", "Nightingale", (), C, Reason.TYPO),
    ("Parsi", "Paris", (), C, Reason.TYPO),  # a transposition is one edit
    ("Parma", "Paris", (), W, Reason.WRONG),  # two edits in five letters
    ("Kras", "Kars", (), W, Reason.WRONG),  # four letters: no typo allowed
    ("Russia", "Prussia", (), W, Reason.WRONG),  # a typo never changes the first letter
    ("Crimea War", "Crimean War", (), C, Reason.TYPO),
    ("Saintarnaud", "Saint-Arnaud", (), C, Reason.TYPO),
    # years and numbers exact
    ("1855", "1855", (), C, Reason.EXACT),
    ("1856", "1855", (), W, Reason.WRONG),
    ("3,000", "3000", (), C, Reason.EXACT),
    ("3000", "3,000", (), C, Reason.EXACT),
    ("30000", "3,000", (), W, Reason.WRONG),
    ("in 1855", "1855", (), C, Reason.SENTENCE),
    # years said in words
    ("eighteen fifty-five", "1855", (), C, Reason.NUMERAL),
    ("Eighteen hundred and fifty five", "1855", (), C, Reason.NUMERAL),
    ("in eighteen fifty five", "1855", (), C, Reason.SENTENCE),
    ("eighteen fifty-six", "1855", (), W, Reason.WRONG),
    ("nineteen oh five", "1905", (), C, Reason.NUMERAL),
    ("fifteen hundred", "1,500", (), C, Reason.NUMERAL),
    ("the Seventeen Provinces", "Seventeen Provinces", (), C, Reason.ARTICLE),
    # dates: month names read as numbers, in any order, leading zeros ignored
    ("30/3/1856", "30 March 1856", (), C, Reason.NUMERAL),
    ("30.03.1856", "30 March 1856", (), C, Reason.NUMERAL),
    ("March 30, 1856", "30 March 1856", (), C, Reason.NAME_ORDER),
    ("30 Febuary 1856", "30 February 1856", (), C, Reason.TYPO),
    ("31 March 1856", "30 March 1856", (), W, Reason.WRONG),
    ("1856", "30 March 1856", (), P, Reason.PARTIAL),
    # a parenthesis of the answer is optional
    ("Treaty of Paris", "Treaty of Paris (1856)", (), C, Reason.EXACT),
    ("Treaty of Paris 1856", "Treaty of Paris (1856)", (), C, Reason.EXACT),
    ("1855 or 1856", "1855", (), W, Reason.HEDGED),
    ("1854 1855 1856", "1855", (), W, Reason.HEDGED),
    # sentences round the answer
    ("I think it was Palmerston", "Lord Palmerston", ("Palmerston",), C, Reason.SENTENCE),
    ("Palmerston or Russell", "Lord Palmerston", ("Palmerston",), W, Reason.HEDGED),
    ("Nicholas I, I think", "Nicholas I", (), C, Reason.SENTENCE),
    ("I think Nicholas", "Nicholas I", (), P, Reason.PARTIAL),  # the pronoun is not "I"
    ("Palmerston, Lord, I think", "Lord Palmerston", (), C, Reason.SENTENCE),
    ("I'm not sure, but Palmerston?", "Lord Palmerston", ("Palmerston",), C, Reason.SENTENCE),
    ("de Gaulle", "Charles de Gaulle", (), P, Reason.PARTIAL),
    ("Gaulle", "de Gaulle", (), C, Reason.SENTENCE),
    # list answers: any order, credit per item
    ("Wallachia and Moldavia", "Moldavia and Wallachia", (), C, Reason.NAME_ORDER),
    ("Moldavia & Wallachia", "Moldavia and Wallachia", (), C, Reason.EXACT),
    ("Moldavia", "Moldavia and Wallachia", (), P, Reason.PARTIAL),
    ("Moldavia, Wallachia, Serbia", "Moldavia and Wallachia", (), P, Reason.EXTRA),
    ("Serbia", "Moldavia and Wallachia", (), W, Reason.WRONG),
    ("France, Britain", "Britain, France and the Ottoman Empire", (), P, Reason.PARTIAL),
    (
        "Ottoman Empire, Britain, Frnace",
        "Britain, France and the Ottoman Empire",
        (),
        C,
        Reason.TYPO,
    ),
    # part of a one-item answer
    ("Florence", "Florence Nightingale", (), P, Reason.PARTIAL),
    ("Alexander", "Alexander II", (), P, Reason.PARTIAL),
    ("Paris", "Treaty of Paris", (), P, Reason.PARTIAL),
    ("Treaty of London", "Treaty of Paris", (), W, Reason.WRONG),
    # plain misses
    ("Gladstone", "Lord Palmerston", ("Palmerston",), W, Reason.WRONG),
    ("", "Lord Palmerston", (), W, Reason.EMPTY),
    ("   ", "Lord Palmerston", (), W, Reason.EMPTY),
    ("?!", "Lord Palmerston", (), W, Reason.WRONG),
]


@pytest.mark.parametrize(("response", "answer", "accepted", "verdict", "reason"), TABLE)
def test_grading_table(
    response: str, answer: str, accepted: tuple[str, ...], verdict: Verdict, reason: Reason
) -> None:
    result = grade(response, question(answer, accepted))
    assert (result.verdict, result.reason) == (verdict, reason)
    assert (result.score == 1.0) == (verdict is C)
    assert (result.score == 0.0) == (verdict is W)


def test_matched_names_the_accepted_answer_that_matched() -> None:
    q = question("Lord Palmerston", ("Palmerston", "Henry John Temple"))
    assert grade("palmerston", q).matched == "Palmerston"
    assert grade("Henry John Temple", q).matched == "Henry John Temple"
    assert grade("Lord Palmerston", q).matched == "Lord Palmerston"
    assert grade("Gladstone", q).matched is None


def test_partial_list_shows_the_missing_items_and_scores_the_share() -> None:
    result = grade("Moldavia", question("Moldavia and Wallachia"))
    assert result.missing == ("Wallachia",)
    assert result.score == pytest.approx(0.5)
    two_of_three = grade("Britain and France", question("Britain, France and the Ottoman Empire"))
    assert two_of_three.missing == ("the Ottoman Empire",)
    assert two_of_three.score == pytest.approx(2 / 3)


def test_extra_items_lower_the_score_and_are_named() -> None:
    result = grade("Moldavia, Wallachia, Serbia", question("Moldavia and Wallachia"))
    assert result.extra == ("Serbia",)
    assert result.missing == ()
    assert result.score == pytest.approx(2 / 3)


def test_partial_single_answer_names_the_missing_words_in_their_original_form() -> None:
    assert grade("alexander", question("Alexander II")).missing == ("II",)
    assert grade("paris", question("Treaty of Paris")).missing == ("Treaty",)
    assert grade("crimean", question("the Crimean War")).missing == ("War",)


def test_words_of_the_prompt_round_the_answer_are_harmless() -> None:
    q = question("Lord Palmerston", prompt="Who was prime minister in 1855?")
    result = grade("Lord Palmerston was prime minister", q)
    assert (result.verdict, result.reason) == (C, Reason.SENTENCE)
    unprompted = grade("Lord Palmerston was prime minister", question("Lord Palmerston"))
    assert (unprompted.verdict, unprompted.reason) == (P, Reason.EXTRA)
    assert unprompted.extra == ("prime minister",)


def test_words_round_a_year_are_harmless_but_a_second_year_is_not() -> None:
    q = question("1855", prompt="When did Alexander II take the crown?")
    assert grade("Alexander II took the crown in 1855", q).verdict is C
    assert grade("in 1855, or was it 1856", q).reason is Reason.HEDGED


def test_echoing_the_prompt_alone_earns_nothing() -> None:
    q = question("Treaty of Paris", prompt="Which treaty ended the Crimean War?")
    assert grade("the treaty", q).verdict is W
    assert grade("the Crimean War treaty", q).verdict is W


def test_hedged_extra_lists_the_alternatives_offered() -> None:
    result = grade("Palmerston or Russell", question("Palmerston"))
    assert result.reason is Reason.HEDGED
    assert result.extra == ("Russell",)


@pytest.mark.parametrize(
    ("response", "verdict"),
    [("2", C), ("2.", C), ("Palmerston", C), ("lord russell", W), ("1", W), ("5", W)],
)
def test_choice_by_number_or_text(response: str, verdict: Verdict) -> None:
    q = question(
        "Lord Palmerston",
        choices=("Lord Aberdeen", "Lord Palmerston", "Lord John Russell"),
        kind=QuestionKind.MULTIPLE_CHOICE,
    )
    result = grade(response, q)
    assert result.verdict is verdict
    if response != "5":  # no fifth choice: graded as typed text, which is wrong
        assert result.reason is Reason.CHOICE


def test_choice_text_wins_over_a_number_when_choices_are_numbers() -> None:
    q = question("1855", choices=("1853", "1854", "1855", "1856"))
    assert grade("1855", q).verdict is C
    assert grade("3", q).verdict is C  # no choice reads "3", so it is the third choice
    assert grade("4", q).verdict is W


def test_choice_typo_picks_the_nearest_choice() -> None:
    q = question("Balaclava", choices=("Alma", "Balaclava", "Inkerman"))
    assert (grade("Balaklava", q).verdict, grade("Inkermann", q).verdict) == (C, W)


@pytest.mark.parametrize(
    ("response", "answer", "verdict", "reason"),
    [
        ("true", "True", C, Reason.TRUE_FALSE),
        ("T", "True", C, Reason.TRUE_FALSE),
        ("yes", "True", C, Reason.TRUE_FALSE),
        ("correct", "True", C, Reason.TRUE_FALSE),
        ("it is true", "True", C, Reason.TRUE_FALSE),
        ("That's right", "True", C, Reason.TRUE_FALSE),
        ("no", "True", W, Reason.TRUE_FALSE),
        ("f", "False", C, Reason.TRUE_FALSE),
        ("wrong", "False", C, Reason.TRUE_FALSE),
        ("not true", "False", C, Reason.TRUE_FALSE),
        ("false", "True", W, Reason.TRUE_FALSE),
        ("maybe", "True", W, Reason.UNRECOGNISED),
        ("yes no", "True", W, Reason.UNRECOGNISED),
        ("not false", "True", W, Reason.UNRECOGNISED),
    ],
)
def test_true_false(response: str, answer: str, verdict: Verdict, reason: Reason) -> None:
    q = question(answer, kind=QuestionKind.TRUE_FALSE)
    result = grade(response, q)
    assert (result.verdict, result.reason) == (verdict, reason)


def test_true_false_by_choice_number() -> None:
    q = question("False", choices=("True", "False"), kind=QuestionKind.TRUE_FALSE)
    assert grade("2", q).verdict is C
    assert grade("1", q).verdict is W


def test_truth_reads_short_replies() -> None:
    assert [truth(t) for t in ("Yes.", "No!", "n", "Not true", "maybe", "")] == [
        True,
        False,
        False,
        False,
        None,
        None,
    ]


def test_override_makes_a_wrong_or_partial_grade_correct() -> None:
    partial = grade("Moldavia", question("Moldavia and Wallachia"))
    result = override(partial)
    assert (result.verdict, result.reason, result.score) == (C, Reason.LEARNER_OVERRIDE, 1.0)
    assert result.matched == "Moldavia and Wallachia"
    assert result.missing == ()
    assert partial.verdict is P  # the original grade is a frozen value, untouched
    assert override(grade("Gladstone", question("Palmerston"))).reason is Reason.LEARNER_OVERRIDE


def test_override_leaves_a_correct_grade_as_it_is() -> None:
    right = grade("Palmerston", question("Palmerston"))
    assert override(right) is right


def test_grade_rejects_a_verdict_that_contradicts_its_score() -> None:
    with pytest.raises(ValueError, match="inconsistent"):
        Grade(score=0.5, verdict=Verdict.CORRECT, reason=Reason.EXACT)
    with pytest.raises(ValueError, match="inconsistent"):
        Grade(score=1.5, verdict=Verdict.PARTIAL, reason=Reason.PARTIAL)


def test_grade_round_trips_through_a_json_dict() -> None:
    result = grade("Moldavia, Serbia", question("Moldavia and Wallachia"))
    assert Grade.from_dict(result.to_dict()) == result
    with pytest.raises(ValueError, match="malformed grade record"):
        Grade.from_dict({"score": 1.0, "verdict": "right", "reason": "exact"})


def test_grading_does_not_mutate_the_question() -> None:
    q = question("Moldavia and Wallachia", ("Danubian Principalities",), choices=("a", "b"))
    before = repr(q)
    grade("Moldavia", q)
    assert repr(q) == before
