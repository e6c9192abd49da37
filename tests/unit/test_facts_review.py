"""The author's review of `clio facts`: entities and questions shown in text and JSON."""

from __future__ import annotations

import json

from clio.commands.facts import as_json, as_text
from clio.core.facts import (
    Entity,
    EntityKind,
    Fact,
    FactBase,
    Question,
    QuestionKind,
    Source,
    Topic,
)

SENTENCE = "Alexander II took the crown of Russia in 1855; the war went badly for him."
FACT = Fact(
    id="f1",
    topic_id="paris",
    text="Alexander II took the crown of Russia in 1855.",
    sentence=SENTENCE,
    source=Source("paris.txt", 3),
    position=0,
    entities=(
        Entity("Alexander II", EntityKind.PERSON, 0, 12),
        Entity("1855", EntityKind.DATE, 41, 45),
    ),
)
CAPTION = Fact("f2", "paris", "A map of Paris", "A map of Paris", Source("paris.txt", 9), 1, False)
QUESTION = Question(
    id="q1",
    fact_id="f1",
    kind=QuestionKind.WHEN,
    prompt="When did Alexander II take the crown of Russia?",
    answer="1855",
    explanation=SENTENCE,
    source=FACT.source,
    choices=("1853", "1855", "1856"),
)
BASE = FactBase.assemble(
    (Topic("paris", "Treaty of Paris", "paris.txt", (FACT, CAPTION)),), (QUESTION,)
)


def test_text_review_shows_entities_questions_and_context() -> None:
    text = "\n".join(as_text(BASE, list(BASE.topics)))
    assert "# Treaty of Paris (paris, paris.txt, 2 facts)" in text
    assert "- f1 paris.txt:3\n  Alexander II took the crown of Russia in 1855.\n" in text
    assert f"  (from: {SENTENCE})" in text
    assert "  entities: person: Alexander II; date: 1855" in text
    assert "  ? q1 [when] When did Alexander II take the crown of Russia?" in text
    assert "    answer: 1855\n    choices: 1853 | 1855 | 1856" in text
    assert "- f2 paris.txt:9 [context, not taught]\n  A map of Paris" in text


def test_json_review_is_complete() -> None:
    [topic] = json.loads(as_json(BASE, list(BASE.topics)))
    fact, caption = topic["facts"]
    assert fact["entities"][0] == {"text": "Alexander II", "kind": "person", "start": 0, "end": 12}
    assert fact["questions"] == [
        {
            "id": "q1",
            "kind": "when",
            "prompt": "When did Alexander II take the crown of Russia?",
            "answer": "1855",
            "accepted": [],
            "choices": ["1853", "1855", "1856"],
            "authored": False,
        }
    ]
    assert (caption["teachable"], caption["questions"]) == (False, [])
