"""`clio ask`: answer a question from the fact base, for a person or as JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from clio.content import load_fact_base
from clio.core.facts import QuickAnswer
from clio.factbase.answering import QuickAnswerer
from clio.factbase.build import build_fact_base
from clio.settings import Settings


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("question", nargs="?", help="the question (omit to read lines on stdin)")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    parser.add_argument("--seeds", type=Path, help="answer from the documents in this folder")
    parser.add_argument(
        "--strict",
        action="store_true",
        help="abstain more readily (tuned against trick questions, not just off-topic ones)",
    )


def as_json(answer: QuickAnswer) -> str:
    return json.dumps(
        {
            "question": answer.question,
            "answer": answer.answer,
            "sentence": answer.sentence,
            "source": str(answer.source) if answer.source else None,
            "score": round(answer.score, 4),
        },
        ensure_ascii=False,
    )


def as_text(answer: QuickAnswer) -> str:
    if answer.abstained:
        return "I don't know: the seeds don't say."
    quoted = f"“{answer.sentence}” ({answer.source})"
    if not answer.sure:
        return f"Not sure the seeds answer that. The closest they come:\n{quoted}"
    return "\n".join([answer.answer, quoted] if answer.answer else [quoted])


def run(args: argparse.Namespace, settings: Settings) -> int:
    if args.question is not None and not args.question.strip():
        print(
            "clio ask: the question is empty"
            ' (try: clio ask "When did Alexander II take the crown of Russia?")',
            file=sys.stderr,
        )
        return 2
    if args.question is None and sys.stdin.isatty():
        # Without this a terminal would sit waiting with no sign of what it waits for.
        print("Type one question per line; Ctrl-D to end.", file=sys.stderr)
    # --seeds DIR is built in memory as it is; the project's seeds come from the cache, with
    # the authored questions, as the tutor itself sees them.
    facts = build_fact_base(args.seeds) if args.seeds else load_fact_base(settings)
    answerer = QuickAnswerer.from_fact_base(facts)
    if args.strict:
        answerer = answerer.strict()
    questions = [args.question] if args.question else (line.strip() for line in sys.stdin)
    for question in questions:
        if not question and not args.json:
            continue
        # As JSON a blank line still gets its (abstaining) object: line n of the output
        # answers line n of the input, so a caller can pair them.
        reply = answerer.answer(question)
        print(as_json(reply) if args.json else as_text(reply), flush=True)
    return 0
