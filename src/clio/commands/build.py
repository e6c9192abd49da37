"""`clio build`: build the fact base (or refresh its cache) and report what was built."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from tqdm import tqdm

from clio.core.errors import AuthoredQuestionsMismatch
from clio.factbase.build import BuildResult
from clio.factbase.cache import load_or_build
from clio.settings import Settings

# The bar appears only once a build has run this long, so quick builds stay quiet.
PROGRESS_DELAY_SECONDS = 1.0


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, help="seeds folder (default: ./seeds)")
    parser.add_argument(
        "--workers",
        type=int,
        help="processes to build with (default: one per idle core for 1.5 MB of seeds or more)",
    )


def build_with_progress(
    settings: Settings, seeds_dir: Path, *, workers: int | None = None
) -> BuildResult:
    """The cached fact base, with a progress bar on stderr for builds longer than a second."""
    with tqdm(
        unit="B",
        unit_scale=True,
        desc="building",
        file=sys.stderr,
        delay=PROGRESS_DELAY_SECONDS,
        leave=False,
    ) as bar:
        return load_or_build(
            seeds_dir,
            cache_dir=settings.cache_dir,
            dialogs_dir=settings.dialogs_dir,
            progress=bar,
            workers=workers,
        )


def summary(result: BuildResult, *, seconds: float) -> str:
    """The counts a content author wants after a build, and where the time went."""
    fact_base = result.fact_base
    facts = [fact for topic in fact_base.topics for fact in topic.facts]
    teachable = sum(fact.teachable for fact in facts)
    origin = "from cache" if result.from_cache else "built"
    lines = [
        f"{len(fact_base.topics)} topics, {len(facts)} facts ({teachable} teachable), "
        f"{len(fact_base.questions)} questions, {len(result.skipped)} skipped files; "
        f"{origin} in {seconds:.2f} s ({result.seed_bytes / 1e6:.2f} MB of seeds)"
    ]
    lines.extend(f"skipped {skipped}" for skipped in result.skipped)
    return "\n".join(lines)


def run(args: argparse.Namespace, settings: Settings) -> int:
    started = time.perf_counter()
    seeds = args.seeds or settings.seeds_dir
    try:
        result = build_with_progress(settings, seeds, workers=args.workers)
    except AuthoredQuestionsMismatch as error:
        if args.seeds is None:
            raise
        # Other seeds than the project's, with the project's authored questions.
        raise AuthoredQuestionsMismatch(
            f"{error}\nThese are the authored questions of {settings.dialogs_dir}; to build "
            f"{seeds} with its own (or none), set CLIO_DIALOGS_DIR to its dialogs folder."
        ) from error
    print(summary(result, seconds=time.perf_counter() - started))
    return 0
