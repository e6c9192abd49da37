"""Lenient matching of a typed response against one accepted answer, stage by stage."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import permutations

from rapidfuzz.distance import OSA

from clio.core.grades import Reason
from clio.core.normalise import (
    FILLERS,
    HEDGES,
    STOPWORDS,
    Token,
    content_positions,
    drop_leading_articles,
    drop_ordinal_articles,
    is_list_answer,
    split_items,
    tokenise,
)
from clio.core.numerals import roman_value

# Typo allowance by the expected word's length: short words must be spelt right, because one
# edit turns them into other words ("Kars" / "Mars").
SHORT_WORD_MAX = 4
MEDIUM_WORD_MAX = 8
MEDIUM_WORD_EDITS = 1
LONG_WORD_EDITS = 2
# Beyond this many words, trying every word order costs more than it can find.
MAX_REORDERED_WORDS = 5

# Stages from strictest to loosest; a correct match reports the first one that succeeded.
STAGE_ORDER: tuple[Reason, ...] = (
    Reason.EXACT,
    Reason.VARIANT,
    Reason.ACCENT,
    Reason.ARTICLE,
    Reason.NUMERAL,
    Reason.NAME_ORDER,
    Reason.TYPO,
    Reason.SENTENCE,
)

Tokens = tuple[Token, ...]


@dataclass(frozen=True, slots=True)
class Match:
    """How well a response matched one accepted answer (score 0 means it did not)."""

    score: float
    reason: Reason
    missing: tuple[str, ...] = ()
    extra: tuple[str, ...] = ()


NO_MATCH = Match(score=0.0, reason=Reason.WRONG)


def typo_allowance(length: int) -> int:
    """How many edits a word of `length` letters may carry and still count as right."""
    if length <= SHORT_WORD_MAX:
        return 0
    return MEDIUM_WORD_EDITS if length <= MEDIUM_WORD_MAX else LONG_WORD_EDITS


def close(response: Token, expected: Token) -> bool:
    """Whether a response word stands for the expected word: equal after folding, or a small
    typo. Numbers in digits or roman numerals must be exact ("XVII" is not "XVIII"); number
    words may carry a typo ("Febuary"). A typo never changes the first letter ("Russia" is
    not "Prussia")."""
    if response.key == expected.key:
        return True
    if (response.numeric and expected.numeric) or _exact_only(response) or _exact_only(expected):
        return False
    typed, wanted = response.folded, expected.folded
    if typed[:1] != wanted[:1]:
        return False
    allowance = typo_allowance(len(wanted))
    # score_cutoff lets rapidfuzz stop as soon as the allowance is exceeded.
    return allowance > 0 and OSA.distance(typed, wanted, score_cutoff=allowance) <= allowance


def _exact_only(token: Token) -> bool:
    return token.has_digits or roman_value(token.folded) is not None


def _same(response: Tokens, expected: Tokens, form: Callable[[Token], str]) -> bool:
    return [form(token) for token in response] == [form(token) for token in expected]


def _all_close(response: Tokens, expected: Tokens) -> bool:
    if len(response) != len(expected):
        return _close_joined(response, expected)
    if all(close(r, e) for r, e in zip(response, expected, strict=True)):
        return True
    if len(expected) > MAX_REORDERED_WORDS:
        return False
    return any(
        all(close(r, e) for r, e in zip(order, expected, strict=True))
        for order in permutations(response)
    )


def _close_joined(response: Tokens, expected: Tokens) -> bool:
    """Spacing slips ("Saintarnaud" for "Saint-Arnaud"): compare the words run together."""
    if [t.key for t in response if t.numeric] != [t.key for t in expected if t.numeric]:
        return False
    joined_response = "".join(t.key for t in response)
    joined_expected = "".join(t.key for t in expected)
    if joined_response[:1] != joined_expected[:1]:
        return False
    allowance = typo_allowance(len(joined_expected))
    return OSA.distance(joined_response, joined_expected, score_cutoff=allowance) <= allowance


def match_whole(response: Tokens, expected: Tokens) -> Reason | None:
    """The strictest stage at which the whole response equals the whole answer, or None."""
    if not response or not expected:
        return None
    if _same(response, expected, lambda t: t.plain):
        return Reason.EXACT
    if _same(response, expected, lambda t: t.folded):
        return Reason.ACCENT
    response, expected = drop_leading_articles(response), drop_leading_articles(expected)
    if _same(response, expected, lambda t: t.folded):
        return Reason.ARTICLE
    response, expected = drop_ordinal_articles(response), drop_ordinal_articles(expected)
    if _same(response, expected, lambda t: t.key):
        return Reason.NUMERAL
    if len(expected) > 1 and sorted(t.key for t in response) == sorted(t.key for t in expected):
        return Reason.NAME_ORDER
    if _all_close(response, expected):
        return Reason.TYPO
    return None


def _assign(response: Tokens, expected: Tokens) -> dict[int, int]:
    """Pair each expected word with a distinct close response word (expected -> response
    index), exact matches first so a typo match never steals an exact one."""
    pairs: dict[int, int] = {}
    for exact_only in (True, False):
        for e_index, e_token in enumerate(expected):
            if e_index in pairs:
                continue
            for r_index, r_token in enumerate(response):
                used = r_index in pairs.values()
                fits = r_token.key == e_token.key if exact_only else close(r_token, e_token)
                if not used and fits:
                    pairs[e_index] = r_index
                    break
    return pairs


def _runs(tokens: Tokens, unmatched: set[int]) -> tuple[str, ...]:
    """The unmatched words as runs of the original text, trimmed of stopwords at the edges."""
    runs: list[list[Token]] = [[]]
    for index, token in enumerate(tokens):
        if index in unmatched:
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    trimmed = []
    for run in runs:
        while run and run[0].folded in STOPWORDS:
            run.pop(0)
        while run and run[-1].folded in STOPWORDS:
            run.pop()
        if run:
            trimmed.append(" ".join(token.original for token in run))
    return tuple(trimmed)


def _in_order(response: Tokens, expected: Tokens) -> set[int] | None:
    """Response positions of the expected words found in the same order, or None."""
    used: set[int] = set()
    start = 0
    for e_token in expected:
        found = next((i for i in range(start, len(response)) if close(response[i], e_token)), None)
        if found is None:
            return None
        used.add(found)
        start = found + 1
    return used


def _find_in_sentence(response: Tokens, wanted: Tokens) -> set[int] | None:
    """Where the answer's words sit in a response: in their order, or else in any order but
    never taken from fillers, so the pronoun in "I think Nicholas" is not "Nicholas I"."""
    in_order = _in_order(response, wanted)
    if in_order is not None:
        return in_order
    positions = [i for i, token in enumerate(response) if token.folded not in FILLERS]
    pairs = _assign(tuple(response[i] for i in positions), wanted)
    return {positions[r] for r in pairs.values()} if len(pairs) == len(wanted) else None


def match_in_sentence(response: Tokens, expected: Tokens, *, context: frozenset[str]) -> Match:
    """The whole answer inside a longer response. Extra words that are fillers, words of the
    prompt, or of another kind than the answer (words round a year) are harmless; an extra
    alternative ("or", a second year) is hedging; other extra words make it partial."""
    wanted = tuple(expected[i] for i in content_positions(expected))
    used = _find_in_sentence(response, wanted)
    if used is None:
        return NO_MATCH
    answer_is_number = all(token.numeric for token in wanted)
    extras = [
        token
        for index, token in enumerate(response)
        if index not in used
        and token.folded not in FILLERS
        and token.folded not in context
        and token.numeric == answer_is_number
    ]
    if any(t.folded in HEDGES for t in response) or (extras and answer_is_number):
        offered = tuple(t.original for t in extras if t.folded not in HEDGES)
        return Match(0.0, Reason.HEDGED, extra=offered)
    if not extras:
        return Match(1.0, Reason.SENTENCE)
    score = len(wanted) / (len(wanted) + len(extras))
    return Match(score, Reason.EXTRA, extra=(" ".join(t.original for t in extras),))


def match_part(response: Tokens, expected: Tokens, *, context: frozenset[str]) -> Match:
    """Part of a one-item answer ("Florence" for "Florence Nightingale"): every meaningful
    response word is a word of the answer, and some of the answer is missing."""
    given = tuple(t for t in response if t.folded not in FILLERS and t.folded not in context)
    positions = content_positions(expected)
    pairs = _assign(given, tuple(expected[i] for i in positions))
    if not given or len(pairs) < len(given) or len(pairs) >= len(positions):
        return NO_MATCH
    unmatched = set(range(len(expected))) - {positions[e] for e in pairs}
    return Match(len(pairs) / len(positions), Reason.PARTIAL, missing=_runs(expected, unmatched))


def match_list(response: str, expected: str) -> Match:
    """Items of a list answer ("Moldavia and Wallachia"), in any order: credit per item."""
    wanted_text = split_items(expected)
    wanted = [tokenise(item) for item in wanted_text]
    taken: dict[int, Reason] = {}
    extra: list[str] = []
    for item in split_items(response):
        tokens = tokenise(item)
        found = next(
            (
                (index, reason)
                for index, goal in enumerate(wanted)
                if index not in taken and (reason := match_whole(tokens, goal)) is not None
            ),
            None,
        )
        if found is None:
            extra.append(item)
        else:
            taken[found[0]] = found[1]
    if not taken:
        return NO_MATCH
    missing = tuple(text for index, text in enumerate(wanted_text) if index not in taken)
    if not missing and not extra:
        return Match(1.0, loosest(taken.values()))
    score = len(taken) / (len(wanted) + len(extra))
    return Match(score, Reason.PARTIAL if missing else Reason.EXTRA, missing, tuple(extra))


def loosest(reasons: Iterable[Reason]) -> Reason:
    """The loosest of several stage reasons, to explain a match that needed all of them."""
    return max(reasons, key=STAGE_ORDER.index)


def match_answer(response: str, expected: str, *, context: frozenset[str]) -> Match:
    """The best match of `response` against one accepted answer."""
    response_tokens, expected_tokens = tokenise(response), tokenise(expected)
    if not expected_tokens:
        # An answer with no words at all (only symbols) can only be matched literally.
        same = response.strip().casefold() == expected.strip().casefold()
        return Match(1.0, Reason.EXACT) if same else NO_MATCH
    reason = match_whole(response_tokens, expected_tokens)
    if reason is not None:
        return Match(1.0, reason)
    candidates = [
        match_in_sentence(response_tokens, expected_tokens, context=context),
        match_part(response_tokens, expected_tokens, context=context),
    ]
    if is_list_answer(expected):
        candidates.append(match_list(response, expected))
    return max(candidates, key=rank)


def rank(match: Match) -> tuple[float, int]:
    """Order matches: higher score first, then the stricter stage (the better explanation)."""
    strictness = -STAGE_ORDER.index(match.reason) if match.reason in STAGE_ORDER else 0
    return (match.score, strictness)
