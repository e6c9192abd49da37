"""Cleaning one line of seed text: citation markers, quotes, whitespace, Unicode form."""

from __future__ import annotations

import re
import unicodedata

# Wikipedia-style inline markers: [6], [6][7], [6]:12, [12-14], [a], [note 1], [nb 2], and the
# editorial tags ([citation needed], [who?], [dubious - discuss], ...). Bracketed prose such as
# "[the king]" is kept: only digits, one or two letters, numbered notes and known tags go.
_EDITORIAL = (
    r"[a-z -]{0,40}\bneeded"  # [citation needed], [further explanation needed], ...
    r"|better source|failed verification"
    r"|original research\??|unreliable source\??|according to whom\??|by whom\??"
    r"|who\??|whom\??|when\??|which\??|where\??|why\??|how\??|dubious(?:\s*[-–—]\s*discuss)?"
    r"|disputed(?:\s*[-–—]\s*discuss)?|discuss|vague|specify|clarify|citation\?|sic\?"
    r"|not in citation given|non-primary source needed|self-published source\??|update"
)
_MARKER = re.compile(
    r"\s?\[(?:"
    r"\d{1,4}(?:\s*[-–,]\s*\d{1,4})*"  # [6] [12-14] [3, 4]
    r"|[a-z]{1,2}"  # [a] [bb]
    r"|(?:note|nb|n|fn|lower-alpha|upper-alpha)\s?[a-z0-9]{1,3}"  # [note 1] [nb 2]
    rf"|{_EDITORIAL}"
    r")\](?::\s?\d{1,4}(?:[-–]\d{1,4})?)?",  # a page reference after the marker: [6]:12
    re.IGNORECASE,
)
# A page reference left behind after its marker was removed: "colonialism.:116 Thus".
_ORPHAN_PAGE = re.compile(r"(?<=[.,;!?\"')]):\d{1,4}(?:[-–]\d{1,4})?(?=\s|$)")
_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u2033": '"',
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": None,
        "\u200c": None,
        "\u200d": None,
        "\u2060": None,
        "\ufeff": None,
        "\u00ad": None,  # soft hyphen
    }
)
# "stories.Political geographers": a space lost between two sentences.
# (The full stop comes first in the pattern so that the search can skip to each one.)
_GLUED_SENTENCES = re.compile(r"\.(?<=[a-z]{3}\.)(?=[A-Z][a-z]{2})")
_SPACE_BEFORE_PUNCT = re.compile(r"\s+([.,;:!?)\]])")
_SPACE_AFTER_OPEN = re.compile(r"([(\[])\s+")


def strip_citations(text: str) -> str:
    """Remove citation markers and editorial tags, keeping the words around them apart."""
    # A marker glued between two words ("France[17]since") must leave a space behind; a
    # marker before punctuation must not ("France[17]." -> "France.").
    if "[" in text:
        text = _MARKER.sub(" ", text)
    return _ORPHAN_PAGE.sub("", text) if ":" in text else text


def normalise(text: str) -> str:
    """NFC form, straight quotes, single spaces, no space before closing punctuation."""
    if not text.isascii():  # ASCII is in NFC already, and holds no curly quote
        text = unicodedata.normalize("NFC", text).translate(_QUOTES)
    text = " ".join(text.split())  # str.split and re's \s agree on what whitespace is
    text = _SPACE_BEFORE_PUNCT.sub(r"\1", text)
    text = _GLUED_SENTENCES.sub(". ", text)
    return _SPACE_AFTER_OPEN.sub(r"\1", text)


def clean_line(text: str) -> str:
    """One line of plain seed text made clean: no markers, normalised quotes and spacing."""
    return normalise(strip_citations(text))
