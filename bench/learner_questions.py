"""Quick answers to learners' questions about the bundled seed (tests/data/learner_questions.yaml):
on-topic ones answered from the right sentence, off-topic ones abstained, and near misses
(on the seed's subject, not answered by it), which have no target yet.

Run: .venv/bin/python bench/learner_questions.py

For each group, the shares answered as sure, offered as the closest sentence ("I'm not sure
my sources answer that"), and abstained; a near miss answered as sure is a bluff. The
baseline in the same run is the default judge alone (no "closest" band): the share of near
misses it answers. Ends with one line `RESULT {json}`.
"""

from __future__ import annotations

import json
from pathlib import Path

import yaml

from clio.factbase.answering import QuickAnswerer
from clio.factbase.build import build_fact_base

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    data = yaml.safe_load((ROOT / "tests" / "data" / "learner_questions.yaml").read_text("utf-8"))
    answerer = QuickAnswerer.from_fact_base(build_fact_base(ROOT / "seeds"))
    on_topic = data["on_topic"]
    right = [c for c in on_topic if c["expect"] in (answerer.answer(c["q"]).sentence or "")]
    groups = {
        "on_topic_right": [c["q"] for c in right],
        "off_topic": data["off_topic"],
        "near_miss": data["near_miss"],
    }
    print(f"on-topic answered from the right sentence: {len(right)}/{len(on_topic)}")
    figures: dict[str, dict[str, float]] = {}
    for name, questions in groups.items():
        replies = [answerer.answer(q) for q in questions]
        n = max(len(replies), 1)
        figures[name] = {
            "sure": sum(not r.abstained and r.sure for r in replies) / n,
            "closest": sum(not r.abstained and not r.sure for r in replies) / n,
            "abstained": sum(r.abstained for r in replies) / n,
        }
        shown = ", ".join(f"{k} {v:.0%}" for k, v in figures[name].items())
        print(f"{name:15s} {len(replies):3d} questions: {shown}")
    near = figures["near_miss"]
    print(
        f"near misses answered as sure: {near['sure']:.0%} "
        f"(the default judge alone, without the closest band: {near['sure'] + near['closest']:.0%})"
    )
    result = {
        "on_topic_right_share": round(len(right) / len(on_topic), 4),
        **{name: {k: round(v, 4) for k, v in row.items()} for name, row in figures.items()},
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
