"""Entity extraction from one fact's text (people, places, events, dates, ...), by rules."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import NamedTuple

from clio.core.facts import Entity, EntityKind
from clio.factbase import cues
from clio.factbase import gazetteer as gz
from clio.factbase.classify import classify_span, is_modifier, person_after_office
from clio.factbase.dates import find_dates, find_numbers

# A word: initials ("U.S."), letters of any script with inner apostrophes and hyphens, or a
# number. Punctuation is not a token: `Token.spaced` records what lies between words.
_WORD = re.compile(r"(?:[A-Z]\.){2,}|[^\W\d_](?:[\w’'-]*\w)?|\d[\d,.]*\w*")
# A title's abbreviation ("St. Bartholomew", "Trinity-St. Paul's", "Dr. Johnson") or a middle
# initial ("Samuel K. Cohn") keeps its full stop before a name, so the name is not cut in
# two at it: the text is one sentence already, so this stop ends none.
_ABBREVIATIONS = frozenset(
    ["St", "Mt", "Ft", "Dr", "Mr", "Mrs", "Gen", "Col", "Capt", "Lt", "Gov", "Rev"]
)
_STOP_BEFORE_NAME = re.compile(r"\. [A-Z]")
_CITATION = re.compile(r"\[(?:\d+|[a-z ]+)\]")
_POSSESSIVE = re.compile(r"(?:'s|’s|'|’)$")
_ARTICLES = frozenset(["The", "A", "An"])
# The capitalised words after a possessive: "King William's War" is one name when they end
# in a word such as "War"; "Kublai's Chinese advisers" is a name and a modifier.
_CAPITALS_NEXT = re.compile(r"(?: [A-Z][\w’'-]*)+")
# A short quoted name ("Eastern Question"); a quoted sentence is no term.
_QUOTED = re.compile(r"[\"“]([A-Z][^\"”.!?,;:]{2,50})[\"”]")


class Token(NamedTuple):
    """A word of a fact (a tuple: a build makes millions, and a frozen dataclass is slow
    to make)."""

    text: str
    start: int
    end: int
    capitalised: bool  # starts with an upper-case letter
    spaced: bool  # one space, and nothing else, since the previous word
    possessive: bool = False  # the previous word ended in a possessive that was cut off


def tokenize(text: str) -> list[Token]:
    """Word tokens with offsets; citation marks like "[6]" are skipped, possessives cut off."""
    blocked = _covered(text, [m.span() for m in _CITATION.finditer(text)]) if "[" in text else None
    tokens: list[Token] = []
    last_end = -2
    cut = False
    for match in _WORD.finditer(text):
        start, end = match.span()
        if blocked is not None and blocked[start]:
            continue
        word = match.group()
        first = word[0]
        if text.startswith(". ", end) and _abbreviates(word) and _STOP_BEFORE_NAME.match(text, end):
            end += 1
            word += "."
        if ("'" in word or "’" in word) and first.isalpha() and len(word) > 2:
            possessive = _POSSESSIVE.search(word)
            # "Blanchard's engraving" names Blanchard; "King William's War" is one name.
            if possessive and not _names_on(text, end):
                end -= len(possessive.group())
                word = text[start:end]
        spaced = start == last_end + 1 and text[last_end] == " "
        capitalised = first.isupper() and first.isalpha()
        tokens.append(Token(word, start, end, capitalised, spaced, cut))
        cut = end < match.end()
        last_end = max(end, match.end())  # past a cut possessive: "Shirley's men" still spaced
    return tokens


def _abbreviates(word: str) -> bool:
    """ "St", "Trinity-St", "Dr", or an initial "K": a word whose full stop is no sentence end."""
    if len(word) == 1:
        return word.isupper()
    return word.rpartition("-")[2] in _ABBREVIATIONS


def _names_on(text: str, end: int) -> bool:
    """The capitalised words from `end` on close a name ("'s Day Massacre", "'s War")."""
    run = _CAPITALS_NEXT.match(text, end)
    return run is not None and run.group().rsplit(" ", 1)[-1].casefold() in cues.TAIL_CUES


def _covered(text: str | int, spans: list[tuple[int, int]]) -> bytearray:
    """A flag per character: 1 inside one of `spans` (a linear-time membership test)."""
    flags = bytearray(text if isinstance(text, int) else len(text))
    for start, end in spans:
        flags[start:end] = b"\x01" * (min(end, len(flags)) - start) if start < len(flags) else b""
    return flags


def extract_entities(text: str) -> tuple[Entity, ...]:
    """Return the typed entities of `text`, in order of appearance, never overlapping."""
    found: list[Entity] = list(find_dates(text))
    taken = [(e.start, e.end) for e in found]
    found.extend(find_numbers(text, taken=taken))
    taken = [(e.start, e.end) for e in found]
    terms = _quoted_terms(text, taken=taken)
    found.extend(terms)
    taken.extend((e.start, e.end) for e in terms)
    found.extend(_name_entities(text, tokenize(text), taken=taken))
    return tuple(
        replace(e, scale=gz.place_scale(e.text)) if e.kind is EntityKind.PLACE else e
        for e in sorted(found, key=lambda e: e.start)
    )


def _quoted_terms(text: str, *, taken: list[tuple[int, int]]) -> list[Entity]:
    terms = []
    for match in _QUOTED.finditer(text):
        start, end = match.span(1)
        if len(match.group(1).split()) > 5:
            continue
        if not any(start < b and a < end for a, b in taken):
            terms.append(Entity(text[start:end], EntityKind.TERM, start, end))
    return terms


def _name_entities(text: str, tokens: list[Token], *, taken: list[tuple[int, int]]) -> list[Entity]:
    spans = _capitalised_spans(tokens, taken=taken)
    first = _first_word_index(tokens)
    entities: list[Entity] = []
    kinds: list[EntityKind | None] = []
    for span_start, hi in spans:
        lo = _trim_sentence_start(tokens, span_start, hi, first=first)
        if lo is None:
            continue
        words = [t.text for t in tokens[lo:hi]]
        if len(words) == 1 and (len(words[0]) == 1 or words[0].casefold() in cues.FUNCTION_WORDS):
            continue  # "All", "I" after an opening quote name nothing
        previous = tokens[lo - 1].text if lo > 0 and tokens[lo].spaced else ""
        following = tokens[hi].text if hi < len(tokens) and tokens[hi].spaced else ""
        if is_modifier(words, following=following):
            continue
        split = person_after_office(words)
        parts: list[tuple[int, int, EntityKind | None]]
        if split is None:
            parts = [(lo, hi, classify_span(words, previous=previous, following=following))]
        else:  # the office is a term of its own; the person is named without it
            parts = [(lo, lo + split, EntityKind.TERM), (lo + split, hi, EntityKind.PERSON)]
        for a, b, kind in parts:
            start, end = tokens[a].start, tokens[b - 1].end
            entities.append(Entity(text[start:end], EntityKind.TERM, start, end))
            kinds.append(kind)
    return _resolve_unknown(text, entities, kinds)


def _first_word_index(tokens: list[Token]) -> int:
    """Index of the first real word, past leading quotes and brackets."""
    for index, token in enumerate(tokens):
        if token.text[:1].isalnum():
            return index
    return len(tokens)


def _capitalised_spans(
    tokens: list[Token], *, taken: list[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Runs of capitalised words, joined by "of (the)" after a cue word, by particles and
    epithets ("da", "the Great"), and closed by a lower-case tail such as "dynasty"."""
    covered = _covered(tokens[-1].end if tokens else 0, taken)
    free = [not covered[t.start] for t in tokens]
    first = _first_word_index(tokens)
    if first < len(tokens) and tokens[first].text.casefold() in cues.FUNCTION_WORDS:
        free[first] = False  # "The", "When", "Although" open sentences, never names
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(tokens):
        if not (free[i] and tokens[i].capitalised) or _never_opens(tokens, i):
            i += 1  # a name never starts with "The" ("The Million" is "Million")
            continue
        j = i + 1
        while j < len(tokens):
            step = _joinable(tokens, free, i, j)
            if step == 0:
                break
            j += step
        spans.append((i, j))
        i = j
    return spans


