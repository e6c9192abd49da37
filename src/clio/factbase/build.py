"""Build a FactBase from a folder of seed documents: read, clean, split, extract, ask."""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from clio.core.facts import Fact, FactBase, Question, Source, Topic
from clio.factbase.apply_authored import apply_authored
from clio.factbase.authored import Authored, load_authored
from clio.factbase.clauses import split_clauses
from clio.factbase.distractors import DistractorPool
from clio.factbase.entities import extract_entities
from clio.factbase.layout import Paragraph, ends_like_sentence, paragraphs
from clio.factbase.lines import seed_lines
from clio.factbase.questions import generate_questions
from clio.factbase.seeds import (
    SeedFile,
    SkippedFile,
    decode_seed,
    read_seed_bytes,
    seed_paths,
    title_from_name,
    warn_skipped,
)
from clio.factbase.sentences import split_sentences

# A sentence shorter than this ("Yes.", "See below.") is context, never taught.
MIN_TEACHABLE_WORDS = 3
# A first paragraph that is not prose and at most this long is the topic's title.
MAX_TITLE_WORDS = 15


class Progress(Protocol):
    """Told the total seed bytes once, then the bytes of each seed as it is done (a tqdm
    bar fits)."""

    def reset(self, total: float | None = None) -> None: ...

    def update(self, n: float | None = 1) -> bool | None: ...


@dataclass(frozen=True)
class BuildResult:
    """A fact base and what the build left out, for `clio build` to report."""

    fact_base: FactBase
    skipped: tuple[SkippedFile, ...]
    seed_bytes: int
    from_cache: bool = False


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
    return Topic(id=seed.topic_id, title=title, path=seed.relative, facts=tuple(facts))


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


def build_from_bytes(
    entries: Sequence[tuple[str, bytes | SkippedFile]],
    *,
    progress: Progress | None = None,
    authored: Authored | None = None,
) -> BuildResult:
    """Build from seeds already read: (relative path, bytes or why skipped), in order."""
    topics: list[Topic] = []
    skipped: list[SkippedFile] = []
    owners: dict[str, str] = {}
    total = 0
    if progress is not None:
        progress.reset(total=sum(len(d) for _, d in entries if not isinstance(d, SkippedFile)))
    for relative, data in entries:
        seed = data if isinstance(data, SkippedFile) else decode_seed(data, relative=relative)
        if isinstance(seed, SeedFile) and seed.topic_id in owners:
            reason = f"topic id {seed.topic_id!r} already taken by {owners[seed.topic_id]}"
            seed = SkippedFile(relative, reason)
        if isinstance(seed, SkippedFile):
            skipped.append(seed)
        else:
            owners[seed.topic_id] = relative
            topics.append(build_topic(seed))
        size = 0 if isinstance(data, SkippedFile) else len(data)
        total += size
        if progress is not None:
            progress.update(size)
    warn_skipped(tuple(skipped))
    return BuildResult(_assemble(topics, authored), tuple(skipped), total)


def _assemble(topics: list[Topic], authored: Authored | None) -> FactBase:
    teachable = [fact for topic in topics for fact in topic.facts if fact.teachable]
    pool = DistractorPool.from_facts(teachable)  # once: a per-fact scan would be quadratic
    questions: list[Question] = [
        question for fact in teachable for question in generate_questions(fact, pool=pool)
    ]
    if authored is not None:
        all_facts = [fact for topic in topics for fact in topic.facts]
        questions = apply_authored(questions, all_facts, authored)
    return FactBase.assemble(tuple(topics), tuple(questions))


def read_seeds(seeds_dir: Path) -> list[tuple[str, bytes | SkippedFile]]:
    """Every seed's relative path and bytes (or why it is skipped), in build order."""
    return [read_seed_bytes(path, seeds_dir=seeds_dir) for path in seed_paths(seeds_dir)]


def build_seeds(
    seeds_dir: Path, *, progress: Progress | None = None, authored: Path | None = None
) -> BuildResult:
    """Build the fact base of `seeds_dir`, without the cache. Raises ContentError when the
    folder is missing (or the authored file is malformed); a bad seed is skipped and
    reported, never fatal."""
    loaded = load_authored(authored) if authored is not None and authored.is_file() else None
    return build_from_bytes(read_seeds(seeds_dir), progress=progress, authored=loaded)


def build_fact_base(seeds_dir: Path, *, authored: Path | None = None) -> FactBase:
    """The fact base of `seeds_dir`, built afresh (no cache); `authored` is an optional
    authored-questions YAML file (see `factbase/authored.py`)."""
    return build_seeds(seeds_dir, authored=authored).fact_base
