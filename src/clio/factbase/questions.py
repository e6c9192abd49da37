"""Question generation: sound questions for a fact, with answers, variants and distractors.

Per teachable fact: up to two cloze questions (a key entity blanked), the wh-questions its
main clause plainly supports, one multiple choice with three same-type distractors, and one
true/false statement (true as written, or made false by a same-type swap). Every choice is
seeded from the fact id, so a rebuild gives the same questions with the same ids."""

from __future__ import annotations

import hashlib
import random
import re

from clio.core.facts import Entity, EntityKind, Fact, Question, QuestionKind
from clio.factbase import gazetteer as gz
from clio.factbase.distractors import DistractorPool, is_variant
from clio.factbase.variants import accepted_variants
from clio.factbase.wh import WhQuestion, wh_questions

BLANK = "_____"
MAX_CLOZES = 2
# Which entity best tests a fact, most telling first.
_PRIORITY = [
    EntityKind.DATE,
    EntityKind.PERSON,
    EntityKind.EVENT,
    EntityKind.PLACE,
    EntityKind.ORGANISATION,
    EntityKind.NUMBER,
    EntityKind.TERM,
]
_STATEMENT_END = re.compile(r"[.!?][\"'”’)]*(?:\s*\[[^\]]*\])*\s*$")
_FIRST_WORD = re.compile(r"^(?:\s*\[[^\]]*\])*\s*([A-Za-z]+)")
_CONTEXT_WORDS = frozenset(
    ["He", "She", "It", "They", "His", "Her", "Its", "Their", "This", "These", "That", "Those",
     "Him", "Them", "Such", "There"]
)  # fmt: skip
# "In relative terms, this was ...": a pronoun subject after an opening phrase.
_SUBJECT_AFTER_PHRASE = re.compile(
    r"^(?:[^,]{0,80},\s+|(?:[A-Za-z]+\s+){1,2})(he|she|it|they|this|these)\b"
)
_OPENING_CLAUSE = re.compile(
    r"^(?:\s*\[[^\]]*\])*\s*(?:When|Although|Though|After|Because|While|Since|If|As|Before|"
    r"Once|Until|Whereas)\b"
)
_CITATION = re.compile(r"\s*\[(?:\d+|[a-z ]+)\]")


def question_id(fact_id: str, kind: QuestionKind, answer: str) -> str:
    """Stable across rebuilds: a hash of the fact, the kind and the answer."""
    return hashlib.sha256(f"{fact_id}\n{kind.value}\n{answer}".encode()).hexdigest()[:16]


def generate_questions(fact: Fact, *, pool: DistractorPool) -> list[Question]:
    """Return the questions `fact` soundly supports; `pool` supplies distractors and is
    built once for the whole fact base with `DistractorPool.from_facts`."""
    if not fact.teachable or not fact.entities or not reads_as_statement(fact):
        return []
    rng = random.Random(fact.id)
    keys = key_entities(fact)
    if leans_on_context(fact):
        # "He was installed ...": true/false or a wh-question cannot say who is meant; one
        # cloze, read in the lesson after the sentence before it, still can.
        return [_cloze(fact, entity) for entity in keys[:1]]
    questions: list[Question | None] = [_cloze(fact, entity) for entity in keys[:MAX_CLOZES]]
    whs = wh_questions(fact)
    questions += [_from_wh(fact, wh) for wh in whs]
    questions.append(_multiple_choice(fact, keys, whs, pool=pool, rng=rng))
    questions.append(_true_false(fact, keys, pool=pool, rng=rng))
    unique: dict[str, Question] = {}
    for question in questions:
        if question is not None:
            unique.setdefault(question.id, question)
    return list(unique.values())


def reads_as_statement(fact: Fact) -> bool:
    """A sentence ends with its full stop (or ! ?); a caption or heading that slipped
    through as teachable ("Participants of the Congress of Paris, 1856") does not."""
    return bool(_STATEMENT_END.search(fact.sentence))


def leans_on_context(fact: Fact) -> bool:
    """The fact opens with a pronoun ("He", "It", "This", "These ...") whose meaning is in
    the sentence before it."""
    first = _FIRST_WORD.search(fact.text)
    if first and first.group(1) in _CONTEXT_WORDS:
        return True
    # "Never formally revoked, it stopped ...": the subject after an opening phrase.
    later = _SUBJECT_AFTER_PHRASE.search(fact.text)
    if later is None:
        return False
    # "When Alexander II took the crown ..., he inherited": the opening clause names whom
    # the pronoun means. A phrase ("In the historiography of Iran, it ...") names no one.
    opening = fact.text[: later.start(1)]
    names_someone = any(e.start < later.start(1) for e in fact.entities)
    return not (names_someone and _OPENING_CLAUSE.match(opening))


