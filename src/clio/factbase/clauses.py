"""Long sentences to clauses: a sentence whose semicolons join independent clauses gives one
readable sentence per clause; any other sentence stays whole.

Conservative on purpose: every part must look like a complete statement (enough words, a
likely finite verb in its main part, not opening on a preposition, a conjunction or a
number), or nothing is split. Semicolons inside quotes or brackets are never split points.
"""

from __future__ import annotations

import re


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


MIN_CLAUSE_WORDS = 5
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
# A relative or subordinate tail is not the main part of a clause: "Jack Jouett, who made...",
# "another in a town which they named".
_SUBORDINATE = re.compile(
    r"\b(?:who|whom|whose|which|that)\b|,\s+(?:where|when|while|whereas|as|after|before)\b"
)
_CONNECTIVES = _words(
    """however thus therefore moreover meanwhile nevertheless nonetheless consequently
    instead hence indeed still furthermore also later afterwards subsequently likewise
    similarly accordingly otherwise"""
)
# A clause may not open on one of these: the part would lean on the sentence before it.
_DEPENDENT_OPENERS = _words(
    """and or nor but yet so in on at by for from with without to of into onto upon as
    which who whom whose where when while whereas because since although though if unless
    until including especially such than then"""
)
_VERBS = _words(
    """is was were are am be been being has had have having do does did will would shall
    should can could may might must became become becomes remained remains seemed seems
    made makes took takes gave gives led leads held holds won wins lost fought began begins
    fell falls rose rises grew grows came comes went goes left saw sees knew knows
    brought brings built builds sent sends kept keeps told tells thought thinks found finds
    meant means stood stands ran runs wrote writes spoke speaks bore lay lies set sets
    sought seeks taught teaches paid pays met meets rode rides struck strikes argues argued
    claims claimed says said notes noted suggests suggested states stated believes believed
    considers considered includes included continues continued contains contained
    describes described shows showed shown"""
)


def split_clauses(sentence: str) -> list[str]:
    """The readable clauses of `sentence`, or `[sentence]` when it should stay whole."""
    if ";" not in sentence:  # the common case, kept cheap
        return [sentence]
    parts = _split_points(sentence)
    if len(parts) < 2:
        return [sentence]
    if not all(_is_clause(part, first=index == 0) for index, part in enumerate(parts)):
        return [sentence]
    end = _final_mark(sentence)
    return [_as_sentence(part, end) for part in parts]


def _split_points(sentence: str) -> list[str]:
    """The parts between top-level semicolons (outside quotes and brackets)."""
    parts: list[str] = []
    depth, in_quote, start = 0, False, 0
    for index, char in enumerate(sentence):
        if char == '"':
            in_quote = not in_quote
        elif char in "([":
            depth += 1
        elif char in ")]":
            depth = max(depth - 1, 0)
        elif char == ";" and depth == 0 and not in_quote:
            parts.append(sentence[start:index].strip())
            start = index + 1
    parts.append(sentence[start:].strip())
    return parts


def _is_clause(part: str, *, first: bool) -> bool:
    words = _WORD.findall(part)
    if len(words) < MIN_CLAUSE_WORDS or not part[:1].isalpha():
        return False
    opener = words[0].casefold()
    if not first and opener in _DEPENDENT_OPENERS:
        return False
    if opener in _CONNECTIVES:
        part = part[len(words[0]) :].lstrip(" ,")
    main = _SUBORDINATE.split(part, maxsplit=1)[0]
    return any(_is_verb(word) for word in _WORD.findall(main)[1:])


def _is_verb(word: str) -> bool:
    lowered = word.casefold()
    return lowered in _VERBS or (
        word.islower() and len(word) > 4 and lowered.endswith("ed") and lowered != "need"
    )


def _final_mark(sentence: str) -> str:
    stripped = sentence.rstrip("\"')] ")
    return stripped[-1] if stripped.endswith((".", "!", "?")) else "."


def _as_sentence(part: str, end: str) -> str:
    """A clause made a sentence: capital first letter, one final mark."""
    part = part.strip().rstrip(",")
    part = part[0].upper() + part[1:]
    if part.rstrip("\"')]").endswith((".", "!", "?")):
        return part
    return part + end
