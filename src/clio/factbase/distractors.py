"""Distractors: wrong answers of the same type as the right one, from the fact base or made."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from clio.core.facts import Entity, EntityKind, Fact
from clio.factbase import gazetteer as gz

NEEDED = 3
_NAMED = frozenset([EntityKind.PERSON, EntityKind.PLACE, EntityKind.EVENT, EntityKind.ORGANISATION])
_YEAR = re.compile(r"^\d{3,4}$")
_DECADE = re.compile(r"^(\d{2,3}0)s$")
_CENTURY = re.compile(r"^(\d{1,2})(st|nd|rd|th) century$")
_INTEGER = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")
_ROUGH_AMOUNTS = ["dozens", "hundreds", "thousands", "millions"]
_WORD = re.compile(r"[a-z0-9]+")
_WEAK_WORDS = gz.FUNCTION_WORDS | set(gz.HEAD_CUES) | set(gz.TAIL_CUES) | gz.TITLES


@dataclass(frozen=True, slots=True)
class _Candidate:
    text: str
    topic_id: str
    group: str  # what makes a good substitute: a place's scale, an event's cue word
    article: bool  # written after "the": a substitute must read well in the same place


@dataclass
class DistractorPool:
    """Every named entity of the fact base by kind, built once (not per fact) so that
    choosing distractors stays linear in the size of the seeds."""

    by_kind: dict[EntityKind, list[_Candidate]] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)

    @classmethod
    def from_facts(cls, facts: Iterable[Fact]) -> DistractorPool:
        seen: set[tuple[EntityKind, str]] = set()
        pool = cls()
        for fact in facts:
            for entity in fact.entities:
                if entity.kind is EntityKind.DATE and _YEAR.match(entity.text):
                    pool.years.add(int(entity.text))
                if entity.kind not in _NAMED or (entity.kind, entity.text) in seen:
                    continue
                seen.add((entity.kind, entity.text))
                candidate = _Candidate(
                    entity.text,
                    fact.topic_id,
                    group_of(entity),
                    gz.takes_article(entity.text, entity.kind),
                )
                pool.by_kind.setdefault(entity.kind, []).append(candidate)
        return pool

    def choose(self, entity: Entity, *, fact: Fact, rng: random.Random) -> list[str] | None:
        """Three wrong answers for `entity` in `fact`, or None when three sound ones are
        not available (then the caller skips the question)."""
        if entity.kind is EntityKind.DATE and _YEAR.match(entity.text):
            return self._years(int(entity.text), fact=fact, rng=rng)
        if entity.kind is EntityKind.DATE:
            return _date_distractors(entity.text, rng=rng)
        if entity.kind is EntityKind.NUMBER:
            return _number_distractors(entity.text, rng=rng)
        if entity.kind not in _NAMED:
            return None
        return self._named(entity, fact=fact, rng=rng)

    def _years(self, year: int, *, fact: Fact, rng: random.Random) -> list[str]:
        """Up to two nearby years the seeds mention, then made ones a few years off."""
        near = sorted(y for y in self.years if 0 < abs(y - year) <= 12)
        near = [y for y in near if str(y) not in fact.sentence]
        chosen = rng.sample(near, min(2, len(near)))
        for shift in _offsets(rng, [1, 2, 3, 4, 5, 6, 8, 10]):
            if len(chosen) < NEEDED and year + shift not in chosen:
                chosen.append(year + shift)
        return [str(y) for y in sorted(chosen)]

    def _named(self, entity: Entity, *, fact: Fact, rng: random.Random) -> list[str] | None:
        group = group_of(entity)
        article = fact.text[: entity.start].casefold().endswith("the ")
        usable = [
            c
            for c in self.by_kind.get(entity.kind, [])
            if c.text not in fact.sentence
            and not is_variant(c.text, entity.text)
            and c.article == article
        ]
        # Same group and same topic first: "Battle of X" for a battle, a city for a city.
        tiers = [
            [c for c in usable if c.group == group and c.topic_id == fact.topic_id],
            [c for c in usable if c.group == group and c.topic_id != fact.topic_id],
        ]
        if entity.kind is not EntityKind.PLACE:
            tiers.append([c for c in usable if c.group != group])
        chosen: list[str] = []
        for tier in tiers:
            for candidate in rng.sample(tier, len(tier)):
                if len(chosen) < NEEDED and not any(is_variant(candidate.text, t) for t in chosen):
                    chosen.append(candidate.text)
        return chosen if len(chosen) == NEEDED else None


def group_of(entity: Entity) -> str:
    if entity.kind is EntityKind.PLACE:
        return gz.place_scale(entity.text)
    if entity.kind is EntityKind.EVENT:
        words = [w.casefold() for w in entity.text.split()]
        cues = [w for w in words if w in gz.HEAD_CUES or w in gz.TAIL_CUES]
        return cues[0] if cues else ""
    return ""


def is_variant(a: str, b: str) -> bool:
    """True when `a` and `b` may name the same thing ("Britain", "Great Britain"; "Russia",
    "Russian Empire"): they share a significant word or its stem."""
    words_a = {w for w in _WORD.findall(a.casefold()) if w not in _WEAK_WORDS}
    words_b = {w for w in _WORD.findall(b.casefold()) if w not in _WEAK_WORDS}
    if a.casefold() == b.casefold() or words_a & words_b:
        return True
    return any(x[:5] == y[:5] for x in words_a for y in words_b if min(len(x), len(y)) >= 5)


def _date_distractors(text: str, *, rng: random.Random) -> list[str] | None:
    if match := _DECADE.match(text):
        decade = int(match.group(1))
        return [f"{decade + d}s" for d in _offsets(rng, [10, 20, 30, 40])]
    if match := _CENTURY.match(text):
        century = int(match.group(1))
        choices = [c for c in (century + d for d in (-2, -1, 1, 2, 3)) if c >= 1]
        return [f"{c}{_suffix(c)} century" for c in rng.sample(choices, NEEDED)]
    return None


def _offsets(rng: random.Random, sizes: list[int]) -> list[int]:
    """Three distinct non-zero shifts, both earlier and later, so the answer is not always
    the middle or the extreme of the choices."""
    return sorted({s * rng.choice((-1, 1)) for s in rng.sample(sizes, NEEDED)})


def _suffix(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def _number_distractors(text: str, *, rng: random.Random) -> list[str] | None:
    if text in _ROUGH_AMOUNTS:
        return [amount for amount in _ROUGH_AMOUNTS if amount != text]
    if _INTEGER.match(text):
        value = int(text.replace(",", ""))
        if value < 4:
            return None
        factors = rng.sample([0.25, 0.5, 2, 3, 5, 10], NEEDED)
        made = sorted({max(1, round(value * f)) for f in factors} - {value})
        if len(made) < NEEDED:
            return None
        return [f"{n:,}" if "," in text else str(n) for n in made]
    return None
