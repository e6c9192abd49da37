"""`clio facts [TOPIC] [--json]`: let a content author review what was built."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from clio.factbase.build import build_fact_base
from clio.settings import Settings

HELP = "list the facts and questions built from the seeds"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("topic", nargs="?", help="only this topic (its id)")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.add_argument("--seeds", type=Path, help="seeds folder (default: ./seeds)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    fact_base = build_fact_base(args.seeds or settings.seeds_dir)
    topics = [t for t in fact_base.topics if args.topic in (None, t.id)]
    if args.json:
        rows = [
            {"topic": t.id, "id": f.id, "text": f.text, "source": str(f.source)}
            for t in topics
            for f in t.facts
        ]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    for topic in topics:
        print(f"# {topic.title} ({topic.id})")
        for fact in topic.facts:
            print(f"- [{fact.id}] {fact.text}  ({fact.source})")
    return 0
