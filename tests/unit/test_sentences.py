"""The sentence splitter on a table of tricky cases: abbreviations, initials, numbers,
ellipses and quotes."""

from __future__ import annotations

import pytest

from clio.factbase.sentences import split_sentences


def sentences(text: str) -> list[str]:
    return [text[start:end] for start, end in split_sentences(text)]


CASES: list[tuple[str, list[str]]] = [
    (
        "Mr. Smith met Dr. Jones at St. Paul's. They talked.",
        ["Mr. Smith met Dr. Jones at St. Paul's.", "They talked."],
    ),
    (
        "The U.S. Army arrived in 1812. It left soon.",
        ["The U.S. Army arrived in 1812.", "It left soon."],
    ),
    ("Troops left the U.S. The war went on.", ["Troops left the U.S.", "The war went on."]),
    (
        "He liked fruit, e.g. apples. She did not, i.e. never.",
        ["He liked fruit, e.g. apples.", "She did not, i.e. never."],
    ),
    (
        "He was born c. 1450 and died ca. 1500. His son lived on.",
        ["He was born c. 1450 and died ca. 1500.", "His son lived on."],
    ),
    (
        "It was Britain vs. France. Then peace came.",
        ["It was Britain vs. France.", "Then peace came."],
    ),
    (
        "Gen. Grant won. Jan. 5 was cold. See No. 10 Downing Street.",
        ["Gen. Grant won.", "Jan. 5 was cold.", "See No. 10 Downing Street."],
    ),
    (
        "J. R. R. Tolkien wrote books. George W. Bush was president.",
        ["J. R. R. Tolkien wrote books.", "George W. Bush was president."],
    ),
    ("He fought in World War I. The war ended.", ["He fought in World War I.", "The war ended."]),
    (
        "The rate rose 3.5 percent to 1.2 million people. Then it fell.",
        ["The rate rose 3.5 percent to 1.2 million people.", "Then it fell."],
    ),
    ("He waited... Then he left. It was over.", ["He waited...", "Then he left.", "It was over."]),
    ("He waited… Then he left.", ["He waited…", "Then he left."]),
    ("It went on... and on.", ["It went on... and on."]),
    ('"We are lost," he said. She disagreed.', ['"We are lost," he said.', "She disagreed."]),
    ('"Go home." She left.', ['"Go home."', "She left."]),
    ('He cried "Stop!" and ran.', ['He cried "Stop!" and ran.']),
    (
        'He said, "I gave him hints. I operated on three continents." Then he left.',
        ['He said, "I gave him hints. I operated on three continents."', "Then he left."],
    ),
    ('A stray "quote. It is ignored. Really.', ['A stray "quote.', "It is ignored.", "Really."]),
    ("1. The war began. 2. It ended.", ["1. The war began.", "2. It ended."]),
    ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
    ("(This was rare.) Most men stayed.", ["(This was rare.)", "Most men stayed."]),
    ("Apples, pears, etc. Then he left.", ["Apples, pears, etc.", "Then he left."]),
    ("Samuel K. Cohn, Jr. (2002) wrote on it.", ["Samuel K. Cohn, Jr. (2002) wrote on it."]),
    ("Smith et al. showed it.", ["Smith et al. showed it."]),
    ("It cost approx. five pounds.", ["It cost approx. five pounds."]),
    ("The war ended in 1856. 1857 was calm.", ["The war ended in 1856.", "1857 was calm."]),
    ("  Leading and trailing space.  ", ["Leading and trailing space."]),
    ("No final period", ["No final period"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:30] for c in CASES])
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_spans_point_into_the_text() -> None:
    text = "One sentence here. Another one there."
    spans = split_sentences(text)
    assert spans == [(0, 18), (19, len(text))]
