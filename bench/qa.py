"""Quality of `clio ask` on SQuAD 2.0 history (dev, the report) and non-history (tune)
articles, beside a BM25 sentence baseline over the same sentences, in the same run.

Run: .venv/bin/python bench/qa.py [--only tune|dev]

Two protocols, each reported for both sets:
- "one base": all the set's articles form one fact base and every question is asked of it.
- "per article": each article is its own fact base (a seeds folder of one document) and each
  question is asked of its own article's. With hits counted loosely (below) this reproduces
  the BM25 figures the issue quotes (dev hit@1 63%, end-to-end 53%), so it is how the issue's
  targets appear to have been measured.

hit@1: a gold answer occurs in the top reply (short answer or sentence), over answerable
questions, whether or not the answerer then abstains (it measures the ranking). Counted as
whole words after SQuAD's normalisation; "loose" counts any case-insensitive substring.
end-to-end: answered with a hit, or abstained on an unanswerable question, over all.
within one sentence: answerable questions whose gold answer lies inside some single sentence
of the base (the ceiling of hit@1; the rest cross a sentence boundary or a dash that SQuAD's
normalisation glues to the next word, as in "Adriatic—fell").
short answers (one base): over answerable who/when/where/how-many questions whose top sentence
holds a gold answer, the share given a short answer (a person, year, place or number) and
the share of those that match a gold answer (either contains the other, after normalisation).
short answers by trust (one base): over all typed questions whose top sentence yields a short
answer, answerable or not, the share of those answers that are right, by the strict judge's
probability: below SHORT_ANSWER_TRUST `clio ask` does not state them (answering.py).
BM25's abstain threshold is the best possible one, chosen on the very set it is scored on
(an upper bound for the baseline; one threshold for all articles). Clio's thresholds were
fixed on tune.json by train_qa.py: "clio" uses the strict one (best against SQuAD's
adversarial questions), "clio_default" the one `clio ask` uses by default (best against
off-topic questions).
"""

from __future__ import annotations

import argparse
import json
import time
from dataclasses import dataclass, fields
from typing import TypeVar

import bm25s
import numpy as np
import Stemmer

from clio.core.facts import FactBase
from clio.factbase.answer_type import AnswerType, answer_type, short_answer
from clio.factbase.answering import SHORT_ANSWER_TRUST, STRICT_JUDGE, QuickAnswerer
from clio.factbase.qa_model import STRICT_ABSTAIN_BELOW
from clio.factbase.retrieval import Unit
from squad_data import (
    DEV,
    DEV_SEEDS,
    TUNE,
    Item,
    article_texts,
    build_from_texts,
    hit,
    load_items,
    loose_hit,
    normalise,
    seed_texts,
)


@dataclass
class Scores:
    """Per question: is the top reply a hit (whole words; loosely), was it answered, is the
    question answerable."""

    hits: np.ndarray
    loose: np.ndarray
    answered: np.ndarray
    answerable: np.ndarray

    def figures(self) -> dict[str, float]:
        answerable = self.answerable

        def end_to_end(hits: np.ndarray) -> float:
            return round(float(np.where(self.answered, hits, ~answerable).mean()), 4)

        return {
            "hit_at_1": round(float(self.hits[answerable].mean()), 4),
            "hit_at_1_loose": round(float(self.loose[answerable].mean()), 4),
            "end_to_end": end_to_end(self.hits),
            "end_to_end_loose": end_to_end(self.loose),
            "answered": round(float(self.answered.mean()), 4),
            "abstain_on_unanswerable": round(float((~self.answered)[~answerable].mean()), 4),
        }


@dataclass
class Bm25Run:
    """BM25's top sentence per question: hit or not, and its score (for the threshold)."""

    hits: np.ndarray
    loose: np.ndarray
    top: np.ndarray
    answerable: np.ndarray

    def at_best_threshold(self) -> Scores:
        """Answered when the top score reaches the threshold that is best on this very set."""
        top, hits, answerable = self.top, self.hits, self.answerable
        best = max(np.unique(top), key=lambda t: np.mean(np.where(top >= t, hits, ~answerable)))
        return Scores(hits, self.loose, top >= best, answerable)


