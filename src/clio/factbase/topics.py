"""One seed's topic: its title and its facts (statements with ids and entities)."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator

from clio.core.facts import Fact, Source, Topic
from clio.factbase.clauses import split_clauses
from clio.factbase.entities import extract_entities
from clio.factbase.layout import Paragraph, ends_like_sentence, paragraphs
from clio.factbase.lines import seed_lines
from clio.factbase.names_again import people_named_again
from clio.factbase.seeds import SeedFile, title_from_name
from clio.factbase.sentences import split_sentences

# A sentence shorter than this ("Yes.", "See below.") is context, never taught.
MIN_TEACHABLE_WORDS = 3
# A first paragraph that is not prose and at most this long is the topic's title.
MAX_TITLE_WORDS = 15


def fact_id(topic_id: str, text: str) -> str:
    """A stable id: a hash of the topic and the normalised text."""
    normalised = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(f"{topic_id}\n{normalised}".encode()).hexdigest()[:16]


def build_topic(seed: SeedFile) -> Topic:
    """One seed's topic: its title and its facts in reading order."""
    units = paragraphs(seed_lines(seed.text, markdown=seed.markdown))
    title = title_from_name(seed.relative)
    if units and not units[0].teachable and len(units[0].text.split()) <= MAX_TITLE_WORDS:
        title, units = units[0].text, units[1:]
    facts: list[Fact] = []
    seen: set[str] = set()
    for unit in units:
        for text, sentence, line, teachable in _statements(unit):
            id_ = fact_id(seed.topic_id, text)
            if id_ in seen:  # the same statement twice in a topic is one fact
                continue
            seen.add(id_)
            facts.append(
                Fact(
                    id=id_,
                    topic_id=seed.topic_id,
                    text=text,
                    sentence=sentence,
                    source=Source(seed.relative, line),
                    position=len(facts),
                    teachable=teachable,
                    entities=extract_entities(text),
                )
            )
    return Topic(
        id=seed.topic_id,
        title=title,
        path=seed.relative,
        facts=people_named_again(facts),
    )


def _statements(unit: Paragraph) -> Iterator[tuple[str, str, int, bool]]:
    """(text, whole sentence, original line, teachable) for each statement of a paragraph."""
    for start, end in split_sentences(unit.text):
        sentence = unit.text[start:end]
        teachable = (
            unit.teachable
            and len(sentence.split()) >= MIN_TEACHABLE_WORDS
            and ends_like_sentence(sentence)  # a cut-off or colon-ended sentence is not taught
        )
        for text in split_clauses(sentence) if teachable else [sentence]:
            yield text, sentence, unit.line_at(start), teachable
