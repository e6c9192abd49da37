"""Who/when/where/what questions made from a fact's main clause, only where it is plain.

A clause qualifies when it opens with a named subject and a simple-past verb ("Alexander II
pursued ...") or a passive ("Russia was forced ..."), optionally after "When" or "In 1855,".
Anything else is skipped: a missing question is better than a garbled one."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from clio.core.facts import Entity, EntityKind, Fact, QuestionKind
from clio.factbase import cues
from clio.factbase import gazetteer as gz

_LEADING_NOISE = re.compile(r"^(?:\s*\[[^\]]*\])*\s*")
_CLAUSE_END = re.compile(r"[,;:(—–]|\s-\s|\.$")
_NEXT_WORD = re.compile(r"\s+([A-Za-z]+)")
_PERSONISH = frozenset([EntityKind.PERSON, EntityKind.ORGANISATION])
# Words that open a phrase before the subject ("After the war, ...").
_OPENER = re.compile(
    r"(?:After|Following|During|Under|Before|Despite|By|Upon|Through|Throughout|Within|"
    r"Later|Eventually|Meanwhile|Soon|Thereafter|Subsequently|In|At|On|With) "
)
_PRONOUN = re.compile(r"\b(?:he|his|him|she|her|it|its|they|their|them|this|these|that)\b", re.I)
# In a "who" question these point at someone the question no longer names.
_LEANS = re.compile(
    r"\b(?:he|his|him|himself|she|her|herself|it|its|they|their|them|themselves|this|that|"
    r"these|those|such|latter|former|also|other|same|larger|greater|smaller|more|less)\b",
    re.I,
)
# After a comma, a lone lower-case word and another comma or "and": a list goes on.
_LIST_GOES_ON = re.compile(r",\s+(?:and\s+|or\s+)?[a-z][\w-]*(?:,|\s+(?:and|or)\b)")
# A date or place after one of these belongs to a clause inside the clause.
_SUBORDINATE = re.compile(
    r"\b(?:that|which|who|whom|whose|when|where|while|because|after|before|until|since|as|if)\b"
)
_WHEN_DATE = re.compile(r"^(?:\d{3,4}|\d{3,4}s|[A-Z][a-z]+\.? \d{1,2}, \d{3,4}|[A-Z][a-z]+ \d{4})$")


@dataclass(frozen=True, slots=True)
class WhQuestion:
    kind: QuestionKind
    prompt: str
    answer: Entity


@dataclass(frozen=True, slots=True)
class _Clause:
    subject: Entity
    subject_text: str  # as it reads mid-sentence: "the Ottomans"
    verb: str  # "pursued"; for a passive, the participle
    auxiliary: str | None  # "was"/"were" for a passive
    start: int  # where the words after the verb begin, in fact.text
    end: int  # where the clause ends
    date: Entity | None = None  # a date given before the clause ("In 1855, ...")
    prefix: str = ""  # an opening phrase kept in the question ("After the war, who ...?")


def wh_questions(fact: Fact) -> list[WhQuestion]:
    """The wh-questions `fact` plainly supports (often none)."""
    clause = _main_clause(fact)
    if clause is None:
        return []
    found = [_who(fact, clause), _when(fact, clause), _where(fact, clause), _what(fact, clause)]
    return [
        q for q in found if q is not None and q.answer.text not in q.prompt and not _rival(fact, q)
    ]


def _rival(fact: Fact, question: WhQuestion) -> bool:
    """Another entity of the answer's kind that the question leaves out may answer it too:
    "Who bore the Mandate of Heaven?" drops "following the Song dynasty"."""
    family = _PERSONISH if question.answer.kind in _PERSONISH else {question.answer.kind}
    return any(
        e.kind in family and e != question.answer and e.text not in question.prompt
        for e in fact.entities
    )


def _main_clause(fact: Fact) -> _Clause | None:
    text = fact.text
    at = _LEADING_NOISE.match(text).end()  # type: ignore[union-attr]
    date = None
    if text.startswith("When ", at):
        at += len("When ")
    elif text.startswith("In ", at) and _entity_at(fact, at + 3, {EntityKind.DATE}):
        date = _entity_at(fact, at + 3, {EntityKind.DATE})
        if date is None or not text.startswith(", ", date.end):
            return None
        at = date.end + 2
    elif _OPENER.match(text, at):
        return _after_opening_phrase(fact, at)
    return _clause_at(fact, at, date=date)


def _after_opening_phrase(fact: Fact, at: int) -> _Clause | None:
    """ "After the fall of Rome, the Goths ..." keeps its opening phrase in the question;
    a phrase with a pronoun ("After his death") leans on the sentence before: skipped."""
    comma = fact.text.find(", ", at, at + 120)
    if comma < 0:
        return None
    prefix = fact.text[at:comma]
    if (
        len(prefix.split()) > 6
        or _PRONOUN.search(prefix)
        or any(e.start < comma < e.end for e in fact.entities)
    ):
        return None
    clause = _clause_at(fact, comma + 2, date=None)
    return None if clause is None else replace(clause, prefix=prefix)


def _clause_at(fact: Fact, at: int, *, date: Entity | None) -> _Clause | None:
    text = fact.text
    article = text.startswith(("The ", "the "), at)
    subject = _entity_at(fact, at + 4 if article else at, set(EntityKind) - {EntityKind.DATE})
    if subject is None or subject.kind is EntityKind.NUMBER:
        return None
    subject_text = ("the " if article else "") + subject.text
    first = _NEXT_WORD.match(text, subject.end)
    if first is None:
        return None
    auxiliary, verb, after = None, first.group(1), first.end()
    if verb in {"was", "were"}:
        second = _NEXT_WORD.match(text, first.end())
        if second is None or not gz.is_past_participle(second.group(1)):
            return None
        auxiliary, verb, after = first.group(1), second.group(1), second.end()
    elif not gz.is_past_verb(verb):
        return None
    end = _CLAUSE_END.search(text, after)
    clause_end = end.start() if end else len(text)
    if clause_end - after < 4 or not _ends_cleanly(text[after:clause_end]):
        return None
    if _LIST_GOES_ON.match(text, clause_end):
        return None  # "promoted commercial, scientific, and cultural growth": cut mid-list
    return _Clause(subject, subject_text, verb, auxiliary, after, clause_end, date)


def _ends_cleanly(words: str) -> bool:
    """A clause cut at a comma must not stop mid-phrase: "stating that", "a major political"
    (the list went on after the comma), "William E" (an initial)."""
    last = words.split()[-1] if words.split() else ""
    if len(last) == 1 or last.casefold() in cues.FUNCTION_WORDS:
        return False
    if last[:1].isupper() and gz.looks_like_demonym(last):
        return False
    return not gz.is_adjective_only(last)


def _coordinated(rest: str) -> bool:
    """ "... and became Great Khan": a second verb that "did ...?" cannot carry."""
    words = rest.split()
    if words and words[0] in {"and", "or"}:
        return True
    return any(
        a in {"and", "or"} and (gz.is_past_verb(b) or b in {"also", "then"})
        for a, b in itertools.pairwise(words)
    )


def _entity_at(fact: Fact, start: int, kinds: set[EntityKind]) -> Entity | None:
    return next((e for e in fact.entities if e.start == start and e.kind in kinds), None)


def _rest(fact: Fact, clause: _Clause, *, without: Entity | None = None, lead: str = "") -> str:
    """The clause after its verb, less " in <without>" when given."""
    text = fact.text
    if without is None:
        return text[clause.start : clause.end].strip()
    cut = without.start - len(lead)
    return (text[clause.start : cut] + text[without.end : clause.end]).strip()


def _lead(clause: _Clause, wh: str) -> str:
    """The question word, after the opening phrase when there is one."""
    return f"{clause.prefix}, {wh.lower()}" if clause.prefix else wh


def _ask(clause: _Clause, wh: str, rest: str) -> str:
    """ "When did Alexander II take ...?" or "When was Russia forced ...?"."""
    if clause.auxiliary:
        return f"{_lead(clause, wh)} {clause.auxiliary} {clause.subject_text} {clause.verb} {rest}?"
    return f"{_lead(clause, wh)} did {clause.subject_text} {gz.verb_lemma(clause.verb)} {rest}?"


def _who(fact: Fact, clause: _Clause) -> WhQuestion | None:
    subject = clause.subject
    group = subject.kind is EntityKind.TERM and subject.text.endswith("s")
    if subject.kind not in _PERSONISH and not group:
        return None
    verb = f"{clause.auxiliary} {clause.verb}" if clause.auxiliary else clause.verb
    rest = _rest(fact, clause)
    if _LEANS.search(rest):
        return None  # "Who furnished regiments of his army?": whose army, once he is gone?
    if clause.date is not None:
        rest = f"{rest} in {clause.date.text}"
    return WhQuestion(QuestionKind.WHO, f"{_lead(clause, 'Who')} {verb} {rest}?", subject)


def _when(fact: Fact, clause: _Clause) -> WhQuestion | None:
    if clause.prefix:
        return None  # "After the war, when did ...?" asks a time the phrase half gives
    if clause.date is not None:
        rest = _rest(fact, clause)
        if _coordinated(rest):
            return None
        return WhQuestion(QuestionKind.WHEN, _ask(clause, "When", rest), clause.date)
    date = _adverbial(fact, clause, EntityKind.DATE)
    if date is None or not _WHEN_DATE.match(date.text):
        return None
    rest = _rest(fact, clause, without=date, lead=" in ")
    if not rest or _coordinated(rest):
        return None
    return WhQuestion(QuestionKind.WHEN, _ask(clause, "When", rest), date)


def _where(fact: Fact, clause: _Clause) -> WhQuestion | None:
    place = _adverbial(fact, clause, EntityKind.PLACE)
    if place is None or place is clause.subject:
        return None
    rest = _rest(fact, clause, without=place, lead=" in ")
    if not rest or _coordinated(rest):
        return None
    return WhQuestion(QuestionKind.WHERE, _ask(clause, "Where", rest), place)


def _adverbial(fact: Fact, clause: _Clause, kind: EntityKind) -> Entity | None:
    """The one entity of `kind` written "in <entity>" inside the clause, ending it or
    followed by another "in ..." (so it tells where or when the verb happened)."""
    text = fact.text
    found = [
        e
        for e in fact.entities
        if e.kind is kind
        and clause.start <= e.start < clause.end
        and text[: e.start].endswith(" in ")
        and not _SUBORDINATE.search(text[clause.start : e.start])
        and (e.end >= clause.end or text.startswith((" in ", " on ", " at "), e.end))
    ]
    return found[0] if len(found) == 1 else None


def _what(fact: Fact, clause: _Clause) -> WhQuestion | None:
    if clause.auxiliary:
        return None
    text = fact.text
    at = clause.start + 1
    at += 4 if text.startswith("the ", at) else 0
    target = _entity_at(fact, at, {EntityKind.EVENT, EntityKind.ORGANISATION})
    if target is None or target.end > clause.end:
        return None
    rest = text[target.end : clause.end].strip()
    if rest.startswith(("to ", "of ")) or _coordinated(rest):
        return None  # "requested Congress to appropriate ...": not what was requested
    prompt = f"{_lead(clause, 'What')} did {clause.subject_text} {gz.verb_lemma(clause.verb)}"
    return WhQuestion(QuestionKind.WHAT, f"{prompt} {rest}?" if rest else f"{prompt}?", target)
