"""Quality of `clio ask` on SQuAD 2.0 history (dev, the report) and non-history (tune)
articles, beside a BM25 sentence baseline over the same sentences, in the same run.

Run: .venv/bin/python bench/qa.py [--only tune|dev]

hit@1: a gold answer occurs in the top reply (short answer or sentence), over answerable
questions, whether or not the answerer then abstains (it measures the ranking).
end-to-end: answered with a hit, or abstained on an unanswerable question, over all.
within one sentence: answerable questions whose gold answer lies inside some single sentence
of the base (the ceiling of hit@1; the rest cross a sentence boundary or a dash that SQuAD's
normalisation glues to the next word, as in "Adriatic—fell").
BM25's abstain threshold is the best possible one, chosen on the very set it is scored on
(an upper bound for the baseline). Clio's thresholds were fixed on tune.json by train_qa.py:
"clio" uses the strict one (best against SQuAD's adversarial questions), "clio_default" the
one `clio ask` uses by default (best against off-topic questions).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass

import bm25s
import numpy as np
import Stemmer

from clio.core.facts import FactBase
from clio.factbase.answering import QuickAnswerer
from squad_data import (
    DEV,
    DEV_SEEDS,
    TUNE,
    Item,
    article_texts,
    build_from_texts,
    hit,
    load_items,
    seed_texts,
)


@dataclass
class Scores:
    """Per question: is the top reply a hit, was it answered, is the question answerable."""

    hits: np.ndarray
    answered: np.ndarray
    answerable: np.ndarray

    def figures(self) -> dict[str, float]:
        answerable = self.answerable
        correct = np.where(self.answered, self.hits, ~answerable)
        return {
            "hit_at_1": round(float(self.hits[answerable].mean()), 4),
            "end_to_end": round(float(correct.mean()), 4),
            "answered": round(float(self.answered.mean()), 4),
            "abstain_on_unanswerable": round(float((~self.answered)[~answerable].mean()), 4),
        }


def within_one_sentence(fact_base: FactBase, items: list[Item]) -> float:
    """The share of answerable questions some single sentence of the base could answer."""
    sentences = list(dict.fromkeys(f.sentence for t in fact_base.topics for f in t.facts))
    answerable = [i for i in items if i.answerable]
    found = sum(any(hit(i, s) for s in sentences) for i in answerable)
    return round(found / max(len(answerable), 1), 4)


def run_clio(fact_base: FactBase, items: list[Item]) -> tuple[Scores, Scores, float]:
    """Clio at its strict threshold (for adversarial questions) and at its default one."""
    answerer = QuickAnswerer.from_fact_base(fact_base)
    strict = answerer.strict()
    hits, answered, strict_answered = [], [], []
    start = time.perf_counter()
    for item in items:
        ranking = answerer.rank(item.question)
        reply = answerer.answer(item.question)
        top = ranking.candidates[0].unit if ranking.candidates else None
        # hit@1 judges the top sentence even when the answerer abstains.
        text = "" if top is None else answerer.index.units[top].sentence
        hits.append(hit(item, f"{reply.answer or ''} {text}"))
        answered.append(not reply.abstained)
        strict_answered.append(not strict.answer(item.question).abstained)
    per_question = (time.perf_counter() - start) / max(len(items), 1) / 3
    answerable = np.asarray([i.answerable for i in items])
    found = np.asarray(hits)
    return (
        Scores(found, np.asarray(strict_answered), answerable),
        Scores(found, np.asarray(answered), answerable),
        per_question,
    )


def run_bm25(fact_base: FactBase, items: list[Item]) -> Scores:
    sentences = list(dict.fromkeys(f.sentence for t in fact_base.topics for f in t.facts))
    stemmer = Stemmer.Stemmer("english")
    retriever = bm25s.BM25()
    retriever.index(
        bm25s.tokenize(sentences, stopwords="en", stemmer=stemmer, show_progress=False),
        show_progress=False,
    )
    queries = bm25s.tokenize(
        [i.question for i in items], stopwords="en", stemmer=stemmer, show_progress=False
    )
    docs, scores = retriever.retrieve(queries, k=1, show_progress=False)
    hits = np.asarray([hit(i, sentences[d]) for i, d in zip(items, docs[:, 0], strict=True)])
    answerable = np.asarray([i.answerable for i in items])
    top = scores[:, 0]
    best = max(np.unique(top), key=lambda t: np.mean(np.where(top >= t, hits, ~answerable)))
    return Scores(hits, top >= best, answerable)


def evaluate(name: str, fact_base: FactBase, items: list[Item]) -> dict[str, object]:
    clio, default, per_question = run_clio(fact_base, items)
    bm25 = run_bm25(fact_base, items)
    figures = {
        "clio": clio.figures(),
        "clio_default": default.figures(),
        "bm25": bm25.figures(),
        "questions": len(items),
        "within_one_sentence": within_one_sentence(fact_base, items),
    }
    print(f"{name}: {len(items)} questions, {int(clio.answerable.sum())} answerable")
    for system in ("clio", "clio_default", "bm25"):
        row = figures[system]
        print(f"  {system:12s} " + "  ".join(f"{k} {v:.1%}" for k, v in row.items()))  # type: ignore[union-attr]
    print(f"  gold within one sentence {figures['within_one_sentence']:.1%} (hit@1 ceiling)")
    ratio = clio.figures()["end_to_end"] / max(bm25.figures()["end_to_end"], 1e-9)
    print(f"  clio/bm25 end-to-end ratio {ratio:.3f}; clio {per_question * 1000:.2f} ms/question")
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["dev", "tune"])
    args = parser.parse_args()
    result: dict[str, object] = {}
    if args.only != "dev":
        result["tune"] = evaluate("tune", build_from_texts(article_texts(TUNE)), load_items(TUNE))
    if args.only != "tune":
        result["dev"] = evaluate("dev", build_from_texts(seed_texts(DEV_SEEDS)), load_items(DEV))
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
