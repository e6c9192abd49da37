"""Train Clio's ranking and abstain models on tune.json and write src/clio/factbase/qa_model.py.

Run: .venv/bin/python bench/train_qa.py   (tune.json only; dev.json is never read here)

Three linear models: the order model (a listwise softmax over each question's candidates,
trained to put a sentence holding a gold answer first) orders the retrieved sentences; the
ranker (a logistic regression, label: the sentence holds a gold answer) gives each its
probability; the judge scores the first sentence (label: the question is answerable and that
sentence holds a gold answer). The abstain threshold maximises end-to-end accuracy
over out-of-fold predictions (folds grouped by article), which also gives honest tune figures.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy.optimize import minimize
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GroupKFold
from sklearn.preprocessing import StandardScaler

from clio.factbase.answering import QuickAnswerer
from clio.factbase.features import (
    ANSWER_FEATURES,
    RANK_FEATURES,
    SWAP_FEATURES,
    swap_features,
)
from squad_data import TUNE, Item, article_texts, build_from_texts, hit, load_items

MODEL_FILE = Path(__file__).resolve().parents[1] / "src" / "clio" / "factbase" / "qa_model.py"
FOLDS = 4
# L2 penalty of the order model, on standardised features (chosen by article CV on tune:
# 0.1 to 30 are within 0.15 point of each other, 10 best; 100 loses half a point).
ORDER_PENALTY = 10.0


@dataclass
class Example:
    """One question's candidates: features (rows), the swap cues of the question against
    each (the judges read the first's) and whether each holds a gold answer."""

    item: Item
    features: np.ndarray
    swaps: np.ndarray
    labels: np.ndarray


def extract(answerer: QuickAnswerer, items: list[Item]) -> list[Example]:
    examples = []
    for item in items:
        _, described = answerer.features(item.question)
        rows = np.asarray([f for _, f in described], dtype=np.float64).reshape(
            -1, len(RANK_FEATURES)
        )
        sentences = [answerer.index.units[u].sentence for u, _ in described]
        swaps = np.asarray(
            [swap_features(item.question, s) for s in sentences], dtype=np.float64
        ).reshape(-1, len(SWAP_FEATURES))
        labels = np.asarray([item.answerable and hit(item, s) for s in sentences])
        examples.append(Example(item, rows, swaps, labels))
    return examples


def fit(x: np.ndarray, y: np.ndarray, c: float) -> tuple[np.ndarray, float]:
    """A logistic regression on standardised features, folded back to raw-feature weights."""
    scaler = StandardScaler().fit(x)
    model = LogisticRegression(C=c, max_iter=2000).fit(scaler.transform(x), y)
    scale = np.where(scaler.scale_ > 0, scaler.scale_, 1.0)
    weights = model.coef_[0] / scale
    return weights, float(model.intercept_[0] - np.dot(weights, scaler.mean_))


def fit_order(examples: list[Example], penalty: float) -> np.ndarray:
    """A listwise (softmax) model over each question's candidates: it maximises the
    probability mass on gold sentences, so it learns what beats the other candidates of the
    same question rather than what looks answerable in general. Returns raw-feature weights."""
    kept = [ex for ex in examples if ex.item.answerable and ex.labels.any()]
    x = np.vstack([ex.features for ex in kept])
    mean, scale = x.mean(axis=0), x.std(axis=0)
    scale[scale == 0] = 1.0
    x = (x - mean) / scale
    group = np.repeat(np.arange(len(kept)), [len(ex.labels) for ex in kept])
    gold = np.concatenate([ex.labels for ex in kept]).astype(np.float64)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        s = x @ w
        top = np.full(len(kept), -np.inf)
        np.maximum.at(top, group, s)
        e = np.exp(s - top[group])
        z, z_gold = np.bincount(group, e), np.bincount(group, e * gold)
        value = -np.sum(np.log(z_gold) - np.log(z)) + penalty * w @ w
        grad = x.T @ (e / z[group] - e * gold / z_gold[group]) + 2 * penalty * w
        return float(value), grad

    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x
    return np.asarray(w / scale)


def probability(x: np.ndarray, model: tuple[np.ndarray, float]) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-(x @ model[0] + model[1])))


