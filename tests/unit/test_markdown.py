"""Markdown seeds reduced to text, line for line, headings and image captions marked."""

from __future__ import annotations

import pytest

from clio.factbase.lines import LineKind, SourceLine, markdown_lines
from clio.factbase.markdown import reduce_inline


@pytest.mark.parametrize(
    ("markdown", "text"),
    [
        ("The **Crimean War** ended.", "The Crimean War ended."),
        ("The __Crimean War__ ended.", "The Crimean War ended."),
        ("The *Crimean* _War_ ended.", "The Crimean War ended."),
        ("A snake_case_name and 2*3*4 stay.", "A snake_case_name and 2*3*4 stay."),
        ("See [the treaty](https://example.org/t) now.", "See the treaty now."),
        ("See [the treaty][1] now.", "See the treaty now."),
        ("An ![old map](map.png) here.", "An old map here."),
        ("Use `code` and ~~strike~~.", "Use code and strike."),
        ("Some <b>bold</b> HTML.", "Some bold HTML."),
        (r"Escaped \*stars\* stay.", "Escaped *stars* stay."),
    ],
)
def test_reduce_inline(markdown: str, text: str) -> None:
    assert reduce_inline(markdown) == text


def kinds(lines: list[SourceLine]) -> list[tuple[int, str, LineKind]]:
    return [
        (line.number, line.text, line.kind) for line in lines if line.kind is not LineKind.BLANK
    ]


def test_markdown_lines_keep_numbers_and_kinds() -> None:
    source = "\n".join(
        [
            "# The Crimean War #",  # 1
            "",
            "The war began in **1853**.[1]",  # 3
            "```",
            "print('not prose')",  # 5
            "```",
            "![Map of the Crimea](crimea.png)",  # 7
            "Aftermath",  # 8
            "---------",
            "> Russia lost the war.",  # 10
            "- First item here.",  # 11
            "[1]: https://example.org",
            "| Year | Event |",  # 13
            "|------|-------|",
        ]
    )
    assert kinds(markdown_lines(source)) == [
        (1, "The Crimean War", LineKind.HEADING),
        (3, "The war began in 1853.", LineKind.TEXT),
        (7, "Map of the Crimea", LineKind.CAPTION),
        (8, "Aftermath", LineKind.HEADING),
        (10, "Russia lost the war.", LineKind.TEXT),
        (11, "First item here.", LineKind.TEXT),
        (13, "Year; Event", LineKind.CAPTION),
    ]


def test_list_items_are_separate_paragraphs() -> None:
    lines = markdown_lines("- One item\n- Two item")
    assert [line.kind for line in lines] == [
        LineKind.BLANK,
        LineKind.TEXT,
        LineKind.BLANK,
        LineKind.TEXT,
    ]


def test_front_matter_is_not_prose() -> None:
    lines = markdown_lines("---\ntitle: Crimea\nauthor: X\n---\n# Crimea\n\nThe war ended.")
    assert kinds(lines) == [
        (5, "Crimea", LineKind.HEADING),
        (7, "The war ended.", LineKind.TEXT),
    ]
