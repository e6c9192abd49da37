"""Seed text to clean, numbered lines, each marked as text, heading, caption or blank."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from clio.factbase.cleaning import clean_line
from clio.factbase.markdown import MarkdownReducer


class LineKind(Enum):
    """What a line of a seed is, before paragraphs are formed."""

    TEXT = "text"
    HEADING = "heading"
    CAPTION = "caption"
    BLANK = "blank"


@dataclass(frozen=True, slots=True)
class SourceLine:
    """One cleaned line and its 1-based number in the original file."""

    number: int
    text: str
    kind: LineKind


def plain_lines(text: str) -> list[SourceLine]:
    """The lines of a plain-text seed, cleaned; blank once nothing is left of them."""
    lines: list[SourceLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        cleaned = clean_line(raw)
        lines.append(SourceLine(number, cleaned, LineKind.TEXT if cleaned else LineKind.BLANK))
    return lines


def markdown_lines(text: str) -> list[SourceLine]:
    """The lines of a Markdown seed reduced to text: headings and image alt texts marked."""
    reducer = MarkdownReducer()
    lines: list[SourceLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        reduced = reducer.feed(raw)
        cleaned = clean_line(reduced.text)
        if reduced.setext_underline and lines and lines[-1].kind is LineKind.TEXT:
            # "Title\n=====": the line above was a heading all along.
            lines[-1] = SourceLine(lines[-1].number, lines[-1].text, LineKind.HEADING)
            cleaned = ""
        if not cleaned:
            kind = LineKind.BLANK
        elif reduced.heading:
            kind = LineKind.HEADING
        elif reduced.caption:
            kind = LineKind.CAPTION
        else:
            kind = LineKind.TEXT
        if reduced.item:
            # Each list item is a paragraph of its own, not a wrapped line of the one above.
            lines.append(SourceLine(number, "", LineKind.BLANK))
        lines.append(SourceLine(number, cleaned, kind))
    return lines


def seed_lines(text: str, *, markdown: bool) -> list[SourceLine]:
    """The clean lines of a seed, by its format."""
    return markdown_lines(text) if markdown else plain_lines(text)
