"""Telling apart what free text is: an answer, a question, small talk, or an odd message."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum

from clio.core.flows import SmallTalk

_QUESTION_OPENERS = frozenset(
    [
        "who",
        "whom",
        "whose",
        "what",
        "when",
        "where",
        "why",
        "how",
        "which",
        "is",
        "was",
        "were",
        "are",
        "did",
        "does",
        "do",
        "can",
        "could",
        "would",
        "should",
        "tell",
        "explain",
        "describe",
        "name",
    ]
)
_WORD = re.compile(r"\w+", re.UNICODE)
# A hesitant answer to a waiting question ("was it 1855?", "is it Palmerston"): the words
# after the hedge are the answer, however much the whole looks like a question.
_HEDGED = re.compile(
    r"^\s*(?:(?:is|was|were|are)\s+(?:it|they|that)|could\s+it\s+be|maybe|perhaps)\b[\s,]*"
    r"(?P<answer>.+?)[\s?!.]*$",
    re.IGNORECASE,
)
HEDGED_MAX_WORDS = 4  # longer than this after the hedge, it is a real question


class Intent(StrEnum):
    EMPTY = "empty"
    NO_WORDS = "no_words"  # emoji, punctuation
    TOO_LONG = "too_long"
    SMALL_TALK = "small_talk"
    QUESTION = "question"
    ANSWER = "answer"


@dataclass(frozen=True, slots=True)
class Classified:
    intent: Intent
    small_talk: SmallTalk | None = None
    answer: str | None = None  # the answer inside a hedged one ("was it 1855?" -> "1855")


def normalise_phrase(text: str) -> str:
    """Lower case, no accents or punctuation, single spaces: how small-talk phrases match."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(_WORD.findall(plain))


def looks_like_question(text: str) -> bool:
    """A question opens with a question word and has a few words, or ends with '?'
    and is more than a word or two (a hesitant answer like "1855?" is still an answer)."""
    words = _WORD.findall(text.casefold())
    if not words:
        return False
    if words[0] in _QUESTION_OPENERS and len(words) >= 3:
        return True
    return text.rstrip().endswith("?") and len(words) >= 4


def is_confused(text: str, *, phrases: frozenset[str], question_words: frozenset[str]) -> bool:
    """The whole message says the learner is lost ("huh", "I don't understand"), or is a
    bare question word asked as one ("why?"). Without its "?" such a word may be the answer
    to a fill-in-the-blank question, so it is not taken for confusion."""
    phrase = normalise_phrase(text)
    if phrase in phrases:
        return True
    return phrase in question_words and text.rstrip().endswith("?")


def classify(
    text: str,
    *,
    awaiting_answer: bool,
    small_talk: tuple[SmallTalk, ...],
    max_length: int,
    choices: tuple[str, ...] = (),
) -> Classified:
    """What the learner's free text is, given whether a question is waiting for an answer
    (and the choices it offers, which a hesitant answer may name however long they are)."""
    stripped = text.strip()
    if not stripped:
        return Classified(Intent.EMPTY)
    if not _WORD.search(stripped):
        return Classified(Intent.NO_WORDS)
    if len(stripped) > max_length:
        return Classified(Intent.TOO_LONG)
    phrase = normalise_phrase(stripped)
    for talk in small_talk:
        if phrase in talk.phrases:
            return Classified(Intent.SMALL_TALK, talk)
    hedged = _HEDGED.match(stripped) if awaiting_answer else None
    if hedged and (
        len(_WORD.findall(hedged["answer"])) <= HEDGED_MAX_WORDS
        or _one_of(hedged["answer"], choices)
    ):
        return Classified(Intent.ANSWER, answer=hedged["answer"])
    if looks_like_question(stripped):
        return Classified(Intent.QUESTION)
    return Classified(Intent.ANSWER if awaiting_answer else Intent.QUESTION)


def _one_of(text: str, choices: tuple[str, ...]) -> bool:
    wanted = normalise_phrase(text).removeprefix("the ")
    return any(normalise_phrase(choice).removeprefix("the ") == wanted for choice in choices)
