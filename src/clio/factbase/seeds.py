"""Seed files: finding them under the seeds folder, reading them safely, naming their topics."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from clio.core.errors import ContentError

logger = logging.getLogger(__name__)

SEED_SUFFIXES = frozenset({".txt", ".md"})
# A seed larger than this is a mistake (a dump, a binary renamed), not a history text.
MAX_SEED_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True, slots=True)
class SeedFile:
    """A readable seed: its path relative to the seeds folder, topic id and decoded text."""

    relative: str
    topic_id: str
    text: str
    markdown: bool
    size: int


@dataclass(frozen=True, slots=True)
class SkippedFile:
    """A seed file left out of the build, and why (for `clio build` to print)."""

    relative: str
    reason: str

    def __str__(self) -> str:
        return f"{self.relative}: {self.reason}"


def seed_paths(seeds_dir: Path) -> list[Path]:
    """Every *.txt and *.md under `seeds_dir`, recursively, in a stable order.
    Hidden files and folders (editor backups, .git) are not seeds."""
    if not seeds_dir.is_dir():
        raise ContentError(f"seeds folder not found: {seeds_dir}")
    found = (
        path
        for path in seeds_dir.rglob("*")
        if path.suffix.casefold() in SEED_SUFFIXES
        and not any(part.startswith(".") for part in path.relative_to(seeds_dir).parts)
        and path.is_file()
    )
    return sorted(found, key=lambda path: path.relative_to(seeds_dir).as_posix())


def topic_id_for(relative: str) -> str:
    """A slug of the path relative to the seeds folder, without its suffix:
    "europe/Treaty of Paris.txt" -> "europe-treaty-of-paris"."""
    stem = relative.rsplit(".", 1)[0]
    return re.sub(r"[^a-z0-9]+", "-", stem.casefold()).strip("-") or "topic"


def title_from_name(relative: str) -> str:
    """A readable title from a file name: "Black_Death.txt" -> "Black Death"."""
    stem = relative.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return re.sub(r"[_\s]+", " ", stem).strip() or stem


def read_seed_bytes(path: Path, *, seeds_dir: Path) -> tuple[str, bytes | SkippedFile]:
    """The seed's relative path and bytes, or why it is skipped; never raises for a bad file."""
    relative = path.relative_to(seeds_dir).as_posix()
    try:
        if path.stat().st_size > MAX_SEED_BYTES:
            return relative, _skip(relative, f"larger than {MAX_SEED_BYTES // 2**20} MB")
        return relative, path.read_bytes()
    except OSError as error:
        return relative, _skip(relative, f"cannot be read ({error.strerror or error})")


def read_seed(path: Path, *, seeds_dir: Path) -> SeedFile | SkippedFile:
    """The decoded seed, or why it is skipped (not logged: the build logs what it skips)."""
    relative, data = read_seed_bytes(path, seeds_dir=seeds_dir)
    return data if isinstance(data, SkippedFile) else decode_seed(data, relative=relative)


def decode_seed(data: bytes, *, relative: str) -> SeedFile | SkippedFile:
    """The checks on a seed's bytes: not binary, UTF-8 (a BOM is fine), not empty."""
    if b"\0" in data:
        return _skip(relative, "binary (contains NUL bytes)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        return _skip(relative, f"not UTF-8 (line {line}, byte {error.start})")
    if not text.strip():
        return _skip(relative, "empty")
    return SeedFile(
        relative=relative,
        topic_id=topic_id_for(relative),
        text=text,
        markdown=relative.casefold().endswith(".md"),
        size=len(data),
    )


def _skip(relative: str, reason: str) -> SkippedFile:
    return SkippedFile(relative, reason)


def warn_skipped(skipped: tuple[SkippedFile, ...]) -> None:
    """Log each skipped file once per build (or cache hit), naming it and the reason."""
    for file in skipped:
        logger.warning("skipped seed %s", file)