def judge_rows(
    examples: list[Example], ranker: tuple[np.ndarray, float], order_weights: np.ndarray
) -> tuple:
    """For each question, the judge's features and label, and whether its top-1 is a hit."""
    rows, labels, tops = [], [], []
    for ex in examples:
        if len(ex.labels) == 0:
            rows.append(np.zeros(len(ANSWER_FEATURES)))
            labels.append(False)
            tops.append(False)
            continue
        p = probability(ex.features, ranker)
        order = np.argsort(-(ex.features @ order_weights), kind="stable")
        second = p[order[1]] if len(order) > 1 else 0.0
        rows.append(
            [*ex.features[order[0]], p[order[0]], p[order[0]] - second, *ex.swaps[order[0]]]
        )
        tops.append(bool(ex.labels[order[0]]))
        labels.append(tops[-1])
    return np.asarray(rows), np.asarray(labels), np.asarray(tops)


def train(examples: list[Example], small: list[Example], c: float) -> tuple:
    """The ranker learns from the whole base; the judge also from single-article bases,
    where questions about other articles are off-topic (as a learner's stray question is
    to a small seed folder)."""
    answerable = [ex for ex in examples if ex.item.answerable and len(ex.labels)]
    x = np.vstack([ex.features for ex in answerable])
    y = np.concatenate([ex.labels for ex in answerable])
    ranker = fit(x, y, c)
    order = fit_order(examples, ORDER_PENALTY)
    rows, labels, _ = judge_rows(examples + small, ranker, order)
    return ranker, order, fit(rows, labels, c)


