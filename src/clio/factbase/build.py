"""Build a FactBase from a folder of seed documents: read, clean, split, extract, ask."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from clio.core.facts import FactBase, Topic
from clio.factbase import parallel
from clio.factbase.apply_authored import apply_authored
from clio.factbase.authored import Authored, load_authored
from clio.factbase.distractors import DistractorPool
from clio.factbase.questions import generate_questions
from clio.factbase.seeds import (
    SeedFile,
    SkippedFile,
    decode_seed,
    read_seed_bytes,
    seed_paths,
    warn_skipped,
)
from clio.factbase.topics import MAX_TITLE_WORDS, MIN_TEACHABLE_WORDS, build_topic, fact_id

__all__ = [
    "MAX_TITLE_WORDS",
    "MIN_TEACHABLE_WORDS",
    "BuildResult",
    "Progress",
    "build_fact_base",
    "build_from_bytes",
    "build_seeds",
    "build_topic",
    "fact_id",
    "read_seeds",
]


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


def build_from_bytes(
    entries: Sequence[tuple[str, bytes | SkippedFile]],
    *,
    progress: Progress | None = None,
    authored: Authored | None = None,
    workers: int | None = None,
) -> BuildResult:
    """Build from seeds already read: (relative path, bytes or why skipped), in order.
    `workers` processes build the topics and questions (None: one per core for a large
    seed set, else in-process); the result is the same for any number."""
    seeds: list[SeedFile] = []
    skipped: list[SkippedFile] = []
    owners: dict[str, str] = {}
    for relative, data in entries:
        seed = data if isinstance(data, SkippedFile) else decode_seed(data, relative=relative)
        if isinstance(seed, SeedFile) and seed.topic_id in owners:
            reason = f"topic id {seed.topic_id!r} already taken by {owners[seed.topic_id]}"
            seed = SkippedFile(relative, reason)
        if isinstance(seed, SkippedFile):
            skipped.append(seed)
        else:
            owners[seed.topic_id] = relative
            seeds.append(seed)
    total = sum(len(data) for _, data in entries if not isinstance(data, SkippedFile))
    if workers is None:
        workers = parallel.default_workers(total)
    workers = min(workers, len(seeds))
    if progress is not None:
        progress.reset(total=total)
        progress.update(total - sum(seed.size for seed in seeds))  # skipped files are done
    topics: list[Topic] = []
    serial = workers <= 1
    built = map(build_topic, seeds) if serial else parallel.build_topics(seeds, workers=workers)
    for seed, topic in zip(seeds, built, strict=True):
        topics.append(topic)
        if progress is not None:
            progress.update(seed.size)
    warn_skipped(tuple(skipped))
    return BuildResult(_assemble(topics, authored, workers=workers), tuple(skipped), total)


def _assemble(topics: list[Topic], authored: Authored | None, *, workers: int) -> FactBase:
    teachable = [fact for topic in topics for fact in topic.facts if fact.teachable]
    pool = DistractorPool.from_facts(teachable)  # once: a per-fact scan would be quadratic
    if workers > 1:
        questions = parallel.ask_all(teachable, pool=pool, workers=workers)
    else:
        questions = [q for fact in teachable for q in generate_questions(fact, pool=pool)]
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
