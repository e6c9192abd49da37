"""Authored questions YAML: a good file applies; bad files report every located error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from clio.core.errors import ContentError
from clio.core.facts import Fact, QuestionKind
from clio.factbase.apply_authored import apply_authored
from clio.factbase.authored import load_authored, parse_authored
from clio.factbase.build import build_fact_base
from clio.factbase.distractors import DistractorPool
from clio.factbase.questions import generate_questions

MakeFact = Callable[..., Fact]
ROOT = Path(__file__).resolve().parents[3]

CROWN = "When Alexander II took the crown of Russia in 1855, he inherited a losing war."
TALKS = "Alexander II pursued peace talks in Paris in 1856."


def _base(make_fact: MakeFact) -> tuple[list[Fact], list]:  # type: ignore[type-arg]
    facts = [make_fact(CROWN, topic="paris"), make_fact(TALKS, topic="paris", line=2)]
    pool = DistractorPool.from_facts(facts)
    return facts, [q for f in facts for q in generate_questions(f, pool=pool)]


def test_disable_by_id_and_by_quote_and_add_by_quote(make_fact: MakeFact) -> None:
    facts, generated = _base(make_fact)
    when = next(q for q in generated if q.kind is QuestionKind.WHEN and q.fact_id == facts[1].id)
    text = f"""
version: 1
disable:
  - id: {when.id}
  - topic: paris
    quote: "took the CROWN  of Russia"
    kind: cloze
questions:
  - topic: paris
    quote: pursued peace talks
    kind: multiple_choice
    prompt: Where did Alexander II pursue peace talks?
    answer: Paris
    choices: [Paris, London, Vienna, Berlin]
  - fact: {facts[0].id}
    kind: true_false
    prompt: "True or false? Alexander II took the crown in 1855."
    answer: "true"
"""
    result = apply_authored(generated, facts, parse_authored(text, name="q.yaml"))
    ids = {q.id for q in result}
    assert when.id not in ids
    assert not [q for q in result if q.fact_id == facts[0].id and q.kind is QuestionKind.CLOZE]
    authored = [q for q in result if q.authored]
    assert {(q.kind, q.answer) for q in authored} == {
        (QuestionKind.MULTIPLE_CHOICE, "Paris"),
        (QuestionKind.TRUE_FALSE, "true"),
    }
    mc = next(q for q in authored if q.kind is QuestionKind.MULTIPLE_CHOICE)
    assert mc.fact_id == facts[1].id and mc.explanation == facts[1].sentence
    dropped = {when.id} | {
        q.id for q in generated if q.fact_id == facts[0].id and q.kind is QuestionKind.CLOZE
    }
    # An authored question with the id of a generated one replaces it.
    assert ids == ({q.id for q in generated} - dropped) | {q.id for q in authored}


def test_every_shape_error_is_reported_with_its_place() -> None:
    text = """version: 2
colour: blue
disable:
  - reason: no target
questions:
  - topic: paris
    kind: riddle
    prompt: ""
    answer: x
  - fact: abc
    kind: multiple_choice
    prompt: Which?
    answer: A
    choices: [B, C, D, E]
  - fact: abc
    kind: true_false
    prompt: Right?
    answer: yes
"""
    with pytest.raises(ContentError) as caught:
        parse_authored(text, name="dialogs/questions.yaml")
    message = str(caught.value)
    expected = [
        "dialogs/questions.yaml:1:10: version: only version 1 is understood",
        "dialogs/questions.yaml:2:1: the file: unknown key 'colour'",
        "dialogs/questions.yaml:4:5: disable[0]: give a question 'id', or the fact",
        "dialogs/questions.yaml:6:5: questions[0]: 'topic' and 'quote' go together",
        "dialogs/questions.yaml:7:11: questions[0].kind: unknown kind 'riddle'",
        "dialogs/questions.yaml:8:13: questions[0].prompt must not be empty",
        "dialogs/questions.yaml:14:14: questions[1].choices: the answer 'A' is not among",
        "dialogs/questions.yaml:18:13: questions[2].answer must be text; write 'yes' in quotes",
    ]
    for line in expected:
        assert line in message, f"missing: {line}\n{message}"
    assert message.startswith("8 problem(s)")
    lines = message.splitlines()[1:]
    assert lines == sorted(lines, key=lambda m: [int(x) for x in m.split(":")[1:3]])


def test_yaml_syntax_error_is_located() -> None:
    with pytest.raises(ContentError, match=r"^q\.yaml:4:4: not valid YAML"):
        parse_authored("version: 1\nquestions:\n  - kind: who\n   prompt: bad\n", name="q.yaml")


def test_references_that_match_nothing_are_reported_together(make_fact: MakeFact) -> None:
    facts, generated = _base(make_fact)
    text = """version: 1
