"""Can one abstain setting serve both learners and SQuAD? The strict judge swept over
thresholds, on the learner question set and on tune.json, in the same run.

Run: .venv/bin/python bench/one_judge.py   (tune.json and the learner set; dev.json unread)

For each threshold: learner on-topic questions answered from the right sentence, learner
off-topic questions abstained (bars 95% and 90%, tests/unit/test_learner_questions.py), and
SQuAD end-to-end accuracy on tune.json (in-sample: the judge was fit on tune). The last line
compares the best threshold that meets the learner bars with the strict one.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import yaml

from clio.factbase.answering import QuickAnswerer
from clio.factbase.build import build_fact_base
from squad_data import TUNE, article_texts, build_from_texts, hit, load_items

ROOT = Path(__file__).resolve().parents[1]
ON_TOPIC_BAR, OFF_TOPIC_BAR = 0.95, 0.90


def learner_confidences() -> tuple[list[tuple[float, bool]], list[float]]:
    """Strict confidence of each on-topic question (with: is its first sentence right) and
    of each off-topic question, over the bundled seeds."""
    data = yaml.safe_load((ROOT / "tests" / "data" / "learner_questions.yaml").read_text("utf-8"))
    answerer = QuickAnswerer.from_fact_base(build_fact_base(ROOT / "seeds")).strict()
    on_topic = []
    for case in data["on_topic"]:
        ranking = answerer.rank(case["q"])
        top = answerer.index.units[ranking.candidates[0].unit].sentence
        on_topic.append((ranking.confidence, case["expect"] in top))
    return on_topic, [answerer.rank(q).confidence for q in data["off_topic"]]


def squad_rows() -> np.ndarray:
    """Per tune question: strict confidence, first sentence a hit, answerable."""
    answerer = QuickAnswerer.from_fact_base(build_from_texts(article_texts(TUNE))).strict()
    rows = []
    for item in load_items(TUNE):
        ranking = answerer.rank(item.question)
        first = ranking.candidates[0].unit if ranking.candidates else None
        found = first is not None and hit(item, answerer.index.units[first].sentence)
        rows.append((ranking.confidence, item.answerable and found, item.answerable))
    return np.asarray(rows, dtype=np.float64)


def main() -> None:
    on_topic, off_topic = learner_confidences()
    squad = squad_rows()
    sweep = []
    for threshold in np.round(np.arange(0.025, 0.701, 0.025), 3):
        answered = squad[:, 0] >= threshold
        row = {
            "threshold": float(threshold),
            "on_topic": float(np.mean([ok and c >= threshold for c, ok in on_topic])),
            "off_topic": float(np.mean([c < threshold for c in off_topic])),
            "tune_end_to_end": float(np.mean(np.where(answered, squad[:, 1], 1 - squad[:, 2]))),
        }
        sweep.append(row)
        print("  ".join(f"{k} {v:.3f}" for k, v in row.items()))
    meets = [r for r in sweep if r["on_topic"] >= ON_TOPIC_BAR and r["off_topic"] >= OFF_TOPIC_BAR]
    best = max(sweep, key=lambda r: r["tune_end_to_end"])
    shared = max(meets, key=lambda r: r["tune_end_to_end"]) if meets else None
    print(f"best for SQuAD: {best}")
    print(f"best meeting the learner bars: {shared}")
    print("RESULT " + json.dumps({"best_for_squad": best, "best_meeting_learner_bars": shared}))


if __name__ == "__main__":
    main()