def _never_opens(tokens: list[Token], i: int) -> bool:
    """An article, or a month before a cue ("the March Battle of Fort Bull")."""
    if tokens[i].text in _ARTICLES:
        return True
    following = tokens[i + 1].text.casefold() if i + 1 < len(tokens) else ""
    return tokens[i].text in cues.MONTHS and following in cues.HEAD_CUES


def _joinable(tokens: list[Token], free: list[bool], lo: int, j: int) -> int:
    """How many tokens at `j` extend the span starting at `lo` (0: the span ends)."""
    token = tokens[j]
    if not free[j]:
        # "Revolution of 1848": an event may close with the year it is named by.
        return 0
    if not token.spaced or token.possessive:
        return 0  # punctuation, a line break, a double space or "'s" between: never join
    if token.text in cues.ROMAN_NUMERALS:
        # "Henry IV", but not "All I can say": a regnal number follows a name.
        return 0 if gz.is_english_word(tokens[j - 1].text) else 1
    if token.capitalised:
        return 1
    word = token.text.casefold()
    if word in cues.LOWER_TAILS and tokens[j - 1].capitalised:
        return 1
    nxt = j + 1
    if word == "of" and _opens_of(tokens, lo, j):
        if nxt < len(tokens) and tokens[nxt].text == "the":
            nxt += 1
        return nxt - j + 1 if _capital_at(tokens, free, nxt) else 0
    if word in cues.PARTICLES and _capital_at(tokens, free, nxt):
        return 2
    two_particles = nxt < len(tokens) and tokens[nxt].text in cues.PARTICLES
    if word in cues.PARTICLES and two_particles and _capital_at(tokens, free, nxt + 1):
        return 3  # "Gadifer de la Salle", "Johannes van der Waals"
    if word == "and" and _closes_as_event(tokens, free, nxt):
        return 1  # "French and Indian War", "Wars of the Roses and ..." stay one name
    epithet = _capital_at(tokens, free, nxt) and tokens[nxt].text.casefold() in cues.PERSON_TAILS
    return 2 if word == "the" and epithet else 0


