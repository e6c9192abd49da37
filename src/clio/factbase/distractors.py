"""Distractors: wrong answers of the same type as the right one, from the fact base or made."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from clio.core.facts import Entity, EntityKind, Fact
from clio.factbase import cues
from clio.factbase import gazetteer as gz

NEEDED = 3
_NAMED = frozenset([EntityKind.PERSON, EntityKind.PLACE, EntityKind.EVENT, EntityKind.ORGANISATION])
_YEAR = re.compile(r"^\d{3,4}$")
_DECADE = re.compile(r"^(\d{2,3}0)s$")
_CENTURY = re.compile(r"^(\d{1,2})(st|nd|rd|th) century$")
# A count up to a quadrillion; a longer run of digits is a code, not an amount to vary.
_INTEGER = re.compile(r"^\d{1,3}(?:,\d{3}){0,5}$|^\d{1,18}$")
_ROUGH_AMOUNTS = ["dozens", "hundreds", "thousands", "millions"]
_WORD = re.compile(r"[a-z0-9]+")
_WEAK_WORDS = cues.FUNCTION_WORDS | set(cues.HEAD_CUES) | set(cues.TAIL_CUES) | cues.TITLES


_Bucket = tuple[EntityKind, str, bool, str]  # kind, group, article, topic ("" for any)
_TRIES = 24


@dataclass
class DistractorPool:
    """Every named entity of the fact base in buckets of (kind, group, article, topic),
    built once, so that choosing a distractor costs a few random draws, not a scan of the
    whole base (which would make building quadratic in the size of the seeds)."""

    buckets: dict[_Bucket, list[str]] = field(default_factory=dict)
    years: set[int] = field(default_factory=set)

    @classmethod
    def from_facts(cls, facts: Iterable[Fact]) -> DistractorPool:
        seen: set[tuple[EntityKind, str, str]] = set()
        pool = cls()
        for fact in facts:
            for entity in fact.entities:
                if entity.kind is EntityKind.DATE and _YEAR.match(entity.text):
                    pool.years.add(int(entity.text))
                if entity.kind not in _NAMED or (entity.kind, entity.text, fact.topic_id) in seen:
                    continue
                if " " not in entity.text and gz.is_english_word(entity.text):
                    continue  # a capitalised common word ("War") is no name to offer
                seen.add((entity.kind, entity.text, fact.topic_id))
                group = group_of(entity)
                article = gz.takes_article(entity.text, entity.kind)
                for topic in (fact.topic_id, ""):
                    for grouping in (group, "*"):
                        key = (entity.kind, grouping, article, topic)
                        pool.buckets.setdefault(key, []).append(entity.text)
        for key, texts in pool.buckets.items():
            pool.buckets[key] = list(dict.fromkeys(texts))  # one entry per name
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
        near = [y for y in range(year - 12, year + 13) if y in self.years and y != year]
        near = [y for y in near if str(y) not in fact.sentence]
        chosen = rng.sample(near, min(2, len(near)))
        for shift in _offsets(rng, [1, 2, 3, 4, 5, 6, 8, 10]):
            made = year + shift
            # A year the sentence itself names would be confusing, and true in a swap.
            if len(chosen) < NEEDED and made not in chosen and str(made) not in fact.sentence:
                chosen.append(made)
        return [str(y) for y in sorted(chosen)]

    def _named(self, entity: Entity, *, fact: Fact, rng: random.Random) -> list[str] | None:
        kind, group = entity.kind, group_of(entity)
        written_after_the = fact.text[: entity.start].casefold().endswith("the ")
        article = written_after_the or gz.takes_article(entity.text, kind)
        # Same group and same topic first: "Battle of X" for a battle, a city for a city.
        tiers = [(kind, group, article, fact.topic_id), (kind, group, article, "")]
        if kind is not EntityKind.PLACE:
            tiers.append((kind, "*", article, ""))
        chosen: list[str] = []
        for tier in tiers:
            bucket = self.buckets.get(tier, [])
            for _ in range(_TRIES if bucket else 0):
                if len(chosen) == NEEDED:
                    break
                text = bucket[rng.randrange(len(bucket))]
                if _fits(text, entity=entity, fact=fact, chosen=chosen):
                    chosen.append(text)
        return chosen if len(chosen) == NEEDED else None


def _fits(text: str, *, entity: Entity, fact: Fact, chosen: list[str]) -> bool:
    """Not in the fact's sentence, not a variant of the answer or of a chosen one."""
    if text in fact.sentence or is_variant(text, entity.text):
        return False
    return not any(is_variant(text, other) for other in chosen)


def group_of(entity: Entity) -> str:
    if entity.kind is EntityKind.PLACE:
        return entity.scale or gz.place_scale(entity.text)  # none on a hand-made entity
    if entity.kind is EntityKind.EVENT:
        words = [w.casefold() for w in entity.text.split()]
        named_by = [w for w in words if w in cues.HEAD_CUES or w in cues.TAIL_CUES]
        return named_by[0] if named_by else ""
    return ""


def is_variant(a: str, b: str) -> bool:
    """True when `a` and `b` may name the same thing ("Britain", "Great Britain"; "Russia",
    "Russian Empire"): they share a significant word or its stem."""
    words_a, words_b = _significant(a), _significant(b)
    if a.casefold() == b.casefold() or words_a & words_b:
        return True
    return any(x[:5] == y[:5] for x in words_a for y in words_b if min(len(x), len(y)) >= 5)


@lru_cache(maxsize=65536)
def _significant(text: str) -> frozenset[str]:
    return frozenset(w for w in _WORD.findall(text.casefold()) if w not in _WEAK_WORDS)


def _date_distractors(text: str, *, rng: random.Random) -> list[str] | None:
    if match := _DECADE.match(text):
        decade = int(match.group(1))
        return [f"{decade + d}s" for d in _offsets(rng, [10, 20, 30, 40])[:NEEDED]]
    if match := _CENTURY.match(text):
        century = int(match.group(1))
        choices = [c for c in (century + d for d in (-2, -1, 1, 2, 3)) if c >= 1]
        return [f"{c}{_suffix(c)} century" for c in rng.sample(choices, NEEDED)]
    return None


def _offsets(rng: random.Random, sizes: list[int]) -> list[int]:
    """Distinct non-zero shifts in a random order, each earlier or later at random, so the
    answer is not always the middle or the extreme of the choices; take the first few."""
    return [s * rng.choice((-1, 1)) for s in rng.sample(sizes, len(sizes))]


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
