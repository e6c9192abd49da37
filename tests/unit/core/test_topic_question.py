"""A question about a whole topic is told from a question one sentence answers."""

from __future__ import annotations

from clio.core.facts import Topic
from clio.core.topic_question import named_topic, titles_index

PARIS = Topic("paris", "Treaty of Paris (1856)", "paris.txt", ())
CRIMEA = Topic("crimea", "The Crimean War", "crimea.txt", ())
TOPICS = titles_index((PARIS, CRIMEA))
OPENERS = frozenset({"tell me about", "tell me more about", "what was", "explain"})


def test_an_opener_and_a_title_name_the_topic() -> None:
    for asked in (
        "Tell me about the Treaty of Paris",
        "tell me MORE about treaty of paris (1856)?",
        "what was the treaty of paris 1856",
        "Treaty of Paris",
        "explain the crimean war!",
        "crimean war",
    ):
        assert named_topic(asked, TOPICS, OPENERS) is not None, asked
    assert named_topic("what was the crimean war", TOPICS, OPENERS) is CRIMEA


def test_more_than_the_title_is_a_question_for_the_sentences() -> None:
    for asked in (
        "what was the treaty of paris signed for",
        "when was the treaty of paris signed",
        "tell me about the war",
        "who won the crimean war",
        "paris",
    ):
        assert named_topic(asked, TOPICS, OPENERS) is None, asked