def _closes_as_event(tokens: list[Token], free: list[bool], index: int) -> bool:
    """The capitalised run from `index` ends in an event word such as "War"."""
    end = index
    while _capital_at(tokens, free, end):
        end += 1
    last = tokens[end - 1].text.casefold() if end > index else ""
    return cues.TAIL_CUES.get(last) is EntityKind.EVENT


def _opens_of(tokens: list[Token], lo: int, j: int) -> bool:
    """ "X of Y" is one name when X starts with a cue or title, or ends with a regnal number."""
    head = tokens[lo].text.casefold()
    if head in cues.HEAD_CUES or head in cues.TITLES:
        return True
    if lo + 1 < j and tokens[lo].text.casefold() in cues.DIRECTIONS:
        return tokens[lo + 1].text.casefold() in cues.HEAD_CUES
    # "Imperial Academy of Medicine", "Empire of Japan": an institution or realm "of" X.
    before = cues.TAIL_CUES.get(tokens[j - 1].text.casefold())
    if before in {EntityKind.ORGANISATION, EntityKind.PLACE}:
        return True
    return tokens[j - 1].text in cues.ROMAN_NUMERALS


def _capital_at(tokens: list[Token], free: list[bool], index: int) -> bool:
    return index < len(tokens) and free[index] and tokens[index].capitalised


def _trim_sentence_start(tokens: list[Token], lo: int, hi: int, *, first: int) -> int | None:
    """Drop a capitalised common word that only opens the sentence ("Peace was ...",
    "Participants of ...", "The Ottomans"); keep names that merely stand first."""
    if lo != first:
        return lo
    words = [t.text for t in tokens[lo:hi]]
    head, tail = words[0].casefold(), words[-1].casefold()
    if len(words) > 1 and (head in cues.HEAD_CUES or head in cues.TITLES or tail in cues.TAIL_CUES):
        return lo
    if gz.is_place_name(" ".join(words)) or not gz.is_english_word(words[0]):
        return lo
    return lo + 1 if len(words) > 1 else None


def _resolve_unknown(
    text: str, entities: list[Entity], kinds: list[EntityKind | None]
) -> list[Entity]:
    """Give unknown names the kind of a listed neighbour ("Poland and Crimea"), else TERM."""
    resolved = list(kinds)
    for index, kind in enumerate(kinds):
        if kind is not None:
            continue
        for other in (index - 1, index + 1):
            if 0 <= other < len(kinds) and kinds[other] is not None:
                a, b = sorted((entities[index], entities[other]), key=lambda e: e.start)
                gap = text[a.end : b.start].strip()
                if gap in {"and", "or", ", and", ", or"}:
                    resolved[index] = kinds[other]
                    break
    return [
        Entity(e.text, kind or EntityKind.TERM, e.start, e.end)
        for e, kind in zip(entities, resolved, strict=True)
    ]
