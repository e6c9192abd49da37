"""`clio validate`: check the dialogs and the seeds together; non-zero exit on any error."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from clio.dialogs.loader import load_flows
from clio.dialogs.located import position
from clio.factbase.answering import QuickAnswerer
from clio.factbase.build import build_fact_base
from clio.factbase.cache import AUTHORED_FILE
from clio.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--seeds", type=Path, help="seeds folder (default: ./seeds)")
    parser.add_argument("--dialogs", type=Path, help="dialogs folder (default: ./dialogs)")


def run(args: argparse.Namespace, settings: Settings) -> int:
    dialogs = args.dialogs or settings.dialogs_dir
    flows = load_flows(dialogs)
    fact_base = build_fact_base(args.seeds or settings.seeds_dir, authored=dialogs / AUTHORED_FILE)
    facts = sum(len(topic.facts) for topic in fact_base.topics)
    example = flows.example_question
    reply = QuickAnswerer.from_fact_base(fact_base).answer(example)
    if reply.abstained or not reply.sure:
        why = "abstain" if reply.abstained else f"only offer the closest sentence: {reply.sentence}"
        print(
            f"{position(dialogs / 'onboarding.yaml', 'example_question')}: example_question: "
            f"the seeds do not answer {example!r} (they {why}); the welcome offers it as an "
            "example, so pick a question they answer",
            file=sys.stderr,
        )
        return 1
    print(
        f"ok: {len(flows.texts)} texts; {len(fact_base.topics)} topics, {facts} facts, "
        f"{len(fact_base.questions)} questions"
    )
    return 0
