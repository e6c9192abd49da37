"""Grade a typed answer to a question leniently and explainably: `grade(response, question)`."""

from __future__ import annotations

import re

from clio.core.facts import Question, QuestionKind
from clio.core.grades import Grade, Reason, Verdict, correct, override, wrong
from clio.core.matching import NO_MATCH, Match, match_answer, rank
from clio.core.normalise import FILLERS, tokenise
from clio.core.numerals import numbered_option

__all__ = ["Grade", "Reason", "Verdict", "grade", "override"]

TRUE_WORDS = frozenset({"true", "t", "yes", "y", "correct", "right"})
FALSE_WORDS = frozenset({"false", "f", "no", "n", "wrong", "incorrect"})
NEGATIONS = frozenset({"not", "isnt", "wasnt"})
# A trailing or inner aside of an answer, optional in a response.
_PARENTHESIS = re.compile(r"\s*[(\[][^)\]]*[)\]]")


def grade(response: str, question: Question) -> Grade:
    """Grade `response` against the question's answer and accepted variants. Never raises on
    any text; the reason says which leniency (if any) was needed."""
    if not response.strip():
        return wrong(Reason.EMPTY)
    if question.kind is QuestionKind.TRUE_FALSE and truth(question.answer) is not None:
        return _grade_true_false(response, question)
    if question.choices:
        chosen = _chosen(response, question)
        if chosen is not None:
            return _grade_choice(chosen, question)
    return _grade_text(response, question)


def _context(question: Question) -> frozenset[str]:
    """Words of the prompt: echoing them round an answer neither adds nor hedges a claim."""
    return frozenset(token.folded for token in tokenise(question.prompt))


def _rank(match: Match, *, main: bool) -> tuple[float, int, bool]:
    # As `matching.rank`; on a tie the main answer wins over a variant.
    return (*rank(match), main)


def _targets(question: Question) -> list[tuple[str, str]]:
    """(text to match, answer it stands for): the answer, the answer without a parenthesis
    ("Treaty of Paris" for "Treaty of Paris (1856)"), then each accepted variant."""
    targets = [(question.answer, question.answer)]
    bare = _PARENTHESIS.sub("", question.answer).strip()
    if bare and bare != question.answer.strip():
        targets.append((bare, question.answer))
    return targets + [(variant, variant) for variant in question.accepted]


def _grade_text(response: str, question: Question) -> Grade:
    context = _context(question)
    best, best_target, best_rank = NO_MATCH, question.answer, (-1.0, 0, False)
    for text, target in _targets(question):
        match = match_answer(response, text, context=context)
        order = _rank(match, main=target == question.answer)
        # A zero match with a reason (hedging) explains more than a plain miss.
        if order > best_rank or (best.reason is Reason.WRONG and match.reason is not Reason.WRONG):
            best, best_target, best_rank = match, target, order
    if best.score == 0.0:
        return wrong(best.reason, extra=best.extra)
    reason = best.reason
    if best_target != question.answer and reason is Reason.EXACT:
        reason = Reason.VARIANT
    verdict = Verdict.CORRECT if best.score == 1.0 else Verdict.PARTIAL
    return Grade(best.score, verdict, reason, best_target, best.missing, best.extra)


def truth(text: str) -> bool | None:
    """What a short reply says: True, False, or None when it says neither or both.
    Fillers are ignored ("it is true"); a negation makes it False ("not true")."""
    words = {token.folded for token in tokenise(text)} - (FILLERS - NEGATIONS)
    if words - TRUE_WORDS - FALSE_WORDS - NEGATIONS:
        return None
    says_true, says_false = bool(words & TRUE_WORDS), bool(words & FALSE_WORDS)
    if says_true == says_false:
        return None  # neither, or both ("yes no")
    if words & NEGATIONS:
        # "not true" denies; "not false" is too tangled to trust.
        return False if says_true else None
    return says_true


def _grade_true_false(response: str, question: Question) -> Grade:
    said = truth(response)
    if said is None and question.choices:
        chosen = _chosen_by_number(response, question.choices)
        said = truth(chosen) if chosen is not None else None
    if said is None:
        return wrong(Reason.UNRECOGNISED)
    if said is truth(question.answer):
        return correct(Reason.TRUE_FALSE, question.answer)
    return wrong(Reason.TRUE_FALSE)


def _chosen_by_number(response: str, choices: tuple[str, ...]) -> str | None:
    return numbered_option(response.strip().strip(".)#"), choices)


def _chosen(response: str, question: Question) -> str | None:
    """The choice the response picks: by its 1-based number unless its text fits a choice;
    by its text (leniently, even in part: "Russell" for "Lord John Russell") when one choice
    fits better than every other. None when it picks none."""
    context = _context(question)
    by_number = _chosen_by_number(response, question.choices)
    ranked = sorted(
        [(rank(match_answer(response, c, context=context)), c) for c in question.choices],
        reverse=True,
    )
    (best, choice), runner_up = ranked[0], ranked[1][0] if len(ranked) > 1 else None
    # A full text match beats a number ("1855" among years); a part only counts when the
    # response is not a number.
    if best[0] == 1.0 or (best[0] > 0.0 and by_number is None):
        return choice if runner_up is None or runner_up < best else None
    return by_number


def _grade_choice(chosen: str, question: Question) -> Grade:
    accepted = {_key(text) for text in (question.answer, *question.accepted)}
    if _key(chosen) in accepted:
        return correct(Reason.CHOICE, question.answer)
    return wrong(Reason.CHOICE)


def _key(text: str) -> tuple[str, ...]:
    return tuple(token.key for token in tokenise(text))
