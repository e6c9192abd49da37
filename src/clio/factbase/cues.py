"""Cue words for names: the words around a name that tell what it names, and function words."""

from __future__ import annotations

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
            "movement dispute controversy schism armistice truce war's act"
        ),
        EntityKind.EVENT,
    ),
    **dict.fromkeys(
        _split(
            "company party church league union confederation alliance parliament army navy "
            "council committee society university bank assembly senate congress order "
            "association corporation commission court government ministry office institute "
            "college academy brigade regiment corps fleet guard entente coalition dynasty "
            "diet cabinet school museum library hospital center centre foundation club "
            "agency bureau department board"
        ),
        EntityKind.ORGANISATION,
    ),
    **dict.fromkeys(
        _split(
            "empire kingdom republic duchy principality caliphate sultanate khanate emirate "
            "province region sea ocean river mountains island islands strait gulf bay valley "
            "peninsula desert plain plains coast lake city county colony colonies islands "
            "territory territories basin channel canal street avenue road square bridge "
            "station airport stadium palace castle cathedral harbour harbor tower terrace "
            "depot gardens falls"
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

# Offices named before a person ("Prime Minister Benjamin Netanyahu", "Foreign Secretary
# Lord Clarendon"): with TITLES, the words a person's name may follow inside one run of
# capitalised words.
OFFICES = frozenset(
    _split(
        "minister secretary commissioner governor premier senator ambassador mayor envoy "
        "chairman chairwoman speaker justice judge consul viceroy treasurer"
    )
)

# Epithets and tail titles of persons ("Peter the Great", "Genghis Khan").
PERSON_TAILS = frozenset(_split("khan great elder younger conqueror magnificent terrible"))

# A month's name is a date's word, not a first name ("between June and November 1749").
MONTHS = frozenset(
    _split("January February March April May June July August September October November December")
)

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

AUXILIARIES = frozenset(
    _split("is was has are were had have be been will would can could may might")
)

PLACE_SUFFIXES = ("ia", "land", "stan", "burg", "bourg", "grad", "ville", "polis", "shire")
DEMONYM_SUFFIXES = ("an", "ian", "ish", "ese", "ic", "ch", "i")

# Prepositions after which an unknown name is most likely a place ("in Paris", "from Denmark").
PLACE_PREPOSITIONS = frozenset(_split("in at from to near across into through toward towards"))
