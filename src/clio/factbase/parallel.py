"""A large seed set built in worker processes: topics first, then the questions of their
facts, in the serial build's order and with its results.

Topics are independent, and so is each fact's questions once the distractor pool (built
from every fact) exists; the parent keeps the two serial steps between them. Workers send
back packed topics and question rows; the parent relinks each question to its fact's own
sentence and source objects, so the fact base shares strings as a serial build does."""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from multiprocessing.context import BaseContext
from typing import Any, TypeVar

from clio.core.facts import Fact, Question, QuestionKind, Topic
from clio.factbase import gazetteer
from clio.factbase.distractors import DistractorPool
from clio.factbase.packing import pack, unpack
from clio.factbase.questions import generate_questions
from clio.factbase.seeds import SeedFile
from clio.factbase.topics import build_topic

# Below this many seed bytes a build takes about a second serially: starting workers and
# moving results between processes would cost more than they save.
PARALLEL_MIN_BYTES = 1_500_000
MAX_WORKERS = 8
# Facts per question task: large enough that a task's overhead is small, small enough
# that the workers finish together.
FACTS_PER_TASK = 2000

_T = TypeVar("_T")
_Row = tuple[int, str, str, str, str, tuple[str, ...], tuple[str, ...]]
_shared: tuple[Sequence[Fact], DistractorPool] | None = None


def default_workers(seed_bytes: int, *, load: float | None = None) -> int:
    """1 (build in-process) for a small seed set or when other work keeps the cores busy,
    else one worker per idle core. Workers cost a fifth more CPU time in all (results
    travel between processes): on a machine whose cores are taken they only slow the
    build down. `load` is the 1-minute load average (read from the system when None)."""
    if seed_bytes < PARALLEL_MIN_BYTES:
        return 1
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    cores = max(1, min(cores or 1, MAX_WORKERS))
    if load is None:
        load = os.getloadavg()[0] if hasattr(os, "getloadavg") else 0.0
    idle = round(cores - load)
    return max(1, min(cores, idle))


def build_topics(seeds: Sequence[SeedFile], *, workers: int) -> Iterator[Topic]:
    """The topics of `seeds`, in order, built by `workers` processes."""
    for packed in _map(_packed_topic, seeds, workers=workers):
        yield unpack(packed)


def ask_all(facts: Sequence[Fact], *, pool: DistractorPool, workers: int) -> list[Question]:
    """`generate_questions` for every fact, in order, by `workers` processes."""
    size = FACTS_PER_TASK
    spans = [(lo, min(lo + size, len(facts))) for lo in range(0, len(facts), size)]
    questions: list[Question] = []
    for rows in _map(_question_rows, spans, workers=workers, shared=(facts, pool)):
        for position, id_, kind, prompt, answer, accepted, choices in rows:
            fact = facts[position]
            questions.append(
                Question(
                    id=id_,
                    fact_id=fact.id,
                    kind=QuestionKind(kind),
                    prompt=prompt,
                    answer=answer,
                    explanation=fact.sentence,
                    source=fact.source,
                    accepted=accepted,
                    choices=choices,
                )
            )
    return questions


def _map(
    task: Callable[[_T], Any], items: Iterable[_T], *, workers: int, shared: Any = None
) -> Iterator[Any]:
    # The word lists are read once here, before the fork, and shared by every worker.
    gazetteer.load_word_lists()
    with ProcessPoolExecutor(
        workers, mp_context=_context(), initializer=_share, initargs=(shared,)
    ) as executor:
        yield from executor.map(task, items)


def _context() -> BaseContext:
    # fork hands workers the parent's word lists, facts and pool without pickling them;
    # elsewhere (macOS, Windows) fork is unsafe or missing, and workers load their own.
    if sys.platform == "linux":
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context()


def _share(shared: tuple[Sequence[Fact], DistractorPool] | None) -> None:
    global _shared
    _shared = shared


def _packed_topic(seed: SeedFile) -> bytes:
    return pack(build_topic(seed))


def _question_rows(span: tuple[int, int]) -> list[_Row]:
    assert _shared is not None, "question tasks run in workers started by ask_all"
    facts, pool = _shared
    return [
        (position, q.id, q.kind.value, q.prompt, q.answer, q.accepted, q.choices)
        for position in range(*span)
        for q in generate_questions(facts[position], pool=pool)
    ]