disable:
  - id: 0000000000000000
questions:
  - fact: nosuchfact
    kind: who
    prompt: Who?
    answer: Nobody
  - topic: paris
    quote: Alexander II
    kind: who
    prompt: Who?
    answer: Alexander II
  - topic: london
    quote: riots
    kind: who
    prompt: Who?
    answer: Nobody
"""
    with pytest.raises(ContentError) as caught:
        apply_authored(generated, facts, parse_authored(text, name="q.yaml"))
    message = str(caught.value)
    assert "q.yaml:3:5: disables nothing" in message
    assert "q.yaml:5:5: no fact has id 'nosuchfact'" in message
    assert "q.yaml:9:5: 2 facts of topic 'paris' quote 'Alexander II'" in message
    assert "q.yaml:14:5: no topic 'london'" in message


def test_the_shipped_example_applies_to_the_bundled_seed() -> None:
    path = ROOT / "dialogs" / "questions.yaml"
    authored = load_authored(path)
    assert authored.disable and authored.questions
    fact_base = build_fact_base(ROOT / "seeds", authored=path)
    assert sum(q.authored for q in fact_base.questions) == len(authored.questions)


def test_an_empty_file_changes_nothing(make_fact: MakeFact, tmp_path: Path) -> None:
    facts, generated = _base(make_fact)
    path = tmp_path / "questions.yaml"
    path.write_text("# nothing yet\n", encoding="utf-8")
    assert apply_authored(generated, facts, load_authored(path)) == generated


def test_untaught_facts_are_skipped_when_disabling_and_refused_when_adding(
    make_fact: MakeFact,
) -> None:
    caption = make_fact("Participants of the Congress of Paris, 1856", topic="paris")
    hidden = make_fact("Alexander II spoke in 1856.", topic="paris", teachable=False, line=2)
    text = """version: 1
disable:
  - topic: paris
    quote: Participants of the Congress
  - topic: paris
    quote: Alexander II spoke
questions:
  - topic: paris
    quote: Alexander II spoke
    kind: when
    prompt: When did Alexander II speak?
    answer: "1856"
"""
    with pytest.raises(ContentError) as caught:
        apply_authored([], [caption, hidden], parse_authored(text, name="q.yaml"))
    message = str(caught.value)
    assert message.startswith("2 problem(s)")
    assert "q.yaml:3:5: disables nothing" in message  # the caption is taught, and has none
    assert "q.yaml:8:5: the fact is not taught" in message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("- just\n- a list\n", "q.yaml:1:1: the file must be a mapping of keys to values"),
        ("version: 1\nversion: 1\n", "q.yaml:2:1: the file: key 'version' given twice"),
        ("questions: []\n", "q.yaml:1:1: the file: missing 'version' (write 'version: 1')"),
        ("version: 1\ndisable: {id: x}\n", "q.yaml:2:10: disable must be a list"),
        (
            "version: 1\nquestions:\n  - fact: f\n    kind: who\n    prompt: Who?\n"
            "    answer: X\n    accepted: X\n",
            "q.yaml:7:15: questions[0].accepted must be a list of texts",
        ),
    ],
)
def test_structure_errors_name_their_place(text: str, expected: str) -> None:
    with pytest.raises(ContentError) as caught:
        parse_authored(text, name="q.yaml")
    assert expected in str(caught.value)
