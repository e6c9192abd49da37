"""The kind of a capitalised name, from cue words, gazetteers and its neighbours."""

from __future__ import annotations

from clio.core.facts import EntityKind
from clio.factbase import cues
from clio.factbase import gazetteer as gz

_GROUP_ENDINGS = ("ans", "ians", "ites", "ists", "ars", "ese", "ards", "ots")


def is_modifier(words: list[str], *, following: str) -> bool:
    """A lone demonym before a lower-case word is an adjective, not a name ("Ottoman rule")."""
    if len(words) != 1 or not following[:1].islower():
        return False
    word = words[0]
    if not gz.is_common_noun_or_adjective(following):
        return False
    return gz.looks_like_demonym(word) or "-" in word


def classify_span(words: list[str], *, previous: str, following: str) -> EntityKind | None:
    """The kind of the name `words`, or None when nothing tells (the caller decides)."""
    for rule in (_by_shape, _by_cue, _by_person_marks, _by_gazetteer, _by_context):
        kind = rule(words, previous, following)
        if kind is not None:
            return kind
    return None


def _by_shape(words: list[str], previous: str, following: str) -> EntityKind | None:
    word = words[0]
    if len(words) == 1 and word in cues.MONTHS:
        return EntityKind.DATE  # "in February", "between June and November 1749"
    if len(words) == 1 and 2 <= len(word.strip(".")) <= 6 and word.replace(".", "").isupper():
        if word in cues.ROMAN_NUMERALS:
            return None
        return EntityKind.PLACE if gz.is_place_name(word) else EntityKind.ORGANISATION
    return None


def _by_cue(words: list[str], previous: str, following: str) -> EntityKind | None:
    head, tail = words[0].casefold(), words[-1].casefold()
    if len(words) > 2 and words[1] == "of":
        if head in cues.TITLES:
            return EntityKind.PERSON
        if head in cues.HEAD_CUES:
            return cues.HEAD_CUES[head]
    if (
        len(words) > 1
        and words[-1] in cues.ROMAN_NUMERALS
        and words[-2].casefold() in cues.TAIL_CUES
    ):
        return cues.TAIL_CUES[words[-2].casefold()]  # "World War II"
    if len(words) > 1 and tail in cues.LOWER_TAILS and words[-1].islower():
        return cues.LOWER_TAILS[tail]
    if len(words) > 1 and tail in cues.TAIL_CUES:
        return cues.TAIL_CUES[tail]
    if len(words) == 1 and cues.TAIL_CUES.get(head) is EntityKind.ORGANISATION:
        return EntityKind.ORGANISATION  # "Parliament", "Congress" on their own
    if "of" in words and head in cues.HEAD_CUES:
        return cues.HEAD_CUES[head]
    return None


def _by_person_marks(words: list[str], previous: str, following: str) -> EntityKind | None:
    if not _person_marked(words) or gz.is_place_name(" ".join(words)):
        return None  # "St. Petersburg" is a city, though "St." is a saint's title
    return EntityKind.PERSON


def _person_marked(words: list[str]) -> bool:
    """A title before, a regnal number or epithet after ("King X", "Henry IV", "Ivan the
    Terrible", "Louis XIV of France"), or initials before a name ("T. S. Eliot")."""
    head, tail = words[0].casefold(), words[-1].casefold()
    if len(words) > 1 and head in cues.TITLES:
        return True
    if _initials_open(words):
        return True
    if len(words) > 1 and (words[-1] in cues.ROMAN_NUMERALS or tail in cues.PERSON_TAILS):
        return True
    return "of" in words and words[words.index("of") - 1] in cues.ROMAN_NUMERALS


def _initials_open(words: list[str]) -> bool:
    """One or more initials, then a name of up to three words ("J. Robert Oppenheimer",
    "W. E. B. Du Bois"); not an initial before a word that only opened a sentence ("C. Of")
    or before an office ("U. S. Secretary")."""
    count = 0
    while count < len(words) and _is_initial(words[count]):
        count += 1
    rest = words[count:]
    if not count or not 1 <= len(rest) <= 3:
        return False
    last = rest[-1].casefold()
    return not (last in cues.FUNCTION_WORDS or last in cues.TITLES or last in cues.OFFICES)


def _is_initial(word: str) -> bool:
    return len(word) == 2 and word[0].isupper() and word[1] == "."


def person_after_office(words: list[str]) -> int | None:
    """Where a person's name starts after the offices that lead into it inside one run of
    capitalised words ("Israeli Prime Minister | Benjamin Netanyahu", "Commissioner |
    Stavros Dimas"): a first name after a title or an office, opening two to four words.
    None when the run is not so made, or is one title and a name ("King Louis XIV")."""
    for k in range(1, len(words) - 1):
        previous = words[k - 1].casefold()
        if previous not in cues.TITLES and previous not in cues.OFFICES:
            continue
        if k == 1 and previous in cues.TITLES:
            continue  # "King Louis XIV", "President Lincoln": one title is part of the name
        if 2 <= len(words) - k <= 4 and _first_name_opens(words[k:]):
            return k
    return None


def _by_gazetteer(words: list[str], previous: str, following: str) -> EntityKind | None:
    name = " ".join(words)
    if gz.is_place_name(name):
        return EntityKind.PLACE
    if len(words) > 1 and words[0].casefold() in cues.DIRECTIONS:
        # "West Francia", "Eastern Europe"; but "Central Asian Muslims" are people.
        return EntityKind.TERM if _plural_name(words[-1]) else EntityKind.PLACE
    if 2 <= len(words) <= 4 and _first_name_opens(words):
        return None if any(gz.looks_like_demonym(w) for w in words) else EntityKind.PERSON
    if len(words) == 1 and _first_name_opens(words) and not gz.is_english_word(name):
        # "Rollo agreed" is a person; "Viking settlers" is a modifier, and a lone "America,"
        # or "June." (first names too) is left for the context rules to decide.
        verb_follows = bool(following) and not gz.is_common_noun_or_adjective(following)
        return EntityKind.PERSON if verb_follows else None
    return None


def _first_name_opens(words: list[str]) -> bool:
    """A first name opens `words`: not a month ("June") and not a country or continent that
    is a first name too ("Asia Minor", "Georgia")."""
    first = words[0]
    if first in cues.MONTHS or gz.is_country_name(first) or gz.place_scale(first) == "continent":
        return False
    return gz.is_first_name(first)


def _by_context(words: list[str], previous: str, following: str) -> EntityKind | None:
    name = " ".join(words)
    if len(words) == 1 and _plural_name(name):
        return EntityKind.TERM  # a people or a creed: "Magyars", "Christians", "Franks"
    if len(words) == 1 and name.casefold().endswith(cues.PLACE_SUFFIXES):
        return EntityKind.PLACE
    after_preposition = previous.casefold() in cues.PLACE_PREPOSITIONS and len(words) <= 2
    if after_preposition and not any(_ordinary(w) for w in words):
        return EntityKind.PLACE
    return None


def _ordinary(word: str) -> bool:
    return gz.looks_like_demonym(word) or gz.is_english_word(word)


def _plural_name(name: str) -> bool:
    lower = name.casefold()
    return lower.endswith(_GROUP_ENDINGS) or (
        lower.endswith("s") and not lower.endswith(("ss", "us", "is"))
    )
