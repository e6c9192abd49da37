"""Cleaning a line: citation markers, editorial tags, quotes, spacing and Unicode form."""

from __future__ import annotations

import unicodedata

import pytest

from clio.factbase.cleaning import clean_line


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("[6][7] When Alexander II took the crown.", "When Alexander II took the crown."),
        ("[10] Although there was a call.", "Although there was a call."),
        ("[citation needed] The defeat.", "The defeat."),
        ("Britain and France[17] since it would.", "Britain and France since it would."),
        ("in France.[17] The", "in France. The"),
        ("the war[a] ended", "the war ended"),
        ("the war[note 1] ended", "the war ended"),
        ("the war[nb 2] ended", "the war ended"),
        ("the war[12-14] ended", "the war ended"),
        ("the war[3, 4] ended", "the war ended"),
        ("the war[6]:12 ended", "the war ended"),
        ("he won.[who?] Then", "he won. Then"),
        ("it was large[dubious – discuss].", "it was large."),
        ("it was large [clarification needed].", "it was large."),
        ("a political focus.[further explanation needed]", "a political focus."),
        ("of colonialism.:116 Thus it", "of colonialism. Thus it"),
        ("the ratio 3:2 stays", "the ratio 3:2 stays"),
        ("these stories.Political geographers", "these stories. Political geographers"),
        ("see example.com or Mr.Smith", "see example.com or Mr.Smith"),
        ("the [king] rode", "the [king] rode"),  # bracketed words are kept
        ("“Go,” he said, ‘now’.", "\"Go,\" he said, 'now'."),
        ("Russia\u2019s empire", "Russia's empire"),
        ("too   many\tspaces\u00a0here ", "too many spaces here"),
        ("a ( spaced ) aside .", "a (spaced) aside."),
        ("soft\u00adhyphen and zero\u200bwidth", "softhyphen and zerowidth"),
    ],
)
def test_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


def test_clean_line_is_nfc() -> None:
    decomposed = "E\u0301pinal print"  # E + combining acute
    cleaned = clean_line(decomposed)
    assert cleaned == "Épinal print"
    assert unicodedata.is_normalized("NFC", cleaned)
