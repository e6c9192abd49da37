"""The build cache: a fact base pickled under the cache folder, keyed by everything it is
built from (seed bytes, authored questions under dialogs/, the builder's own source).

A cache that is missing, stale, corrupt or unwritable costs a rebuild, never a failure.
The pickle is Clio's own file in the user's cache folder, written atomically; it is only
ever read back by the same code version that wrote it (the key includes that source).
"""

from __future__ import annotations

import hashlib
import logging
import os
import pickle
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from clio.factbase.authored import load_authored
from clio.factbase.build import BuildResult, Progress, build_from_bytes, read_seeds
from clio.factbase.packing import dump, load
from clio.factbase.seeds import SkippedFile, warn_skipped

AUTHORED_FILE = "questions.yaml"  # hand-written and disabled questions, under dialogs/

logger = logging.getLogger(__name__)

CACHE_FILE = "factbase.pickle"
# Bump to invalidate every cache when the pickled shape changes in a way source hashing
# would not notice (it notices any edit to clio/factbase/*.py or clio/core/*.py).
CACHE_FORMAT = 1
_MAGIC = b"clio-factbase\n"
_DIALOG_SUFFIXES = (".yaml", ".yml")
_CODE_DIRS = (Path(__file__).resolve().parent, Path(__file__).resolve().parents[1] / "core")


def code_version() -> str:
    """A hash of the builder's source, so editing the builder invalidates the cache."""
    digest = hashlib.sha256(f"{CACHE_FORMAT} {sys.version_info[:2]}".encode())
    for folder in _CODE_DIRS:
        for path in sorted(folder.glob("*.py")):
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def cache_key(seeds: list[tuple[str, bytes | SkippedFile]], *, dialogs_dir: Path | None) -> str:
    """A hash of the seeds (paths and bytes), the authored-question files and the code."""
    digest = hashlib.sha256(code_version().encode())
    for relative, data in seeds:
        digest.update(b"seed\0" + relative.encode() + b"\0")
        if isinstance(data, SkippedFile):
            digest.update(b"skipped\0" + data.reason.encode())
        else:
            digest.update(hashlib.sha256(data).digest())
    for relative, data in _dialog_files(dialogs_dir):
        digest.update(b"dialog\0" + relative.encode() + b"\0" + hashlib.sha256(data).digest())
    return digest.hexdigest()


def _dialog_files(dialogs_dir: Path | None) -> list[tuple[str, bytes]]:
    if dialogs_dir is None or not dialogs_dir.is_dir():
        return []
    paths = sorted(p for p in dialogs_dir.rglob("*") if p.suffix in _DIALOG_SUFFIXES)
    files: list[tuple[str, bytes]] = []
    for path in paths:
        try:
            files.append((path.relative_to(dialogs_dir).as_posix(), path.read_bytes()))
        except OSError as error:  # unreadable: let the dialogs loader report it
            files.append((path.relative_to(dialogs_dir).as_posix(), str(error).encode()))
    return files


def load_cached(cache_dir: Path, key: str) -> BuildResult | None:
    """The cached build for `key`, or None when there is none, or it is stale or corrupt."""
    path = cache_dir / CACHE_FILE
    try:
        with path.open("rb") as stream:
            if stream.read(len(_MAGIC)) != _MAGIC or stream.read(64).decode() != key:
                return None
            result = load(stream)
    except FileNotFoundError:
        return None
    except Exception as error:  # any damage at all means: rebuild
        logger.warning("ignoring unreadable build cache %s: %s", path, error)
        return None
    if not isinstance(result, BuildResult):
        logger.warning("ignoring build cache %s: unexpected content", path)
        return None
    return replace(result, from_cache=True)


def store(cache_dir: Path, key: str, result: BuildResult) -> None:
    """Write the cache atomically (a reader never sees half a file); a failure is logged,
    never raised."""
    temporary: Path | None = None
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        handle, name = tempfile.mkstemp(dir=cache_dir, prefix=".factbase-")
        temporary = Path(name)
        with os.fdopen(handle, "wb") as stream:
            stream.write(_MAGIC + key.encode())
            dump(result, stream)
        os.replace(temporary, cache_dir / CACHE_FILE)
    except (OSError, pickle.PicklingError) as error:
        logger.warning("could not write the build cache in %s: %s", cache_dir, error)
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def load_or_build(
    seeds_dir: Path,
    *,
    cache_dir: Path,
    dialogs_dir: Path | None = None,
    progress: Progress | None = None,
    workers: int | None = None,
) -> BuildResult:
    """The fact base of `seeds_dir`: from the cache when nothing it depends on changed,
    else built (by `workers` processes, see `build_from_bytes`) and cached. Raises
    ContentError when the seeds folder is missing."""
    started = time.perf_counter()
    seeds = read_seeds(seeds_dir)
    key = cache_key(seeds, dialogs_dir=dialogs_dir)
    cached = load_cached(cache_dir, key)
    if cached is not None:
        warn_skipped(cached.skipped)
        logger.debug("build cache hit (%.3f s)", time.perf_counter() - started)
        return cached
    authored_file = dialogs_dir / AUTHORED_FILE if dialogs_dir is not None else None
    authored = load_authored(authored_file) if authored_file and authored_file.is_file() else None
    result = build_from_bytes(seeds, progress=progress, authored=authored, workers=workers)
    store(cache_dir, key, result)
    logger.debug("built the fact base in %.3f s", time.perf_counter() - started)
    return result
