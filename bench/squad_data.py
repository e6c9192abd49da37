"""SQuAD 2.0 files as Clio seeds and questions, and SQuAD's answer normalisation."""

from __future__ import annotations

import json
import re
import string
import tempfile
from dataclasses import dataclass
from pathlib import Path

from clio.core.facts import FactBase
from clio.factbase.build import build_fact_base

DATA = Path("/work/shared/data/squad-history")
DEV, TUNE, DEV_SEEDS = DATA / "dev.json", DATA / "tune.json", DATA / "dev-seeds"


@dataclass(frozen=True)
class Item:
    """One SQuAD question: its article, text and gold answers (none: unanswerable)."""

    id: str
    title: str
    question: str
    answers: tuple[str, ...]

    @property
    def answerable(self) -> bool:
        return bool(self.answers)


def load_items(path: Path) -> list[Item]:
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    return [
        Item(qa["id"], article["title"], qa["question"], tuple(a["text"] for a in qa["answers"]))
        for article in data
        for paragraph in article["paragraphs"]
        for qa in paragraph["qas"]
    ]


def article_texts(path: Path) -> dict[str, str]:
    """Each article's paragraphs joined by blank lines, as dev-seeds were made."""
    data = json.loads(path.read_text(encoding="utf-8"))["data"]
    return {a["title"]: "\n\n".join(p["context"] for p in a["paragraphs"]) for a in data}


def seed_texts(folder: Path) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))}


def build_from_texts(texts: dict[str, str]) -> FactBase:
    """Build through Clio's own seed pipeline. Seeds open with a title line, so the article
    title is written first: the SQuAD seed files start straight with a paragraph."""
    with tempfile.TemporaryDirectory() as tmp:
        for title, text in texts.items():
            (Path(tmp) / f"{title}.txt").write_text(f"{title}\n\n{text}\n", encoding="utf-8")
        return build_fact_base(Path(tmp))


_ARTICLES = re.compile(r"\b(a|an|the)\b")
_PUNCTUATION = set(string.punctuation)


def normalise(text: str) -> str:
    """SQuAD's normalisation: lower case, no punctuation, no articles, single spaces."""
    text = "".join(ch for ch in text.lower() if ch not in _PUNCTUATION)
    return " ".join(_ARTICLES.sub(" ", text).split())


def hit(item: Item, reply: str) -> bool:
    """A gold answer occurs, as whole words, in the normalised reply."""
    padded = f" {normalise(reply)} "
    return any(f" {normalise(a)} " in padded for a in item.answers if normalise(a))


def loose_hit(item: Item, reply: str) -> bool:
    """A gold answer occurs anywhere in the reply, ignoring case ("1856" in "1856)" and also
    "war" in "warfare"): the looser rule that reproduces the issue's BM25 figure."""
    folded = reply.casefold()
    return any(a.casefold() in folded for a in item.answers if a.strip())
