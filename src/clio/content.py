"""Loading the project's content: the fact base from seeds/ (cached) and the tutor built on it
with the flows of dialogs/. Kept apart from `bootstrap` (the database and the service), so
`clio ask`, `clio build` and `clio facts` start without importing what they never use."""

from __future__ import annotations

from clio.core.facts import FactBase
from clio.core.tutor import Tutor
from clio.dialogs.loader import load_flows
from clio.factbase.answering import QuickAnswerer
from clio.factbase.cache import load_or_build
from clio.settings import Settings


def load_fact_base(settings: Settings) -> FactBase:
    """The project's fact base: seeds/ with the authored questions of dialogs/, from the
    content-keyed cache when nothing changed."""
    return load_or_build(
        settings.seeds_dir, cache_dir=settings.cache_dir, dialogs_dir=settings.dialogs_dir
    ).fact_base


def build_tutor(settings: Settings) -> Tutor:
    """Load content once: flows from dialogs/, the fact base from seeds/ (cached)."""
    flows = load_flows(settings.dialogs_dir)
    facts = load_fact_base(settings)
    return Tutor.create(flows=flows, facts=facts, answerer=QuickAnswerer.from_fact_base(facts))
