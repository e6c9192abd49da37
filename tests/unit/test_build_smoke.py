"""The bundled seed builds into a fact base whose facts keep their sources."""

from __future__ import annotations

from pathlib import Path

from clio.factbase.build import build_fact_base, fact_id

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def test_bundled_seed_builds_with_sources() -> None:
    fact_base = build_fact_base(SEEDS)
    [topic] = fact_base.topics
    assert topic.title == "Treaty of Paris (1856)"
    first = topic.facts[0]
    assert "Alexander II took the crown of Russia in 1855" in first.text
    assert first.source.path == "treaty-of-paris-1856.txt"
    assert first.source.line == 3


def test_fact_id_ignores_case_and_spacing_but_not_topic() -> None:
    assert fact_id("t", "The  Crimean War.") == fact_id("t", "the crimean war.")
    assert fact_id("t", "The Crimean War.") != fact_id("u", "The Crimean War.")
