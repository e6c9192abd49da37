"""A build in worker processes gives the serial build's fact base, in the same order, and
the choice between them follows the size of the seed set."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from clio.factbase import parallel
from clio.factbase.build import build_from_bytes, read_seeds
from clio.factbase.seeds import SkippedFile

SEED = Path(__file__).resolve().parents[2] / "seeds" / "treaty-of-paris-1856.txt"


def several_topics(folder: Path, *, copies: int) -> Path:
    """Copies of the bundled seed, each with its numbers shifted so no two share text."""
    text = SEED.read_text(encoding="utf-8")
    for copy in range(copies):
        shifted = re.sub(r"\d+", lambda m, c=copy: str(int(m.group()) + c), text)
        (folder / f"copy-{copy}.txt").write_text(shifted, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")  # skipped, and still counted
    return folder


class Bar:
    """Records what a tqdm bar would be told."""

    def __init__(self) -> None:
        self.total: float | None = None
        self.done = 0.0

    def reset(self, total: float | None = None) -> None:
        self.total = total

    def update(self, n: float | None = 1) -> bool | None:
        self.done += n or 0
        return None


def test_parallel_and_serial_builds_give_equal_fact_bases(tmp_path: Path) -> None:
    entries = read_seeds(several_topics(tmp_path, copies=3))
    serial = build_from_bytes(entries, workers=1)
    bar = Bar()
    both = build_from_bytes(entries, workers=2, progress=bar)
    assert len(serial.fact_base.topics) == 3 and len(serial.fact_base.questions) > 100
    assert both.fact_base == serial.fact_base  # topics, facts, entities, questions, order
    assert both.skipped == serial.skipped and both.seed_bytes == serial.seed_bytes
    assert bar.total == serial.seed_bytes and bar.done == bar.total


def test_parallel_questions_share_their_facts_sentences(tmp_path: Path) -> None:
    # The parent relinks each question to its fact's own strings: no copy per question.
    result = build_from_bytes(read_seeds(several_topics(tmp_path, copies=2)), workers=2)
    facts = result.fact_base.facts_by_id
    assert all(q.explanation is facts[q.fact_id].sentence for q in result.fact_base.questions)


def test_small_seed_sets_build_in_process_and_large_ones_in_workers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3}, raising=False)
    large = parallel.PARALLEL_MIN_BYTES
    assert parallel.default_workers(SEED.stat().st_size, load=0.0) == 1
    assert parallel.default_workers(large - 1, load=0.0) == 1
    assert parallel.default_workers(large, load=0.0) == 4  # one per idle core
    assert parallel.default_workers(large, load=1.2) == 3
    assert parallel.default_workers(large, load=9.0) == 1  # busy cores: in-process


def test_one_seed_never_starts_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "only.txt").write_bytes(SEED.read_bytes())
    entries: list[tuple[str, bytes | SkippedFile]] = read_seeds(tmp_path)

    def no_workers(*args: object, **kwargs: object) -> None:
        raise AssertionError("workers started for one topic")

    monkeypatch.setattr(parallel, "build_topics", no_workers)
    monkeypatch.setattr(parallel, "ask_all", no_workers)
    # Asked for eight workers, a single topic is still built in-process.
    assert len(build_from_bytes(entries, workers=8).fact_base.questions) > 10
