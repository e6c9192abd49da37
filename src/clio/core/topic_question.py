"""A question about a whole topic ("tell me about the Treaty of Paris"): no one sentence of
the seeds answers it, but the topic's lesson does."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from clio.core.facts import Topic
from clio.core.intent import normalise_phrase
from clio.core.normalise import ARTICLES

_ASIDE = re.compile(r"\([^)]*\)")  # "Treaty of Paris (1856)" is also asked as "treaty of paris"


def titles_index(topics: Iterable[Topic]) -> dict[str, Topic]:
    """Each topic under the forms of its title a learner may type (built once: a question
    is then one lookup, however many topics there are)."""
    index: dict[str, Topic] = {}
    for topic in topics:
        for form in (topic.title, _ASIDE.sub(" ", topic.title)):
            phrase = _without_article(normalise_phrase(form))
            if phrase:
                index.setdefault(phrase, topic)
    return index


def named_topic(
    question: str, titles: Mapping[str, Topic], openers: frozenset[str]
) -> Topic | None:
    """The topic whose title is all the question asks about, after an opener such as
    "tell me about" or "what was" (or none: the bare title), and an article."""
    asked = normalise_phrase(question)
    for opener in sorted(openers, key=len, reverse=True):
        if asked.startswith(opener + " "):
            asked = asked[len(opener) + 1 :]
            break
    return titles.get(_without_article(asked))


def _without_article(phrase: str) -> str:
    first, _, rest = phrase.partition(" ")
    return rest if first in ARTICLES and rest else phrase
