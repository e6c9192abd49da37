"""Build a FactBase from a folder of seed documents."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import Path

from clio.core.errors import ContentError
from clio.core.facts import Fact, FactBase, Question, Source, Topic
from clio.factbase.apply_authored import apply_authored
from clio.factbase.authored import load_authored
from clio.factbase.distractors import DistractorPool
from clio.factbase.entities import extract_entities
from clio.factbase.questions import generate_questions
from clio.factbase.sentences import split_sentences

SEED_SUFFIXES = (".txt", ".md")


def fact_id(topic_id: str, text: str) -> str:
    """A stable id: a hash of the topic and the normalised text."""
    normalised = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return hashlib.sha256(f"{topic_id}\n{normalised}".encode()).hexdigest()[:16]


def topic_id_for(path: Path) -> str:
    return re.sub(r"[^a-z0-9]+", "-", path.stem.casefold()).strip("-") or "topic"


def build_topic(*, topic_id: str, title: str, path: str, text: str) -> Topic:
    facts: list[Fact] = []
    for line_number, line in enumerate(text.splitlines(), start=1):
        if line_number == 1:
            continue  # the title
        for start, end in split_sentences(line):
            sentence = line[start:end]
            facts.append(
                Fact(
                    id=fact_id(topic_id, sentence),
                    topic_id=topic_id,
                    text=sentence,
                    sentence=sentence,
                    source=Source(path, line_number),
                    position=len(facts),
                    entities=extract_entities(sentence),
                )
            )
    return Topic(id=topic_id, title=title, path=path, facts=tuple(facts))


def build_fact_base(seeds_dir: Path, *, authored: Path | None = None) -> FactBase:
    """Build every seed of `seeds_dir`; `authored` is an optional authored-questions YAML
    file (disabled and hand-written questions, see `factbase/authored.py`)."""
    if not seeds_dir.is_dir():
        raise ContentError(f"seeds folder not found: {seeds_dir}")
    topics: list[Topic] = []
    for path in sorted(p for p in seeds_dir.rglob("*") if p.suffix in SEED_SUFFIXES):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        title = lines[0].strip() if lines else path.stem
        relative = path.relative_to(seeds_dir).as_posix()
        topics.append(
            build_topic(topic_id=topic_id_for(path), title=title, path=relative, text=text)
        )
    all_facts = [fact for topic in topics for fact in topic.facts]
    pool = DistractorPool.from_facts(all_facts)  # once: a per-fact scan would be quadratic
    questions: list[Question] = [
        question for fact in all_facts for question in generate_questions(fact, pool=pool)
    ]
    if authored is not None:
        questions = apply_authored(questions, all_facts, load_authored(authored))
    return FactBase.assemble(tuple(topics), tuple(questions))