Run = TypeVar("Run", "Scores", "Bm25Run")


def joined(parts: list[Run]) -> Run:
    """One run of per-question arrays from runs over several bases, in order."""
    kind = type(parts[0])
    return kind(*(np.concatenate([getattr(p, f.name) for p in parts]) for f in fields(kind)))


def within_one_sentence(fact_base: FactBase, items: list[Item]) -> float:
    """The share of answerable questions some single sentence of the base could answer."""
    sentences = list(dict.fromkeys(f.sentence for t in fact_base.topics for f in t.facts))
    answerable = [i for i in items if i.answerable]
    found = sum(any(hit(i, s) for s in sentences) for i in answerable)
    return round(found / max(len(answerable), 1), 4)


def run_clio(
    fact_base: FactBase, items: list[Item]
) -> tuple[Scores, Scores, float, list[tuple[Unit | None, float]]]:
    """Clio at its strict threshold (for adversarial questions) and at its default one, the
    time per answer, and each question's top sentence with the strict judge's probability."""
    answerer = QuickAnswerer.from_fact_base(fact_base)
    strict = answerer.strict()
    replies, answered, strict_answered = [], [], []
    tops: list[tuple[Unit | None, float]] = []
    start = time.perf_counter()
    for item in items:
        ranking = answerer.rank(item.question)
        reply = answerer.answer(item.question)
        top = answerer.index.units[ranking.candidates[0].unit] if ranking.candidates else None
        tops.append((top, STRICT_JUDGE.probability(ranking.evidence) if ranking.evidence else 0.0))
        # hit@1 judges the top sentence even when the answerer abstains.
        text = "" if top is None else top.sentence
        replies.append(f"{reply.answer or ''} {text}")
        answered.append(not reply.abstained)
        strict_answered.append(not strict.answer(item.question).abstained)
    per_question = (time.perf_counter() - start) / max(len(items), 1) / 3
    answerable = np.asarray([i.answerable for i in items])
    hits = np.asarray([hit(i, r) for i, r in zip(items, replies, strict=True)])
    loose = np.asarray([loose_hit(i, r) for i, r in zip(items, replies, strict=True)])
    return (
        Scores(hits, loose, np.asarray(strict_answered), answerable),
        Scores(hits, loose, np.asarray(answered), answerable),
        per_question,
        tops,
    )


def short_answer_figures(
    items: list[Item], tops: list[tuple[Unit | None, float]]
) -> dict[str, dict[str, float]]:
    """Per answer type: how often a right top sentence (`run_clio`'s) comes with a short
    answer, and how often that short answer is a gold one."""
    counts: dict[str, list[int]] = {}
    for item, (unit, _) in zip(items, tops, strict=True):
        kind = answer_type(item.question)
        if not item.answerable or kind is AnswerType.OTHER:
            continue
        if unit is None or not hit(item, unit.sentence):
            continue
        short = short_answer(kind, unit.facts, item.question)
        row = counts.setdefault(kind.value, [0, 0, 0])
        row[0] += 1
        if short is not None:
            row[1] += 1
            row[2] += short_answer_right(item, short)
    return {
        kind: {
            "questions": n,
            "given": round(given / n, 4),
            "right": round(right / max(given, 1), 4),
        }
        for kind, (n, given, right) in sorted(counts.items())
    }


def short_answer_right(item: Item, short: str) -> bool:
    said = normalise(short)
    return any(gold and (gold in said or said in gold) for gold in map(normalise, item.answers))


