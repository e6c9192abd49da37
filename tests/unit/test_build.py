"""The build pipeline: titles, sources in the original file, stable ids, clause facts,
questions only for teachable facts, determinism."""

from __future__ import annotations

from pathlib import Path

import pytest

from clio.core.facts import Fact, FactBase, Question
from clio.factbase import build as build_module
from clio.factbase.answering import QuickAnswerer
from clio.factbase.build import build_fact_base
from clio.factbase.distractors import DistractorPool

SEED = Path(__file__).resolve().parents[2] / "seeds" / "treaty-of-paris-1856.txt"


def make_seeds(folder: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def facts_of(fact_base: FactBase) -> list[Fact]:
    return [fact for topic in fact_base.topics for fact in topic.facts]


def test_title_is_the_first_line_or_else_the_file_name(tmp_path: Path) -> None:
    make_seeds(
        tmp_path,
        {
            "Black_Death.txt": "The Black Death was a plague. It killed millions.\n",
            "crimea.md": "# The Crimean War\n\nIt ended in 1856 in Paris.\n",
            "paris.txt": "Treaty of Paris (1856)\n\nIt ended the Crimean War in 1856.\n",
        },
    )
    fact_base = build_fact_base(tmp_path)
    assert [(t.id, t.title) for t in fact_base.topics] == [
        ("black-death", "Black Death"),
        ("crimea", "The Crimean War"),
        ("paris", "Treaty of Paris (1856)"),
    ]
    # A prose first line is taught; a title line is not a fact at all.
    assert fact_base.topics[0].facts[0].text == "The Black Death was a plague."
    assert [f.text for f in fact_base.topics[2].facts] == ["It ended the Crimean War in 1856."]


def test_sources_name_the_original_line(tmp_path: Path) -> None:
    text = (
        "A Title\n"  # 1
        "\n"
        "[1] The war began in 1853. The allies\n"  # 3
        "landed in the Crimea in 1854.[2]\n"  # 4
        "\n"
        "Peace came in 1856.\n"  # 6
    )
    make_seeds(tmp_path, {"europe/war.txt": text})
    facts = facts_of(build_fact_base(tmp_path))
    assert [(f.text, str(f.source)) for f in facts] == [
        ("The war began in 1853.", "europe/war.txt:3"),
        ("The allies landed in the Crimea in 1854.", "europe/war.txt:3"),
        ("Peace came in 1856.", "europe/war.txt:6"),
    ]
    assert [f.position for f in facts] == [0, 1, 2]


def test_markdown_seed_is_reduced_to_text(tmp_path: Path) -> None:
    text = "# Crimea\n\nThe **allies** won at [Alma](https://x.org).\n\n## Aftermath\n"
    make_seeds(tmp_path, {"crimea.md": text})
    facts = facts_of(build_fact_base(tmp_path))
    assert [(f.text, f.source.line, f.teachable) for f in facts] == [
        ("The allies won at Alma.", 3, True),
        ("Aftermath", 5, False),
    ]


def test_ids_survive_a_rebuild_and_unrelated_edits(tmp_path: Path) -> None:
    first = "The war began in 1853. The allies landed in 1854.\n\nPeace came in 1856.\n"
    make_seeds(tmp_path, {"war.txt": first})
    before = {f.text: f.id for f in facts_of(build_fact_base(tmp_path))}
    assert before == {f.text: f.id for f in facts_of(build_fact_base(tmp_path))}
    edited = "An added line about the war here.\n\nThe war began in 1853.\n\nPeace came in 1856.\n"
    make_seeds(tmp_path, {"war.txt": edited})
    after = {f.text: f.id for f in facts_of(build_fact_base(tmp_path))}
    assert after["The war began in 1853."] == before["The war began in 1853."]
    assert after["Peace came in 1856."] == before["Peace came in 1856."]


def test_treaty_seed_splits_the_semicolon_sentence_into_clauses() -> None:
    fact_base = build_fact_base(SEED.parent)
    [topic] = fact_base.topics
    clauses = [f for f in topic.facts if f.text != f.sentence]
    assert [f.text for f in clauses] == [
        'The war revealed to the world just how important solving the "Eastern Question" '
        "was to the stability of Europe.",
        "However, the Peace of Paris provided no clear answer or guidance.",
    ]
    assert clauses[0].sentence == clauses[1].sentence
    assert clauses[0].id != clauses[1].id
    assert not any("[" in f.text for f in topic.facts)
    assert sum(not f.teachable for f in topic.facts) == 6


def test_questions_are_asked_of_teachable_facts_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def fake_generate(fact: Fact, *, pool: DistractorPool) -> list[Question]:
        asked.append(fact.text)
        return []

    monkeypatch.setattr(build_module, "generate_questions", fake_generate)
    make_seeds(tmp_path, {"war.txt": "The war began in 1853.\n\nA map of Crimea\nA caption\n"})
    build_fact_base(tmp_path)
    assert asked == ["The war began in 1853."]


def test_repeated_statement_is_one_fact(tmp_path: Path) -> None:
    make_seeds(tmp_path, {"war.txt": "The war began in 1853.\n\nThe war  began in 1853.\n"})
    facts = facts_of(build_fact_base(tmp_path))
    assert [(f.text, f.source.line) for f in facts] == [("The war began in 1853.", 1)]


def test_build_is_deterministic() -> None:
    assert build_fact_base(SEED.parent) == build_fact_base(SEED.parent)


def test_a_sentence_cut_short_is_context(tmp_path: Path) -> None:
    make_seeds(tmp_path, {"war.txt": "The war began in 1853. His name was recorded as follows:\n"})
    facts = facts_of(build_fact_base(tmp_path))
    assert [(f.text, f.teachable) for f in facts] == [
        ("The war began in 1853.", True),
        ("His name was recorded as follows:", False),
    ]


class RecordingProgress:
    def __init__(self) -> None:
        self.total: float | None = None
        self.done = 0.0

    def reset(self, total: float | None = None) -> None:
        self.total = total

    def update(self, n: float | None = 1) -> bool | None:
        self.done += n or 0
        return None


def test_progress_counts_seed_bytes(tmp_path: Path) -> None:
    make_seeds(tmp_path, {"a.txt": "The war began in 1853.\n", "b.md": "# B\n\nPeace came.\n"})
    (tmp_path / "c.txt").write_bytes(b"\x00")
    progress = RecordingProgress()
    result = build_module.build_seeds(tmp_path, progress=progress)
    assert progress.total == progress.done == result.seed_bytes == 23 + 18


def test_a_number_too_long_to_convert_is_text_not_a_crash(tmp_path: Path) -> None:
    # Python refuses to turn more than 4,300 digits into an int; a seed may still hold them.
    digits = "7" * 5000
    seeds = make_seeds(
        tmp_path,
        {
            "codes.txt": "Codes\n\nThe Treaty of Paris was signed in 1856 by Russia. "
            f"The code was {digits} in that year. It was {digits}th in a later list.\n"
        },
    )
    fact_base = build_fact_base(seeds)
    assert len(facts_of(fact_base)) == 3
    answerer = QuickAnswerer.from_fact_base(fact_base)
    assert answerer.answer("When was the Treaty of Paris signed?").answer == "1856"
    # Asked about, the run of digits finds its own sentence like any other word.
    assert answerer.answer(f"What was the code in {digits}?").sentence == (
        f"The code was {digits} in that year."
    )
