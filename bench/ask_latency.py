"""Answer latency of `clio ask` over a 1,000-article fact base, beside bm25s in the same run.

Run: .venv/bin/python bench/ask_latency.py [--articles 1000] [--questions 300]

The base is assembled from tune.json and dev-seeds paragraphs: each synthetic article takes a
seeded sample of one source article's paragraphs plus a few of another's, so the 1,000
articles are distinct but realistic. Prints index build time and memory, p50/p99 latency of
QuickAnswerer.answer and of a one-query bm25s retrieval (top 1), and their ratio. The
questions are asked in several rounds (each question to Clio, then to bm25s); the figures are
medians over rounds of each round's percentiles, as the machine is shared and noisy. The
start-up heap is frozen as `clio run` freezes it (bootstrap.freeze_startup_heap).
"""

from __future__ import annotations

import argparse
import json
import resource
import time

import bm25s
import numpy as np
import Stemmer

from clio.bootstrap import freeze_startup_heap
from clio.factbase.answering import QuickAnswerer
from squad_data import DEV, DEV_SEEDS, TUNE, article_texts, build_from_texts, load_items, seed_texts


def assemble(count: int, rng: np.random.Generator) -> dict[str, str]:
    sources = {**article_texts(TUNE), **seed_texts(DEV_SEEDS)}
    paragraphs = [text.split("\n\n") for text in sources.values()]
    titles = list(sources)
    articles = {}
    for i in range(count):
        base, other = rng.choice(len(paragraphs), size=2, replace=False)
        own = paragraphs[base]
        keep = rng.choice(len(own), size=max(1, int(len(own) * 0.7)), replace=False)
        extra = rng.choice(len(paragraphs[other]), size=min(3, len(paragraphs[other])))
        chosen = [own[k] for k in sorted(keep)] + [paragraphs[other][k] for k in extra]
        articles[f"{titles[base]}_{i:04d}"] = "\n\n".join(chosen)
    return articles


def percentiles(rounds: list[list[float]]) -> dict[str, float]:
    """Median over rounds of each round's p50 and p99, in milliseconds."""
    ms = np.asarray(rounds) * 1000
    return {
        "p50_ms": round(float(np.median(np.percentile(ms, 50, axis=1))), 3),
        "p99_ms": round(float(np.median(np.percentile(ms, 99, axis=1))), 3),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--questions", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    rng = np.random.default_rng(2026)
    fact_base = build_from_texts(assemble(args.articles, rng))
    sentences = list(dict.fromkeys(f.sentence for t in fact_base.topics for f in t.facts))
    items = load_items(TUNE) + load_items(DEV)
    questions = [items[i].question for i in rng.choice(len(items), args.questions, replace=False)]

    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    start = time.perf_counter()
    answerer = QuickAnswerer.from_fact_base(fact_base)
    clio_build = time.perf_counter() - start
    rss_grew_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024

    stemmer = Stemmer.Stemmer("english")
    start = time.perf_counter()
    retriever = bm25s.BM25()
    corpus = bm25s.tokenize(sentences, stopwords="en", stemmer=stemmer, show_progress=False)
    retriever.index(corpus, show_progress=False)
    bm25_build = time.perf_counter() - start

    freeze_startup_heap()
    for question in questions[:20]:  # warm caches of both, as a running bot has
        answerer.answer(question)
    clio_times: list[list[float]] = []
    bm25_times: list[list[float]] = []
    for _ in range(args.rounds):
        clio_times.append([])
        bm25_times.append([])
        for question in questions:
            start = time.perf_counter()
            answerer.answer(question)
            clio_times[-1].append(time.perf_counter() - start)
            start = time.perf_counter()
            tokens = bm25s.tokenize(
                [question], stopwords="en", stemmer=stemmer, show_progress=False
            )
            retriever.retrieve(tokens, k=1, show_progress=False)
            bm25_times[-1].append(time.perf_counter() - start)

    clio, bm25 = percentiles(clio_times), percentiles(bm25_times)
    result = {
        "articles": len(fact_base.topics),
        "sentences": len(answerer.index),
        "questions": len(questions),
        "rounds": args.rounds,
        "clio": {**clio, "build_s": round(clio_build, 2), "rss_growth_mb": round(rss_grew_mb, 1)},
        "bm25s": {**bm25, "build_s": round(bm25_build, 2)},
        "p99_ratio_clio_over_bm25s": round(clio["p99_ms"] / max(bm25["p99_ms"], 1e-9), 3),
    }
    print(
        f"{result['articles']} articles, {result['sentences']} sentences, "
        f"{len(questions)} questions x {args.rounds} rounds"
    )
    print(
        f"clio : p50 {clio['p50_ms']} ms  p99 {clio['p99_ms']} ms  build {clio_build:.2f} s  "
        f"memory +{rss_grew_mb:.0f} MB (peak RSS growth)"
    )
    print(f"bm25s: p50 {bm25['p50_ms']} ms  p99 {bm25['p99_ms']} ms  build {bm25_build:.2f} s")
    print(f"p99 ratio clio/bm25s {result['p99_ratio_clio_over_bm25s']}")
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
