"""Seed discovery and reading: topics from every .txt and .md, bad files skipped with a
reason, a missing folder a ContentError."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from clio.core.errors import ContentError
from clio.factbase import seeds
from clio.factbase.build import build_seeds
from clio.factbase.seeds import SkippedFile, read_seed, seed_paths, title_from_name, topic_id_for

PROSE = "The Crimean War ended in 1856 with the Treaty of Paris.\n"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_every_txt_and_md_is_found_recursively_in_stable_order(tmp_path: Path) -> None:
    for name in ["b.txt", "a.md", "europe/c.txt", "notes.rst", ".hidden/d.txt", ".e.txt"]:
        write(tmp_path / name, PROSE)
    found = [p.relative_to(tmp_path).as_posix() for p in seed_paths(tmp_path)]
    assert found == ["a.md", "b.txt", "europe/c.txt"]


def test_missing_folder_is_a_content_error(tmp_path: Path) -> None:
    with pytest.raises(ContentError, match=r"seeds folder not found: .*nowhere"):
        build_seeds(tmp_path / "nowhere")


@pytest.mark.parametrize(
    ("relative", "topic_id"),
    [
        ("treaty-of-paris-1856.txt", "treaty-of-paris-1856"),
        ("Black_Death.txt", "black-death"),
        ("europe/Treaty of Paris.md", "europe-treaty-of-paris"),
        ("???.txt", "topic"),
    ],
)
def test_topic_id_is_a_slug_of_the_relative_path(relative: str, topic_id: str) -> None:
    assert topic_id_for(relative) == topic_id


def test_title_from_name() -> None:
    assert title_from_name("europe/Black_Death.txt") == "Black Death"


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "empty"),
        (b"  \n\n \t\n", "empty"),
        (b"GIF89a\x00\x01\x02", "binary"),
        (b"The war\nended in caf\xe9 society.", "not UTF-8 (line 2"),
    ],
)
def test_bad_files_are_skipped_with_a_reason(
    tmp_path: Path, content: bytes, reason: str, caplog: pytest.LogCaptureFixture
) -> None:
    path = write(tmp_path / "bad.txt", content)
    result = read_seed(path, seeds_dir=tmp_path)
    assert isinstance(result, SkippedFile)
    assert result.relative == "bad.txt"
    assert reason in result.reason
    with caplog.at_level(logging.WARNING):
        build_seeds(tmp_path)
    assert f"skipped seed bad.txt: {result.reason}" in caplog.text


def test_oversize_file_is_skipped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seeds, "MAX_SEED_BYTES", 100)
    path = write(tmp_path / "huge.txt", PROSE * 10)
    result = read_seed(path, seeds_dir=tmp_path)
    assert isinstance(result, SkippedFile)
    assert "larger than" in result.reason


def test_bom_is_fine(tmp_path: Path) -> None:
    path = write(tmp_path / "bom.txt", "\ufeff".encode() + PROSE.encode())
    result = read_seed(path, seeds_dir=tmp_path)
    assert not isinstance(result, SkippedFile)
    assert result.text == PROSE


def test_one_bad_file_never_stops_the_build(tmp_path: Path) -> None:
    write(tmp_path / "a-good.txt", PROSE)
    write(tmp_path / "b-binary.txt", b"\x00\x01")
    write(tmp_path / "c-latin1.txt", "Caf\xe9 society.".encode("latin-1"))
    write(tmp_path / "d-empty.md", "")
    write(tmp_path / "e-good.md", "# Title\n\n" + PROSE)
    result = build_seeds(tmp_path)
    assert [topic.path for topic in result.fact_base.topics] == ["a-good.txt", "e-good.md"]
    assert [skipped.relative for skipped in result.skipped] == [
        "b-binary.txt",
        "c-latin1.txt",
        "d-empty.md",
    ]


def test_two_files_with_one_topic_id_keep_the_first(tmp_path: Path) -> None:
    write(tmp_path / "paris.md", PROSE)
    write(tmp_path / "paris.txt", PROSE)
    result = build_seeds(tmp_path)
    assert [topic.path for topic in result.fact_base.topics] == ["paris.md"]
    [skipped] = result.skipped
    assert skipped.relative == "paris.txt"
    assert "already taken by paris.md" in skipped.reason
