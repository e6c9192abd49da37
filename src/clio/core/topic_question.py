"""A question about a whole topic ("tell me about the Treaty of Paris"): no one sentence of
the seeds answers it, but the topic's lesson does."""

from __future__ import annotations

import re

from clio.core.facts import Topic
from clio.core.intent import normalise_phrase
from clio.core.normalise import ARTICLES

_ASIDE = re.compile(r"\([^)]*\)")  # "Treaty of Paris (1856)" is also asked as "treaty of paris"


def named_topic(question: str, topics: tuple[Topic, ...], openers: frozenset[str]) -> Topic | None:
    """The topic whose title is all the question asks about, after an opener such as
    "tell me about" or "what was" (or none: the bare title), and an article."""
    asked = normalise_phrase(question)
    for opener in sorted(openers, key=len, reverse=True):
        if asked.startswith(opener + " "):
            asked = asked[len(opener) + 1 :]
            break
    asked = _without_article(asked)
    for topic in topics:
        if asked in _title_forms(topic.title):
            return topic
    return None


def _title_forms(title: str) -> set[str]:
    forms = {normalise_phrase(title), normalise_phrase(_ASIDE.sub(" ", title))}
    return {_without_article(form) for form in forms if form}


def _without_article(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if first in ARTICLES and rest else phrase