def single_article_examples(texts: dict[str, str], items: list[Item]) -> list[Example]:
    """Each article alone as a fact base: its own questions, and as many questions of other
    articles relabelled unanswerable (seeded sample)."""
    rng = np.random.default_rng(7)
    examples = []
    for title, text in texts.items():
        answerer = QuickAnswerer.from_fact_base(build_from_texts({title: text}))
        own = [i for i in items if i.title == title]
        others = [i for i in items if i.title != title]
        picked = [others[j] for j in rng.choice(len(others), size=len(own) // 2, replace=False)]
        stray = [Item(f"stray-{i.id}", title, i.question, ()) for i in picked]
        examples += extract(answerer, own + stray)
    return examples


def best_threshold(confidence: np.ndarray, tops: np.ndarray, answerable: np.ndarray) -> float:
    best, best_accuracy = 0.5, -1.0
    for t in np.linspace(0.05, 0.95, 91):
        answered = confidence >= t
        accuracy = np.mean(np.where(answered, tops, ~answerable))
        if accuracy > best_accuracy:
            best, best_accuracy = float(t), float(accuracy)
    return best


def cross_validate(
    examples: list[Example], small: list[Example], c: float
) -> tuple[float, dict[str, float]]:
    groups = [ex.item.title for ex in examples]
    confidence = np.zeros(len(examples))
    tops = np.zeros(len(examples), dtype=bool)
    for train_idx, test_idx in GroupKFold(FOLDS).split(examples, groups=groups):
        titles = {examples[i].item.title for i in train_idx}
        extra = [ex for ex in small if ex.item.title in titles]
        ranker, order, judge = train([examples[i] for i in train_idx], extra, c)
        rows, _, top = judge_rows([examples[i] for i in test_idx], ranker, order)
        confidence[test_idx] = probability(rows, judge)
        tops[test_idx] = top
    answerable = np.asarray([ex.item.answerable for ex in examples])
    threshold = best_threshold(confidence, tops, answerable)
    answered = confidence >= threshold
    return threshold, {
        "hit_at_1": float(tops[answerable].mean()),
        "end_to_end": float(np.mean(np.where(answered, tops, ~answerable))),
        "threshold": threshold,
    }


def off_topic_judge(
    small: list[Example], ranker: tuple, order: np.ndarray, c: float
) -> tuple[tuple, float]:
    """A judge for the learner's case: tell a single article's answerable questions from
    other articles' questions (SQuAD's adversarial unanswerables left out), and the
    threshold that does it best."""
    kept = [ex for ex in small if ex.item.answerable or ex.item.id.startswith("stray-")]
    rows, labels, tops = judge_rows(kept, ranker, order)
    judge = fit(rows, labels, c)
    answerable = np.asarray([ex.item.answerable for ex in kept])
    return judge, best_threshold(probability(rows, judge), tops, answerable)


def write_model(
    ranker: tuple,
    order: np.ndarray,
    judge: tuple,
    threshold: float,
    off_topic: tuple,
    off_topic_below: float,
) -> None:
    def floats(values: np.ndarray) -> str:
        return "(" + ", ".join(f"{v:.6g}" for v in values) + ",)"

    MODEL_FILE.write_text(
        '"""Weights of the ranking and abstain models (written by bench/train_qa.py; do not'
        ' edit)."""\n\nfrom __future__ import annotations\n\n'
        f"RANK_WEIGHTS: tuple[float, ...] = {floats(ranker[0])}\n"
        f"RANK_BIAS = {ranker[1]:.6g}\n"
        "# The listwise order model (a softmax over each question's candidates; no bias).\n"
        f"ORDER_WEIGHTS: tuple[float, ...] = {floats(order)}\n"
        f"ANSWER_WEIGHTS: tuple[float, ...] = {floats(judge[0])}\n"
        f"ANSWER_BIAS = {judge[1]:.6g}\n"
        "# Best end-to-end on SQuAD 2.0 (adversarial unanswerable questions) over tune.json.\n"
        f"STRICT_ABSTAIN_BELOW = {threshold:.4g}\n"
        "# The default judge tells one article's questions from other articles' (off-topic).\n"
        f"OFF_TOPIC_WEIGHTS: tuple[float, ...] = {floats(off_topic[0])}\n"
        f"OFF_TOPIC_BIAS = {off_topic[1]:.6g}\n"
        f"ABSTAIN_BELOW = {off_topic_below:.4g}\n",
        encoding="utf-8",
    )
    # The project's formatter lays the tuples out, so `ruff format --check` (CI) passes.
    subprocess.run([sys.executable, "-m", "ruff", "format", "-q", str(MODEL_FILE)], check=True)


def main() -> None:
    texts, items = article_texts(TUNE), load_items(TUNE)
    examples = extract(QuickAnswerer.from_fact_base(build_from_texts(texts)), items)
    small = single_article_examples(texts, items)
    c = 1.0
    threshold, figures = cross_validate(examples, small, c)
    print(
        f"tune, {FOLDS}-fold by article: " + ", ".join(f"{k} {v:.4f}" for k, v in figures.items())
    )
    ranker, order, judge = train(examples, small, c)
    for name, weight in zip(RANK_FEATURES, ranker[0], strict=True):
        print(f"  rank  {name:22s} {weight:+.3f}")
    for name, weight in zip(ANSWER_FEATURES, judge[0], strict=True):
        print(f"  judge {name:22s} {weight:+.3f}")
    for name, weight in zip(RANK_FEATURES, order, strict=True):
        print(f"  order {name:22s} {weight:+.3f}")
    off_topic, off_topic_below = off_topic_judge(small, ranker, order, c)
    print(f"thresholds: strict {threshold:.3f}, off-topic {off_topic_below:.3f}")
    write_model(ranker, order, judge, threshold, off_topic, off_topic_below)
    print(f"wrote {MODEL_FILE}")
    print("RESULT " + json.dumps({"tune_cv": figures}))


if __name__ == "__main__":
    main()
