"""Accepted variants of an answer: the other forms a learner may rightly give for an entity."""

from __future__ import annotations

import re

from clio.core.facts import Entity, EntityKind
from clio.factbase import cues
from clio.factbase import gazetteer as gz

_ROMANS = [
    "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X",
    "XI", "XII", "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX",
]  # fmt: skip
_ORDINAL_WORDS = [
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
    "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth",
    "seventeenth", "eighteenth", "nineteenth", "twentieth",
]  # fmt: skip
_NOT_SURNAMES = cues.PERSON_TAILS | cues.TITLES
_ORDINAL_NUMBER = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b")
_FULL_DATE = re.compile(r"^([A-Z][a-z]+)\.? (\d{1,2}), (\d{3,4})$")


def accepted_variants(entity: Entity) -> tuple[str, ...]:
    """Other spellings of `entity.text` a grader should accept, without the text itself."""
    text = entity.text
    forms: list[str] = []
    if gz.takes_article(text, entity.kind) or re.search(r"centur|\ds$", text):
        forms.append(f"the {text}")  # "the Crimean War", "the 1850s"
    if entity.kind is EntityKind.PERSON:
        forms.extend(_person_forms(text))
    elif entity.kind is EntityKind.EVENT:
        forms.extend(_event_forms(text))
    elif entity.kind is EntityKind.DATE:
        forms.extend(_date_forms(text))
    elif entity.kind is EntityKind.NUMBER:
        forms.extend(_number_forms(text))
    seen = {text.casefold()}
    unique: list[str] = []
    for form in forms:
        if form and form.casefold() not in seen:
            seen.add(form.casefold())
            unique.append(form)
    return tuple(unique)


def _person_forms(text: str) -> list[str]:
    words = text.split()
    forms: list[str] = []
    if " of " in text:  # "King Charles III of West Francia" -> "King Charles III"
        words = text[: text.index(" of ")].split()
        if len(words) > 1:  # but "Duke" alone, from "Duke of Newcastle", names no one
            forms.append(" ".join(words))
    # "British Prime Minister Edward Heath" -> "Edward Heath"
    named_at = next((i for i, w in enumerate(words) if i > 0 and gz.is_first_name(w)), None)
    if named_at is not None and len(words) - named_at >= 2:
        forms.append(" ".join(words[named_at:]))
    if len(words) > 1 and words[0].casefold() in cues.TITLES:
        words = words[1:]  # "Lord Palmerston" -> "Palmerston"
        forms.append(" ".join(words))
    if len(words) > 1 and words[-1] in _ROMANS:
        number = _ROMANS.index(words[-1]) + 1
        base = " ".join(words[:-1])
        forms += [f"{base} {number}", f"{base} the {_ORDINAL_WORDS[number - 1]}"]
    elif len(words) > 1 and "the" not in words and words[-1].casefold() not in _NOT_SURNAMES:
        forms.append(words[-1])  # a surname: "Auguste Blanchard" -> "Blanchard"
    return forms


def _event_forms(text: str) -> list[str]:
    head, _, rest = text.partition(" of ")
    if rest and head.casefold() in cues.HEAD_CUES and not rest.startswith("the "):
        return [rest]  # "Battle of Balaclava" -> "Balaclava"
    return []


def _date_forms(text: str) -> list[str]:
    forms: list[str] = []
    if _ORDINAL_NUMBER.search(text):
        forms.append(_ORDINAL_NUMBER.sub(lambda m: _ordinal_word(int(m.group(1))), text))
    if re.fullmatch(r"\d{3,4}s", text):
        forms.append(f"{text[:-1]}'s")
    match = _FULL_DATE.match(text)
    if match:
        forms.append(f"{match.group(2)} {match.group(1)} {match.group(3)}")
    return forms


def _ordinal_word(number: int) -> str:
    return _ORDINAL_WORDS[number - 1] if 1 <= number <= len(_ORDINAL_WORDS) else str(number)


def _number_forms(text: str) -> list[str]:
    forms = []
    if "," in text:
        forms.append(text.replace(",", ""))
    if text.endswith("s") and text.isalpha():
        forms.append(text[:-1])  # "thousands" -> "thousand"
    return forms
