"""Markdown reduced to plain text, line by line, so every fact keeps its original line number.

Only the syntax seed authors write is handled (ATX and Setext headings, emphasis, inline
code, links, images, lists, block quotes, code fences, tables, HTML tags, reference
definitions); a full CommonMark parser would lose the one-line-in, one-line-out mapping.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_ATX = re.compile(r"^\s{0,3}#{1,6}(?:\s+|$)(.*?)(?:\s+#+)?\s*$")
_SETEXT = re.compile(r"^\s{0,3}(?:=+|-{2,})\s*$")
_RULE = re.compile(r"^\s{0,3}(?:(?:\*\s*){3,}|(?:_\s*){3,}|(?:-\s*){3,})$")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s+\S+")
_IMAGE_ONLY = re.compile(r"^\s*!\[([^\]]*)\]\([^)]*\)\s*$")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_AUTOLINK = re.compile(r"<(https?://[^>]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_CODE = re.compile(r"`+([^`]*)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EMPH_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EMPH_UNDER = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_QUOTE = re.compile(r"^\s{0,3}(?:>\s?)+")
_ITEM = re.compile(r"^\s*(?:[-*+]|\d{1,9}[.)])\s+")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|>~])")
# Escaped characters live in a private-use block while inline syntax is reduced.
_ESCAPED_BASE = 0xF0000
_UNESCAPE = re.compile("[\U000f0000-\U000f007f]")


@dataclass(frozen=True, slots=True)
class ReducedLine:
    """A Markdown line as plain text, with what it was."""

    text: str
    heading: bool = False
    caption: bool = False
    item: bool = False
    setext_underline: bool = False


class MarkdownReducer:
    """Feeds lines one at a time; remembers whether it is inside a code fence or the front
    matter."""

    def __init__(self) -> None:
        self._fence: str | None = None
        self._lines = 0
        self._front_matter = False

    def feed(self, line: str) -> ReducedLine:
        self._lines += 1
        if self._lines == 1 and line.strip() == "---":
            self._front_matter = True  # YAML front matter: metadata, not prose
        if self._front_matter:
            if self._lines > 1 and line.strip() in ("---", "..."):
                self._front_matter = False
            return ReducedLine("")
        fence = _FENCE.match(line)
        if self._fence is not None:
            # Code is not prose: never taught, never searched.
            if fence and fence.group(1) == self._fence:
                self._fence = None
            return ReducedLine("")
        if fence:
            self._fence = fence.group(1)
            return ReducedLine("")
        return _reduce_block(line)


def _reduce_block(line: str) -> ReducedLine:
    if _SETEXT.match(line):
        # Under a line of text it makes a heading; after a blank line it is a rule.
        return ReducedLine("", setext_underline=True)
    if _RULE.match(line) or _REF_DEF.match(line) or _TABLE_RULE.match(line):
        return ReducedLine("")
    heading = _ATX.match(line)
    if heading:
        return ReducedLine(reduce_inline(heading.group(1)), heading=True)
    image = _IMAGE_ONLY.match(line)
    if image:
        return ReducedLine(reduce_inline(image.group(1)), caption=True)
    line = _QUOTE.sub("", line)
    item = _ITEM.match(line)
    if item:
        line = line[item.end() :]
    if line.lstrip().startswith("|"):
        # A table row: its cells are context, not sentences.
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        return ReducedLine(" ; ".join(reduce_inline(c) for c in cells if c), caption=True)
    return ReducedLine(reduce_inline(line), item=item is not None)


def reduce_inline(text: str) -> str:
    """Inline Markdown to its words: links keep their text, images their alt text."""
    # Escaped characters are set aside first so that "\\*" is never read as emphasis.
    text = _ESCAPE.sub(lambda match: chr(_ESCAPED_BASE + ord(match.group(1))), text)
    text = _CODE.sub(r"\1", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    for pattern in (_STRONG, _STRIKE):
        text = pattern.sub(r"\2" if pattern is _STRONG else r"\1", text)
    text = _EMPH_STAR.sub(r"\1", text)
    text = _EMPH_UNDER.sub(r"\1", text)
    return _UNESCAPE.sub(lambda match: chr(ord(match.group(0)) - _ESCAPED_BASE), text)
