"""Apply authored questions to the generated ones: drop the disabled, add the hand-written."""

from __future__ import annotations

from collections.abc import Iterable

from clio.core.errors import AuthoredQuestionsMismatch
from clio.core.facts import Fact, Question
from clio.factbase.authored import Authored, AuthoredQuestion, Disable, FactRef, Location
from clio.factbase.questions import question_id


def apply_authored(
    questions: Iterable[Question], facts: Iterable[Fact], authored: Authored
) -> list[Question]:
    """The generated `questions` less those `authored` disables, plus its own questions
    (an authored question replaces a generated one with the same id). Every reference that
    names no fact or no question is reported, all together, as a located `ContentError`."""
    facts = list(facts)
    errors: list[str] = []
    resolver = _FactResolver(facts)
    kept = {q.id: q for q in questions}
    for rule in authored.disable:
        matched = _disabled_by(rule, kept.values(), resolver, errors)
        if matched is not None and not matched:  # [] from an untaught fact is no surprise
            errors.append(f"{rule.where}: disables nothing: no generated question matches")
        for question in matched or ():
            kept.pop(question.id, None)
    added: dict[str, Location] = {}
    for entry in authored.questions:
        fact = resolver.resolve(entry.fact, entry.where, errors)
        if fact is None:
            continue
        if not fact.teachable:
            errors.append(f"{entry.where}: the fact is not taught (a caption or heading)")
            continue
        question = _to_question(entry, fact)
        if question.id in added:
            errors.append(f"{entry.where}: the same question as at {added[question.id]}")
            continue
        added[question.id] = entry.where
        kept[question.id] = question
    if errors:
        raise AuthoredQuestionsMismatch(
            f"{len(errors)} problem(s) applying authored questions:\n" + "\n".join(errors)
        )
    return list(kept.values())


def _disabled_by(
    rule: Disable, questions: Iterable[Question], resolver: _FactResolver, errors: list[str]
) -> list[Question] | None:
    """The questions `rule` matches; None when its fact is missing (already reported) or
    not taught."""
    if rule.question_id is not None:
        return [q for q in questions if q.id == rule.question_id]
    assert rule.fact is not None  # the loader guarantees an id or a fact
    fact = resolver.resolve(rule.fact, rule.where, errors)
    if fact is None or not fact.teachable:
        # An untaught fact (a caption, a heading) has no questions to disable: the rule
        # already holds, e.g. once the build learns to recognise a caption by itself.
        return None
    return [
        q
        for q in questions
        if q.fact_id == fact.id
        and (rule.kind is None or q.kind is rule.kind)
        and (rule.answer is None or q.answer == rule.answer)
    ]


def _to_question(entry: AuthoredQuestion, fact: Fact) -> Question:
    return Question(
        id=question_id(fact.id, entry.kind, entry.answer),
        fact_id=fact.id,
        kind=entry.kind,
        prompt=entry.prompt,
        answer=entry.answer,
        explanation=entry.explanation or fact.sentence,
        source=fact.source,
        accepted=entry.accepted,
        choices=entry.choices,
        authored=True,
    )


class _FactResolver:
    """Finds the fact an authored entry names: by id, or by topic and a quote of its text
    (matched ignoring case and spacing; it must match exactly one fact)."""

    def __init__(self, facts: list[Fact]) -> None:
        self._by_id = {fact.id: fact for fact in facts}
        self._by_topic: dict[str, list[Fact]] = {}
        for fact in facts:
            self._by_topic.setdefault(fact.topic_id, []).append(fact)

    def resolve(self, ref: FactRef, where: Location, errors: list[str]) -> Fact | None:
        if ref.fact_id is not None:
            fact = self._by_id.get(ref.fact_id)
            if fact is None:
                errors.append(f"{where}: no fact has id '{ref.fact_id}'")
            return fact
        assert ref.topic is not None and ref.quote is not None
        topic = self._by_topic.get(ref.topic)
        if topic is None:
            known = ", ".join(sorted(self._by_topic)) or "none"
            errors.append(f"{where}: no topic '{ref.topic}' (topics: {known})")
            return None
        quote = _normalised(ref.quote)
        found = [fact for fact in topic if quote in _normalised(fact.text)]
        if len(found) != 1:
            how = "no fact" if not found else f"{len(found)} facts"
            errors.append(f"{where}: {how} of topic '{ref.topic}' quote '{ref.quote}'")
            return None
        return found[0]


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())
