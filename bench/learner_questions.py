"""Quick answers to learners' questions about the bundled seed (tests/data/learner_questions.yaml):
on-topic ones answered from the right sentence, off-topic ones abstained, and near misses
(on the seed's subject, not answered by it), which have no target yet.

Run: .venv/bin/python bench/learner_questions.py

For each group: the share answered, and the share the strict judge (`clio ask --strict`,
trained against SQuAD's questions that look answerable but are not) would also answer. A
near miss answered is a bluff; the strict judge's share shows what a "not sure, the closest
my sources come is..." band between the two judges would catch, and what it would cost in
right answers offered with a doubt. Ends with one line `RESULT {json}`.
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
    default = QuickAnswerer.from_fact_base(build_fact_base(ROOT / "seeds"))
    strict = default.strict()
    on_topic = data["on_topic"]
    right = [c for c in on_topic if c["expect"] in (default.answer(c["q"]).sentence or "")]
    groups = {
        "on_topic_right": [c["q"] for c in right],
        "off_topic": data["off_topic"],
        "near_miss": data["near_miss"],
    }
    result: dict[str, object] = {"on_topic_right_share": round(len(right) / len(on_topic), 4)}
    print(f"on-topic answered from the right sentence: {len(right)}/{len(on_topic)}")
    for name, questions in groups.items():
        answered = sum(not default.answer(q).abstained for q in questions)
        also_strict = sum(not strict.answer(q).abstained for q in questions)
        n = max(len(questions), 1)
        result[name] = {
            "questions": len(questions),
            "answered": round(answered / n, 4),
            "strict_answered": round(also_strict / n, 4),
        }
        print(
            f"{name:15s} {len(questions):3d} questions: answered {answered / n:.0%}, "
            f"the strict judge would answer {also_strict / n:.0%}"
        )
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
