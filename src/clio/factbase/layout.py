"""Clean lines to paragraphs: wrapped lines joined, captions and headings told from prose.

A line is prose when it ends like a sentence. A line that does not (a title, a heading, an
image caption such as "Participants of the Congress of Paris, 1856") is kept as context but
never taught. Captions often come in a run of lines with no blank line between them; in
such a run, when most lines are caption-like, a lone one-sentence line is a caption too
(a long caption may end with a period).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from clio.factbase.lines import LineKind, SourceLine
from clio.factbase.sentences import split_sentences


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_CLOSERS = "\"')]"
_TERMINAL = (".", "!", "?", "…")
_CONTINUES = (",", ";", ":", "(", "-", "–", "—", "&")
# A line ending on one of these words is a wrapped line of prose, not a line of its own.
_FUNCTION_WORDS = _words(
    """the a an of to in on at by for from with and or nor but as that which who whom whose
    his her its their our was were is are had has have be been being into upon between under
    over than this these those"""
)
CAPTION_RUN_MAX_WORDS = 40


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A unit of text to split into sentences, with the original line of each of its parts."""

    text: str
    teachable: bool
    # (offset in `text`, 1-based original line) for each joined line, offsets ascending.
    starts: tuple[tuple[int, int], ...]

    def line_at(self, offset: int) -> int:
        """The original line that the character at `offset` came from."""
        index = bisect.bisect_right(self.starts, offset, key=lambda start: start[0]) - 1
        return self.starts[max(index, 0)][1]


def paragraphs(lines: list[SourceLine]) -> list[Paragraph]:
    """The paragraphs of a seed, in order: prose teachable, headings and captions not."""
    result: list[Paragraph] = []
    block: list[SourceLine] = []
    for line in lines:
        if line.kind is LineKind.TEXT:
            block.append(line)
            continue
        result.extend(_block_paragraphs(block))
        block = []
        if line.kind in (LineKind.HEADING, LineKind.CAPTION):
            result.append(Paragraph(line.text, False, ((0, line.number),)))
    result.extend(_block_paragraphs(block))
    return result


def ends_like_sentence(text: str) -> bool:
    """Whether `text` ends with sentence punctuation, closing quotes and brackets aside."""
    return text.rstrip(_CLOSERS).endswith(_TERMINAL)


def _block_paragraphs(block: list[SourceLine]) -> list[Paragraph]:
    units = _join_wrapped(block)
    if not units:
        return []
    caption_like = [_is_caption_like(unit.text) for unit in units]
    in_caption_run = len(units) >= 2 and 2 * sum(caption_like) > len(units)
    result: list[Paragraph] = []
    for unit, is_caption in zip(units, caption_like, strict=True):
        if not is_caption and in_caption_run:
            is_caption = _is_short_single_sentence(unit.text)
        result.append(Paragraph(unit.text, not is_caption, unit.starts))
    return result


def _is_caption_like(text: str) -> bool:
    """A line that does not end like a sentence and is not several sentences: a paragraph
    of prose whose last sentence is cut off stays prose (that sentence alone is not taught)."""
    return not ends_like_sentence(text) and len(split_sentences(text)) <= 1


def _is_short_single_sentence(text: str) -> bool:
    return len(text.split()) <= CAPTION_RUN_MAX_WORDS and len(split_sentences(text)) == 1


def _join_wrapped(block: list[SourceLine]) -> list[Paragraph]:
    """Join hard-wrapped lines of one block into paragraphs (teachable decided later)."""
    units: list[Paragraph] = []
    text = ""
    starts: list[tuple[int, int]] = []
    for line in block:
        if text and _continues(text, line.text):
            separator = "" if text.endswith("-") and line.text[0].islower() else " "
            text += separator
            starts.append((len(text), line.number))
            text += line.text
            continue
        if text:
            units.append(Paragraph(text, True, tuple(starts)))
        text, starts = line.text, [(0, line.number)]
    if text:
        units.append(Paragraph(text, True, tuple(starts)))
    return units


def _continues(text: str, next_line: str) -> bool:
    """Whether `next_line` goes on with the sentence that `text` leaves open."""
    if ends_like_sentence(text):
        return next_line[0].islower()
    if next_line[0].islower() or text.endswith(_CONTINUES):
        return True
    last_word = text.rsplit(" ", 1)[-1].casefold()
    return last_word in _FUNCTION_WORDS
