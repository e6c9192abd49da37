"""Print N random generated questions (seeded) beside their facts, for a person to review.

Also times extraction and generation on the seeds against a baseline in the same process:
the distractor pool built once (as `build.py` does) versus rebuilt for every fact (the
quadratic per-fact scan it replaces), on the same facts.

    .venv/bin/python bench/questions_sample.py [--seeds DIR] [-n 40] [--seed 7]

Ends with one line `RESULT {json}`."""

from __future__ import annotations

import argparse
import json
import random
import textwrap
import time
from collections import Counter
from pathlib import Path

from clio.core.facts import Fact, Question
from clio.factbase.build import build_fact_base
from clio.factbase.distractors import DistractorPool
from clio.factbase.questions import generate_questions, reads_as_statement

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=Path, default=ROOT / "seeds")
    parser.add_argument("-n", type=int, default=40, help="how many questions (0: all)")
    parser.add_argument("--seed", type=int, default=7, help="which random sample")
    parser.add_argument("--baseline-facts", type=int, default=300)
    parser.add_argument(
        "--timing-seeds",
        type=Path,
        default=ROOT.parent / "shared" / "data" / "squad-history" / "dev-seeds",
        help="seeds to time generation on (default: the SQuAD history seeds, if present)",
    )
    parser.add_argument("--authored", type=Path, default=ROOT / "dialogs" / "questions.yaml")
    args = parser.parse_args()

    started = time.perf_counter()
    authored = args.authored if args.authored.is_file() else None
    fact_base = build_fact_base(args.seeds, authored=authored)
    build_seconds = time.perf_counter() - started
    facts = [fact for topic in fact_base.topics for fact in topic.facts]
    questions = list(fact_base.questions)
    sample = (
        random.Random(args.seed).sample(questions, min(args.n, len(questions)))
        if args.n > 0
        else questions  # -n 0: every question, with its id, for content authors
    )
    for number, question in enumerate(sample, start=1):
        _show(number, question, fact_base.facts_by_id[question.fact_id])

    timing_facts, timing_dir = facts, args.seeds
    if args.timing_seeds.is_dir():
        timing_dir = args.timing_seeds
        timing_base = build_fact_base(timing_dir)
        timing_facts = [fact for topic in timing_base.topics for fact in topic.facts]
    # A second build, with word lists loaded: the rate a large seed folder builds at.
    timing_kb = sum(p.stat().st_size for p in timing_dir.rglob("*") if p.is_file()) / 1024
    started = time.perf_counter()
    build_fact_base(timing_dir)
    warm_seconds = time.perf_counter() - started
    kb_per_second = timing_kb / warm_seconds
    once, per_fact = _pool_timings(timing_facts[: args.baseline_facts])
    teachable = [f for f in facts if f.teachable and reads_as_statement(f)]
    with_entity = [f for f in teachable if f.entities]
    pool = DistractorPool.from_facts(facts)  # coverage of the generator, before authoring
    covered = [f for f in with_entity if generate_questions(f, pool=pool)]
    seed_bytes = sum(p.stat().st_size for p in args.seeds.rglob("*") if p.is_file())
    result = {
        "facts": len(facts),
        "questions": len(questions),
        "by_kind": dict(Counter(q.kind.value for q in questions)),
        "facts_with_entity_covered": f"{len(covered)}/{len(with_entity)}",
        "build_seconds": round(build_seconds, 3),
        "seed_kb": round(seed_bytes / 1024, 1),
        "pool_once_seconds": round(once, 4),
        "pool_per_fact_seconds": round(per_fact, 4),
        "speedup_vs_per_fact_pool": round(per_fact / once, 1) if once else None,
        "warm_build_kb_per_second": round(kb_per_second, 1),
        "projected_seconds_for_10mb": round(10 * 1024 / kb_per_second, 1),
        "sample_seed": args.seed,
        "sample_size": len(sample),
    }
    print(f"\nbuild {build_seconds:.2f}s for {seed_bytes / 1024:.0f} KB of seeds; "
          f"{len(questions)} questions from {len(facts)} facts")  # fmt: skip
    print(
        f"generation over {min(args.baseline_facts, len(timing_facts))} facts: pool once "
        f"{once:.3f}s, pool per fact {per_fact:.3f}s (x{result['speedup_vs_per_fact_pool']})"
    )
    print(f"warm build rate {kb_per_second:.0f} KB/s on {timing_kb:.0f} KB: 10 MB in about "
          f"{10 * 1024 / kb_per_second:.0f}s")  # fmt: skip
    print("RESULT " + json.dumps(result, sort_keys=True))


def _show(number: int, question: Question, fact: Fact) -> None:
    wrap = textwrap.TextWrapper(width=100, initial_indent="    ", subsequent_indent="    ")
    print(f"[{number}] {question.kind.value}  id={question.id}")
    print(wrap.fill(f"Q: {question.prompt}"))
    if question.choices:
        print(wrap.fill("choices: " + " | ".join(question.choices)))
    accepted = f"  (also: {', '.join(question.accepted)})" if question.accepted else ""
    print(wrap.fill(f"A: {question.answer}{accepted}"))
    print(wrap.fill(f"fact: {fact.text}  [{fact.source}]"))
    print()


def _pool_timings(facts: list[Fact]) -> tuple[float, float]:
    """Seconds to generate every fact's questions with one shared pool, and with a pool
    rebuilt for each fact (the old per-fact scan of all facts)."""
    started = time.perf_counter()
    pool = DistractorPool.from_facts(facts)
    once = [q for fact in facts for q in generate_questions(fact, pool=pool)]
    middle = time.perf_counter()
    rebuilt = [
        q for fact in facts for q in generate_questions(fact, pool=DistractorPool.from_facts(facts))
    ]
    ended = time.perf_counter()
    assert [q.id for q in once] == [q.id for q in rebuilt]  # same questions either way
    return middle - started, ended - middle


if __name__ == "__main__":
    main()
