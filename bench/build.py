"""Benchmark: build ~10 MB of seeds cold and warm (cache hit) against a baseline of raw
reading plus a naive regex split, in the same process; also splitter speeds.

    .venv/bin/python bench/build.py [--megabytes 10] [--runs 3]

Prints figures and ratios, and ends with one line `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clio.factbase.build import build_seeds
from clio.factbase.cache import load_or_build
from clio.factbase.sentences import split_sentences

ROOT = Path(__file__).resolve().parents[1]
SOURCES = [
    *sorted(Path("/work/shared/data/squad-history/dev-seeds").glob("*.txt")),
    *sorted((ROOT / "seeds").glob("*.txt")),
]
_NAIVE = re.compile(r"(?<=[.!?])\s+")


def assemble(folder: Path, *, megabytes: float) -> int:
    """Copies of the source seeds, each copy perturbed (its numbers shifted) so that no two
    topics share text; returns the bytes written."""
    texts = [(path.name, path.read_text(encoding="utf-8")) for path in SOURCES]
    written, copy = 0, 0
    while written < megabytes * 1e6:
        for name, text in texts:
            shifted = re.sub(r"\d+", lambda m, c=copy: str(int(m.group(0)) + c), text)
            target = folder / f"copy-{copy:03d}" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(shifted, encoding="utf-8")
            written += len(shifted.encode())
        copy += 1
    return written


def baseline(folder: Path) -> int:
    """Raw reading plus a naive split: the least any build must do."""
    count = 0
    for path in sorted(folder.rglob("*.txt")):
        for line in path.read_text(encoding="utf-8").splitlines():
            count += len([s for s in _NAIVE.split(line) if s.strip()])
    return count


def median_seconds(action: Callable[[], object], *, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def splitter_speeds(runs: int) -> dict[str, float]:
    """Seconds to split the paragraphs of the source seeds (~220 KB), per splitter."""
    paragraphs = [p for path in SOURCES for p in path.read_text("utf-8").splitlines() if p]
    speeds = {"clio": median_seconds(lambda: [split_sentences(p) for p in paragraphs], runs=runs)}
    try:
        from syntok import segmenter

        speeds["syntok"] = median_seconds(
            # analyze() is lazy: consume every token of every sentence.
            lambda: [list(s) for p in paragraphs for para in segmenter.analyze(p) for s in para],
            runs=runs,
        )
    except ImportError:
        pass
    try:
        import pysbd

        seg = pysbd.Segmenter(language="en", clean=False)
        speeds["pysbd"] = median_seconds(lambda: [seg.segment(p) for p in paragraphs], runs=1)
    except ImportError:
        pass
    return speeds


def peak_memory_mb(seeds: Path) -> float:
    """Peak Python allocation during one cold build (tracemalloc; slows the run)."""
    tracemalloc.start()
    build_seeds(seeds)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 1e6


def measure(seeds: Path, cache_dir: Path, *, runs: int) -> dict[str, float]:
    """Timings of the baseline, a cold build and a warm (cache hit) build, medians."""
    base = median_seconds(lambda: baseline(seeds), runs=runs)
    cold = median_seconds(lambda: build_seeds(seeds), runs=runs)
    first = load_or_build(seeds, cache_dir=cache_dir)  # writes the cache
    warm = median_seconds(lambda: load_or_build(seeds, cache_dir=cache_dir), runs=runs)
    assert load_or_build(seeds, cache_dir=cache_dir).from_cache
    return {
        "topics": len(first.fact_base.topics),
        "facts": sum(len(topic.facts) for topic in first.fact_base.topics),
        "baseline_s": round(base, 3),
        "cold_s": round(cold, 3),
        "warm_s": round(warm, 3),
        "cold_over_baseline": round(cold / base, 2),
        "warm_over_baseline": round(warm / base, 2),
        "cold_over_warm": round(cold / warm, 1),
        "cache_mb": round((cache_dir / "factbase.pickle").stat().st_size / 1e6, 1),
    }


def report(result: dict[str, Any]) -> None:
    print(f"seeds: {result['seed_mb']} MB, {result['topics']} topics, {result['facts']} facts")
    print(f"baseline (read + naive split): {result['baseline_s']:.3f} s")
    print(
        f"cold build: {result['cold_s']:.3f} s ({result['cold_over_baseline']:.1f}x baseline, "
        f"{result['cold_mb_per_s']:.1f} MB/s)"
    )
    print(
        f"warm build (cache hit): {result['warm_s']:.3f} s "
        f"({result['warm_over_baseline']:.2f}x baseline, cold/warm {result['cold_over_warm']})"
    )
    print(
        f"cache file: {result['cache_mb']} MB; peak traced {result['peak_traced_mb']} MB "
        f"during a cold build; max RSS {result['max_rss_mb']} MB"
    )
    splitters = result["splitter_s"]
    for name, seconds in splitters.items():
        print(
            f"splitter {name}: {seconds * 1000:.1f} ms for the source seeds "
            f"({seconds / splitters['clio']:.1f}x clio)"
        )
    print("RESULT " + json.dumps(result, sort_keys=True))
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=10.0)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="clio-bench-build-"))
    try:
        seeds = work / "seeds"
        size = assemble(seeds, megabytes=args.megabytes)
        result: dict[str, Any] = {"seed_mb": round(size / 1e6, 2), "runs": args.runs}
        result |= measure(seeds, work / "cache", runs=args.runs)
        result["cold_mb_per_s"] = round(size / 1e6 / result["cold_s"], 2)
        result["peak_traced_mb"] = round(peak_memory_mb(seeds), 1)
        result["splitter_s"] = {k: round(v, 4) for k, v in splitter_speeds(args.runs).items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report(result)


if __name__ == "__main__":
    main()
