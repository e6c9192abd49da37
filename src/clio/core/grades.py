"""The result of grading one answer: a score, a verdict and a machine-readable reason."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    """How an answer was judged; persisted, so the values never change."""

    CORRECT = "correct"
    PARTIAL = "partial"
    WRONG = "wrong"


class Reason(StrEnum):
    """Why an answer got its verdict, so a reply can explain it; persisted, values fixed.
    For a correct answer it names the largest leniency that was needed."""

    EXACT = "exact"  # the same words, ignoring case, punctuation and spacing
    VARIANT = "variant"  # exactly one of the question's accepted variants
    ACCENT = "accent"  # differs only in accents ("Epinal" for "Épinal")
    ARTICLE = "article"  # a leading "the", "a" or "an" added or left out
    NUMERAL = "numeral"  # roman, ordinal or word numerals ("Alexander 2" for "Alexander II")
    NAME_ORDER = "name_order"  # the same words in another order ("Palmerston, Lord")
    TYPO = "typo"  # small spelling slips, allowed by word length
    SENTENCE = "sentence"  # the answer inside a sentence ("I think it was Palmerston")
    CHOICE = "choice"  # a choice picked by its number or its text
    TRUE_FALSE = "true_false"  # yes/no, true/false, t/f, correct/wrong
    PARTIAL = "partial"  # some of the answer given; `missing` holds the rest
    EXTRA = "extra"  # the whole answer plus other claims; `extra` holds them
    HEDGED = "hedged"  # several alternatives offered ("1855 or 1856")
    WRONG = "wrong"  # not the answer
    EMPTY = "empty"  # nothing was typed
    UNRECOGNISED = "unrecognised"  # neither true nor false / no such choice
    LEARNER_OVERRIDE = "learner_override"  # the learner said "I was right"


@dataclass(frozen=True, slots=True)
class Grade:
    """One graded answer. `matched` is the accepted answer the response matched (None when
    wrong); `missing` the parts of it not given and `extra` the response's parts that were not
    asked for (both empty when the answer is simply correct or wrong)."""

    score: float
    verdict: Verdict
    reason: Reason
    matched: str | None = None
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        # The verdict follows the score, so a record can never say "correct" at half marks.
        expected = (
            Verdict.CORRECT
            if self.score == 1.0
            else Verdict.WRONG
            if self.score == 0.0
            else Verdict.PARTIAL
        )
        if not 0.0 <= self.score <= 1.0 or self.verdict is not expected:
            raise ValueError(f"inconsistent grade: score {self.score} with {self.verdict}")

    @property
    def correct(self) -> bool:
        return self.verdict is Verdict.CORRECT

    def to_dict(self) -> dict[str, object]:
        """A JSON-able form for answer records."""
        return {
            "score": self.score,
            "verdict": self.verdict.value,
            "reason": self.reason.value,
            "matched": self.matched,
            "missing": list(self.missing),
            "extra": list(self.extra),
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, object]) -> Grade:
        """The inverse of `to_dict`; a malformed record raises ValueError naming the field."""
        try:
            score = data["score"]
            matched = data.get("matched")
            if not isinstance(score, int | float) or not isinstance(matched, str | None):
                raise TypeError("score must be a number and matched a string or null")
            return cls(
                score=float(score),
                verdict=Verdict(str(data["verdict"])),
                reason=Reason(str(data["reason"])),
                matched=matched,
                missing=_strings(data.get("missing", ())),
                extra=_strings(data.get("extra", ())),
            )
        except (KeyError, TypeError, ValueError) as error:
            raise ValueError(f"malformed grade record {dict(data)!r}: {error}") from error


def _strings(value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise TypeError("missing and extra must be lists of strings")
    return tuple(value)


def correct(reason: Reason, matched: str) -> Grade:
    return Grade(score=1.0, verdict=Verdict.CORRECT, reason=reason, matched=matched)


def wrong(reason: Reason = Reason.WRONG, *, extra: tuple[str, ...] = ()) -> Grade:
    return Grade(score=0.0, verdict=Verdict.WRONG, reason=reason, extra=extra)


def override(grade: Grade) -> Grade:
    """The learner says "I was right": a correct grade with reason `learner_override`, keeping
    what was matched. A grade that is already correct is returned as it is."""
    if grade.correct:
        return grade
    return dataclasses.replace(
        grade,
        score=1.0,
        verdict=Verdict.CORRECT,
        reason=Reason.LEARNER_OVERRIDE,
        missing=(),
        extra=(),
    )
