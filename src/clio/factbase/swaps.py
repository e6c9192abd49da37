"""A question that turns a sentence's word into its contrary ("largest" for "smallest",
"able" for "unable") or changes its number ("the Fifth Law" of a sentence on the Third) is
about something the sentence does not say. About two in five of SQuAD 2.0's unanswerable
questions were written so (antonyms, swapped entities and numbers, by its authors' count),
and a learner who misremembers asks so too; the strict judge weighs both cues."""

from __future__ import annotations

import re
from functools import cache

from clio.core.numerals import COUNTING_WORDS, count_value, regnal_twin
from clio.factbase.terms import WORD

# General English contraries, not any seed's words. Each line is a set of words of which any
# two exclude each other; a word may sit in several lines. "may" is left out of the months:
# it is far more often the verb.
# fmt: off
_CONTRARIES = (
    "north south east west", "northern southern eastern western",
    "monday tuesday wednesday thursday friday saturday sunday",
    "mondays tuesdays wednesdays thursdays fridays saturdays sundays",
    "january february march april june july august september october november december",
    "spring summer autumn winter",
    "public private", "domestic foreign", "internal external", "inner outer", "inside outside",
    "upper lower", "top bottom", "above below", "over under", "left right", "front back",
    "before after", "first last", "beginning middle end", "former current", "old current",
    "past present", "pass fail", "passed failed", "passes fails", "open close",
    "opened closed", "opening closing", "push pull", "pushed pulled", "pushing pulling",
    "encourage discourage", "encouraged discouraged", "agree disagree",
    "early late", "earlier later", "earliest latest", "begin end", "began ended",
    "start end", "started ended",
    "most least", "more less", "more fewer", "many few", "all none", "always never",
    "maximum minimum", "major minor", "majority minority",
    "increase decrease", "increased decreased", "increases decreases",
    "increasing decreasing", "rise fall", "rose fell", "gain loss", "gained lost",
    "high low", "higher lower", "highest lowest", "large small", "larger smaller",
    "largest smallest", "big small", "bigger smaller", "biggest smallest",
    "long short", "longer shorter", "longest shortest", "wide narrow",
    "strong weak", "stronger weaker", "strongest weakest", "heavy light",
    "fast slow", "faster slower", "hot cold", "warm cool", "warmer cooler", "wet dry",
    "old new", "older newer", "oldest newest", "ancient modern", "young old",
    "open closed", "accept reject", "accepted rejected", "allowed forbidden",
    "allowed prohibited", "win lose", "won lost", "victory defeat", "success failure",
    "import export", "imports exports", "imported exported", "buy sell", "bought sold",
    "male female", "men women", "man woman", "husband wife", "father mother",
    "son daughter", "king queen", "brother sister", "boys girls",
    "same different", "similar different", "true false", "right wrong", "good bad",
    "best worst", "better worse", "rich poor", "richest poorest", "wealthy poor",
    "entry exit", "arrive depart", "urban rural", "local national", "direct indirect",
    "directly indirectly", "formal informal", "natural artificial", "active passive",
    "common rare", "simple complex", "easy difficult", "cheap expensive",
    "support oppose", "supported opposed", "include exclude", "included excluded",
    "add remove", "added removed", "attack defend", "offensive defensive", "friend enemy",
    "peace war", "birth death", "born died", "alive dead", "positive negative",
    "civilian military", "secular religious", "liberal conservative",
)
# fmt: on
# Prefixes that negate a word: "unable", "illegal", "non-violent" (see folded_words). "in"
# and its forms also begin plain words ("income"), so they count only before a stem of five
# letters or more.
_NEGATING = ("un", "non", "dis")
_NEGATING_LONG = ("in", "im", "il", "ir")


@cache
def _contraries() -> dict[str, frozenset[str]]:
    table: dict[str, set[str]] = {}
    for line in _CONTRARIES:
        words = line.split()
        for word in words:
            table.setdefault(word, set()).update(w for w in words if w != word)
    return {word: frozenset(others) for word, others in table.items()}


def _negated_forms(word: str) -> list[str]:
    forms = [prefix + word for prefix in _NEGATING]
    if len(word) >= 5:
        forms += [prefix + word for prefix in _NEGATING_LONG]
    return forms


def _stems(word: str) -> list[str]:
    """The word without a negating prefix, if it has one."""
    stems = [word[len(p) :] for p in _NEGATING if word.startswith(p) and len(word) - len(p) >= 4]
    return stems + [
        word[len(p) :] for p in _NEGATING_LONG if word.startswith(p) and len(word) - len(p) >= 5
    ]


def contrary_word(question: set[str], sentence: set[str]) -> bool:
    """The question uses a word the sentence lacks while the sentence has its contrary.
    Both are sets of folded words."""
    table = _contraries()
    for word in question - sentence:
        if table.get(word, frozenset()) & sentence:
            return True
        if len(word) >= 4 and any(
            form in sentence for form in (*_negated_forms(word), *_stems(word))
        ):
            return True
    return False


def changed_number(question: str, sentence: str) -> bool:
    """The question names a number ("200,000", "3rd", "third", "twenty") the sentence lacks
    while the sentence names another."""
    asked = _numbers(question)
    if not asked:
        return False
    said = _numbers(sentence)
    return bool(said) and not asked <= said


# Digits with their thousands separators and decimals ("200,000" is one number, not 200 and
# 0) and an ordinal suffix; words are read by count_value.
_DIGITS = re.compile(r"\d+(?:[,.]\d+)*(?:st|nd|rd|th)?")


def _numbers(text: str) -> set[str]:
    folded = text.casefold()
    numbers = {count_value(m.replace(",", "")) for m in _DIGITS.findall(folded)}
    for word in WORD.findall(folded):
        # Only a counting word or a word of roman letters can be one (a cheap test first:
        # this runs on every word of the best sentence).
        if word in COUNTING_WORDS:
            numbers.add(count_value(word))
        elif _ROMAN_LETTERS.issuperset(word):
            # A regnal number is the same either way: "Alexander 2" asks of "Alexander II".
            numbers.add(regnal_twin(word))
    return {number for number in numbers if number is not None}


_ROMAN_LETTERS = frozenset("ivxlcdm")


def folded_words(text: str) -> list[str]:
    """The text's words, folded; "non" joins the word after it, as in "nonviolent"."""
    folded: list[str] = []
    for word in WORD.findall(text.casefold()):
        if folded and folded[-1] == "non":
            folded[-1] += word
        else:
            folded.append(word)
    return folded
