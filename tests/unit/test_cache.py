"""The build cache: a hit when nothing changed, a miss when seeds, authored questions or
code change, and a corrupt or unwritable cache is ignored, never fatal."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import pytest

from clio.factbase import cache
from clio.factbase.cache import CACHE_FILE, load_or_build

PROSE = "The Crimean War ended in 1856 with the Treaty of Paris.\n"


@pytest.fixture
def folders(tmp_path: Path) -> tuple[Path, Path, Path]:
    seeds, dialogs, cache_dir = tmp_path / "seeds", tmp_path / "dialogs", tmp_path / "cache"
    seeds.mkdir()
    dialogs.mkdir()
    (seeds / "war.txt").write_text(PROSE, encoding="utf-8")
    return seeds, dialogs, cache_dir


def build(folders: tuple[Path, Path, Path]) -> cache.BuildResult:
    seeds, dialogs, cache_dir = folders
    return load_or_build(seeds, cache_dir=cache_dir, dialogs_dir=dialogs)


def test_second_build_is_a_cache_hit_with_the_same_fact_base(
    folders: tuple[Path, Path, Path],
) -> None:
    cold = build(folders)
    warm = build(folders)
    assert not cold.from_cache
    assert warm.from_cache
    assert warm.fact_base == cold.fact_base
    assert (folders[2] / CACHE_FILE).is_file()


def test_changed_seed_is_a_miss(folders: tuple[Path, Path, Path]) -> None:
    build(folders)
    (folders[0] / "war.txt").write_text(PROSE + "\nPeace came in 1856.\n", encoding="utf-8")
    result = build(folders)
    assert not result.from_cache
    assert len(result.fact_base.topics[0].facts) == 2


def test_added_bad_seed_is_a_miss_and_reported(
    folders: tuple[Path, Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    build(folders)
    (folders[0] / "bad.txt").write_bytes(b"\x00\x00")
    result = build(folders)
    assert not result.from_cache
    assert [s.relative for s in result.skipped] == ["bad.txt"]
    with caplog.at_level(logging.WARNING):
        hit = build(folders)
    assert hit.from_cache
    assert hit.skipped == result.skipped  # the cached build still reports it, and logs it
    assert "skipped seed bad.txt: binary" in caplog.text


def test_changed_authored_questions_are_a_miss(folders: tuple[Path, Path, Path]) -> None:
    build(folders)
    (folders[1] / "questions.yaml").write_text("version: 1\nquestions: []\n", encoding="utf-8")
    assert not build(folders).from_cache
    assert build(folders).from_cache


def test_changed_builder_code_is_a_miss(
    folders: tuple[Path, Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    build(folders)
    monkeypatch.setattr(cache, "code_version", lambda: "another version")
    assert not build(folders).from_cache


_HEADER = len(cache._MAGIC) + 64  # the magic line and the key
DAMAGE: dict[str, Callable[[bytes], bytes]] = {
    "empty": lambda content: b"",
    "garbage": lambda content: b"garbage",
    "truncated": lambda content: content[: _HEADER + (len(content) - _HEADER) // 2],
    "bad-pickle": lambda content: content[:_HEADER] + b"\x80\x05junk",
}


@pytest.mark.parametrize("damage", DAMAGE.values(), ids=DAMAGE.keys())
def test_corrupt_cache_is_rebuilt(
    folders: tuple[Path, Path, Path],
    damage: Callable[[bytes], bytes],
) -> None:
    cold = build(folders)
    path = folders[2] / CACHE_FILE
    path.write_bytes(damage(path.read_bytes()))
    result = build(folders)
    assert not result.from_cache
    assert result.fact_base == cold.fact_base
    assert build(folders).from_cache  # and the rebuild was cached again


def test_unwritable_cache_folder_is_not_fatal(
    folders: tuple[Path, Path, Path], caplog: pytest.LogCaptureFixture
) -> None:
    seeds, dialogs, cache_dir = folders
    cache_dir.write_text("a file where the folder should be", encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        result = load_or_build(seeds, cache_dir=cache_dir, dialogs_dir=dialogs)
    assert result.fact_base.topics
    assert "could not write the build cache" in caplog.text