def key_entities(fact: Fact) -> list[Entity]:
    """Entities worth asking about, best first: mentioned once (a blank must have one
    answer), not a lone common-looking term, one per kind before a second of any kind."""
    text = fact.text.casefold()
    once = [e for e in fact.entities if text.count(e.text.casefold()) == 1]
    # Ordinary-word terms ("the East") only when the fact names nothing better.
    usable = [e for e in once if not _common_word(e)] or once
    ranked = sorted(usable, key=lambda e: (_PRIORITY.index(e.kind), e.start))
    firsts = [e for i, e in enumerate(ranked) if e.kind not in {x.kind for x in ranked[:i]}]
    return firsts + [e for e in ranked if e not in firsts]


def _common_word(entity: Entity) -> bool:
    """A one-word term that is also an ordinary word ("East", "Peace") is a poor answer."""
    one_word = " " not in entity.text
    return entity.kind is EntityKind.TERM and one_word and gz.is_english_word(entity.text)


def display(text: str) -> str:
    """A fact's text as a learner should read it: no citation marks, capitalised, ended."""
    clean = " ".join((_CITATION.sub("", text) if "[" in text else text).split())
    clean = clean[:1].upper() + clean[1:]
    return clean if clean.endswith((".", "!", "?", '"', "”")) else f"{clean}."


def _question(
    fact: Fact,
    kind: QuestionKind,
    prompt: str,
    answer: Entity | str,
    *,
    choices: tuple[str, ...] = (),
) -> Question:
    text = answer if isinstance(answer, str) else answer.text
    accepted = () if isinstance(answer, str) else accepted_variants(answer)
    return Question(
        id=question_id(fact.id, kind, text),
        fact_id=fact.id,
        kind=kind,
        prompt=prompt,
        answer=text,
        explanation=fact.sentence,
        source=fact.source,
        accepted=accepted,
        choices=choices,
    )


def _blanked(fact: Fact, entity: Entity) -> str:
    return display(fact.text[: entity.start] + BLANK + fact.text[entity.end :])


def _cloze(fact: Fact, entity: Entity) -> Question:
    prompt = f"Fill in the blank: {_blanked(fact, entity)}"
    return _question(fact, QuestionKind.CLOZE, prompt, entity)


def _from_wh(fact: Fact, wh: WhQuestion) -> Question:
    return _question(fact, wh.kind, wh.prompt, wh.answer)


def _multiple_choice(
    fact: Fact,
    keys: list[Entity],
    whs: list[WhQuestion],
    *,
    pool: DistractorPool,
    rng: random.Random,
) -> Question | None:
    for entity in keys:
        distractors = pool.choose(entity, fact=fact, rng=rng)
        if distractors is None:
            continue
        wh = next((w for w in whs if w.answer == entity), None)
        prompt = wh.prompt if wh else f"Choose the missing words: {_blanked(fact, entity)}"
        qid = question_id(fact.id, QuestionKind.MULTIPLE_CHOICE, entity.text)
        choices = [entity.text, *distractors]
        random.Random(qid).shuffle(choices)  # the order depends on the question alone
        return _question(fact, QuestionKind.MULTIPLE_CHOICE, prompt, entity, choices=tuple(choices))
    return None


def _true_false(
    fact: Fact, keys: list[Entity], *, pool: DistractorPool, rng: random.Random
) -> Question | None:
    """True as written, or (for about half the facts) false by one same-type swap."""
    statement = display(fact.text)
    if rng.random() < 0.5:
        for entity in keys:
            if entity.kind is EntityKind.TERM:
                continue
            swaps = pool.choose(entity, fact=fact, rng=rng)
            swap = next((s for s in swaps or () if not is_variant(s, entity.text)), None)
            if swap is not None:
                false = display(fact.text[: entity.start] + swap + fact.text[entity.end :])
                return _question(fact, QuestionKind.TRUE_FALSE, f"True or false? {false}", "false")
    return _question(fact, QuestionKind.TRUE_FALSE, f"True or false? {statement}", "true")