def short_answers_by_trust(
    items: list[Item], tops: list[tuple[Unit | None, float]]
) -> dict[str, dict[str, float]]:
    """How often a short answer is right, by the strict judge's probability (see the top)."""
    bands = {
        f"below {SHORT_ANSWER_TRUST}": (0.0, SHORT_ANSWER_TRUST),
        f"{SHORT_ANSWER_TRUST} to {STRICT_ABSTAIN_BELOW}": (
            SHORT_ANSWER_TRUST,
            STRICT_ABSTAIN_BELOW,
        ),
        f"from {STRICT_ABSTAIN_BELOW}": (STRICT_ABSTAIN_BELOW, float("inf")),
    }
    counts = {band: [0, 0] for band in bands}
    for item, (unit, trust) in zip(items, tops, strict=True):
        kind = answer_type(item.question)
        short = None if unit is None else short_answer(kind, unit.facts, item.question)
        if short is None:
            continue
        band = next(b for b, (low, high) in bands.items() if low <= trust < high)
        counts[band][0] += 1
        counts[band][1] += short_answer_right(item, short)
    return {
        band: {"answers": n, "right": round(right / max(n, 1), 4)}
        for band, (n, right) in counts.items()
    }


def run_bm25(fact_base: FactBase, items: list[Item]) -> Bm25Run:
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
    top_sentences = [sentences[d] for d in docs[:, 0]]
    return Bm25Run(
        np.asarray([hit(i, s) for i, s in zip(items, top_sentences, strict=True)]),
        np.asarray([loose_hit(i, s) for i, s in zip(items, top_sentences, strict=True)]),
        scores[:, 0],
        np.asarray([i.answerable for i in items]),
    )


def report(name: str, clio: Scores, default: Scores, bm25: Scores) -> dict[str, object]:
    rows = {"clio": clio.figures(), "clio_default": default.figures(), "bm25": bm25.figures()}
    print(f"{name}: {len(clio.hits)} questions, {int(clio.answerable.sum())} answerable")
    for system, row in rows.items():
        print(f"  {system:12s} " + "  ".join(f"{k} {v:.1%}" for k, v in row.items()))
    ratio = rows["clio"]["end_to_end"] / max(rows["bm25"]["end_to_end"], 1e-9)
    print(f"  clio/bm25 end-to-end ratio {ratio:.3f}")
    return dict(rows)


def evaluate(name: str, fact_base: FactBase, items: list[Item]) -> dict[str, object]:
    """All the set's articles in one base."""
    clio, default, per_question, tops = run_clio(fact_base, items)
    figures = report(
        f"{name}, one base", clio, default, run_bm25(fact_base, items).at_best_threshold()
    )
    figures["questions"] = len(items)
    figures["within_one_sentence"] = within_one_sentence(fact_base, items)
    print(f"  gold within one sentence {figures['within_one_sentence']:.1%} (hit@1 ceiling)")
    print(f"  clio {per_question * 1000:.2f} ms/question")
    figures["short_answers"] = shorts = short_answer_figures(items, tops)
    print(
        "  short answers (right top sentence): "
        + "; ".join(
            f"{k} {v['given']:.0%} given, {v['right']:.0%} right" for k, v in shorts.items()
        )
    )
    figures["short_answers_by_trust"] = trusted = short_answers_by_trust(items, tops)
    print(
        "  short answers by strict-judge trust: "
        + "; ".join(f"{k}: {v['right']:.0%} right of {v['answers']}" for k, v in trusted.items())
    )
    return figures


def evaluate_per_article(name: str, texts: dict[str, str], items: list[Item]) -> dict[str, object]:
    """Each article its own base, asked its own questions."""
    clio, default, bm25 = [], [], []
    for title, text in texts.items():
        own = [i for i in items if i.title == title]
        fact_base = build_from_texts({title: text})
        strict_scores, default_scores, _, _ = run_clio(fact_base, own)
        clio.append(strict_scores)
        default.append(default_scores)
        bm25.append(run_bm25(fact_base, own))
    return report(
        f"{name}, per article",
        joined(clio),
        joined(default),
        joined(bm25).at_best_threshold(),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["dev", "tune"])
    args = parser.parse_args()
    result: dict[str, object] = {}
    sets = {
        "tune": (article_texts(TUNE), load_items(TUNE)),
        "dev": (seed_texts(DEV_SEEDS), load_items(DEV)),
    }
    for name, (texts, items) in sets.items():
        if args.only in (None, name):
            result[name] = evaluate(name, build_from_texts(texts), items)
            result[f"{name}_per_article"] = evaluate_per_article(name, texts, items)
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
