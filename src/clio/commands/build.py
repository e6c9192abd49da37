"""`clio build`: build the fact base from the seeds and report what was built."""

from __future__ import annotations

import argparse
from pathlib import Path

from clio.factbase.build import build_fact_base
from clio.settings import Settings

HELP = "build the fact base from the seed documents"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, help="seeds folder (default: ./seeds)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    authored = settings.dialogs_dir / "questions.yaml"
    fact_base = build_fact_base(
        args.seeds or settings.seeds_dir, authored=authored if authored.is_file() else None
    )
    facts = sum(len(topic.facts) for topic in fact_base.topics)
    print(f"{len(fact_base.topics)} topics, {facts} facts, {len(fact_base.questions)} questions")
    return 0
