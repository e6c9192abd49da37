"""Paragraphs: wrapped lines joined with their original line numbers, captions and
headings told from prose by their shape, in any text."""

from __future__ import annotations

from pathlib import Path

from clio.factbase.layout import Paragraph, paragraphs
from clio.factbase.lines import plain_lines

SEED = Path(__file__).resolve().parents[2] / "seeds" / "treaty-of-paris-1856.txt"


def layout(text: str) -> list[Paragraph]:
    return paragraphs(plain_lines(text))


def test_treaty_captions_are_not_teachable() -> None:
    units = layout(SEED.read_text(encoding="utf-8"))
    raw_lines = SEED.read_text(encoding="utf-8").splitlines()
    captions = [unit for unit in units if unit.starts[0][1] > len(raw_lines) - 6]
    assert len(captions) == 6
    assert not any(unit.teachable for unit in captions)
    # The last caption ends with a period, yet it sits in a run of captions.
    assert captions[-1].text.endswith("unification.")
    prose = [unit for unit in units[1:] if unit not in captions]
    assert prose and all(unit.teachable for unit in prose)
    assert not units[0].teachable  # the title line


def test_heading_above_prose_without_blank_line() -> None:
    units = layout("Background\nThe war began in 1853. It lasted three years.")
    assert [(u.text, u.teachable) for u in units] == [
        ("Background", False),
        ("The war began in 1853. It lasted three years.", True),
    ]


def test_one_sentence_lines_of_prose_stay_teachable() -> None:
    units = layout("The war began in 1853.\nIt lasted three years.\nAn Image caption")
    assert [u.teachable for u in units] == [True, True, False]


def test_wrapped_lines_are_joined_and_keep_their_lines() -> None:
    text = "Intro line.\n\nThe treaty was signed by\nNapoleon III and the tsar's\nenvoys in Paris."
    units = layout(text)
    assert [u.text for u in units] == [
        "Intro line.",
        "The treaty was signed by Napoleon III and the tsar's envoys in Paris.",
    ]
    joined = units[1]
    assert joined.line_at(0) == 3
    assert joined.line_at(joined.text.index("Napoleon")) == 4
    assert joined.line_at(joined.text.index("envoys")) == 5


def test_hyphenated_line_break_joins_without_space() -> None:
    [unit] = layout("It was a well-\nknown treaty.")
    assert unit.text == "It was a well-known treaty."


def test_prose_paragraph_cut_short_stays_prose() -> None:
    units = layout(
        "The war began in 1853. Fieldhouse suggests that this idea is not valid:\n"
        "\n"
        "Another caption\n"
    )
    assert [(u.text[:12], u.teachable) for u in units] == [
        ("The war bega", True),
        ("Another capt", False),
    ]
