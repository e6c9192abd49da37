"""Grading and review speed: lenient `grade` and FSRS `review` against plain string equality.

Run: .venv/bin/python bench/grading_speed.py [--rounds N]
Prints per-call figures and ratios against a baseline measured in the same process, then one
line `RESULT {json}`.
"""

from __future__ import annotations

import argparse
import json
import random
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from clio.core.facts import Question, QuestionKind, Source
from clio.core.grading import grade
from clio.core.normalise import make_token, tokenise
from clio.core.review import Rating, new_card, review

NOW = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)

# (answer, accepted, responses a learner might type)
CASES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Lord Palmerston",
        ("Palmerston",),
        ("palmerston", "Plamerston", "Palmerston, Lord", "I think it was Palmerston", "Gladstone"),
    ),
    ("Alexander II", (), ("Alexander 2", "alexander the second", "Alexander", "Nicholas I")),
    ("1855", (), ("1855", "1856", "in 1855", "1855 or 1856")),
    (
        "Moldavia and Wallachia",
        ("the Danubian Principalities",),
        ("Moldavia", "Wallachia and Moldavia", "Moldavia, Wallachia, Serbia", "Bessarabia"),
    ),
    ("Épinal", (), ("Epinal", "epinall", "Nancy")),
    (
        "Britain, France and the Ottoman Empire",
        (),
        ("France, Britain", "the ottoman empire, britain and frnace", "Russia"),
    ),
    ("Sevastopol", ("Sebastopol",), ("Sevastapol", "sebastopol", "Odessa")),
]


def workload() -> list[tuple[str, Question]]:
    pairs = []
    for index, (answer, accepted, responses) in enumerate(CASES):
        question = Question(
            f"q{index}",
            "f",
            QuestionKind.WHAT,
            "Which one was it?",
            answer,
            "why",
            Source("seed.txt", index + 1),
            accepted,
        )
        pairs.extend((response, question) for response in responses)
    return pairs


def baseline(response: str, question: Question) -> bool:
    """What a strict bot does: case-insensitive equality with the answer or a variant."""
    text = response.strip().casefold()
    return any(text == a.casefold() for a in (question.answer, *question.accepted))


def cold_grade(response: str, question: Question) -> object:
    """Grade with empty token caches: the pessimistic bound for a never-seen response."""
    tokenise.cache_clear()
    make_token.cache_clear()
    return grade(response, question)


def per_call_us(calls: list[Callable[[], object]], rounds: int) -> float:
    start = time.perf_counter()
    for _ in range(rounds):
        for call in calls:
            call()
    return (time.perf_counter() - start) / (rounds * len(calls)) * 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    rounds = parser.parse_args().rounds
    pairs = workload()
    base = per_call_us([lambda r=r, q=q: baseline(r, q) for r, q in pairs], rounds)
    lenient = per_call_us([lambda r=r, q=q: grade(r, q) for r, q in pairs], rounds)
    cold = per_call_us([lambda r=r, q=q: cold_grade(r, q) for r, q in pairs], rounds)
    # Worst case: a Telegram message at its 4096-character limit against a list answer.
    rng = random.Random(7)
    words = ("the", "war", "of", "russia", "and", "britain", "crimea", "was", "moldavia")
    long_text = " ".join(rng.choice(words) for _ in range(700))[:4096]
    _, list_question = pairs[12]
    worst = per_call_us([lambda: cold_grade(long_text, list_question)], max(1, rounds // 20))
    card = new_card(NOW, card_id=1)
    fsrs = per_call_us(
        [lambda: review(card, Rating.Good, NOW + timedelta(minutes=10), rng=rng)], rounds
    )
    accepted = sum(grade(r, q).score > 0 for r, q in pairs)
    strict = sum(baseline(r, q) for r, q in pairs)
    print(f"responses: {len(pairs)}, rounds: {rounds}")
    print(f"baseline equality : {base:9.2f} us/answer, credits {strict}/{len(pairs)}")
    print(
        f"lenient grade     : {lenient:9.2f} us/answer, credits {accepted}/{len(pairs)}"
        f" (x{lenient / base:.0f} the baseline; warm caches)"
    )
    print(f"lenient grade cold: {cold:9.2f} us/answer (x{cold / base:.0f}; token caches cleared)")
    print(f"worst case 4096 ch: {worst:9.2f} us/answer")
    print(f"fsrs review       : {fsrs:9.2f} us/review")
    result = {
        "baseline_us": round(base, 3),
        "grade_us": round(lenient, 2),
        "grade_vs_baseline": round(lenient / base, 1),
        "grade_cold_us": round(cold, 2),
        "grade_cold_vs_baseline": round(cold / base, 1),
        "grade_worst_4096_us": round(worst, 1),
        "review_us": round(fsrs, 2),
        "credited": accepted,
        "credited_baseline": strict,
        "responses": len(pairs),
    }
    print("RESULT " + json.dumps(result))


if __name__ == "__main__":
    main()
