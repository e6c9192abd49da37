"""QuickAnswerer: typos, case, abstention, short-answer type selection, CLI JSON contract."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from clio.cli import main
from clio.core.facts import Entity, EntityKind, Fact, FactBase, Source, Topic
from clio.factbase.answer_type import AnswerType, answer_type, asks_who_someone_is, short_answer
from clio.factbase.answering import ORDER, Model, QuickAnswerer
from clio.factbase.features import is_negated
from clio.factbase.terms import irregular_lemma
from clio.factbase.typos import SpellingRepair

ROOT = Path(__file__).resolve().parents[2]

SENTENCES = (
    "When Alexander II took the crown of Russia in 1855, he inherited a losing war.",
    "The Charge of the Light Brigade took place during the Battle of Balaclava.",
    "Lord Palmerston, the prime minister, wanted to punish Russia's imperial ambition.",
    "Moldavia and Wallachia were granted independent constitutions.",
)


def _fact(i: int, text: str, entities: tuple[Entity, ...] = ()) -> Fact:
    return Fact(f"f{i}", "t", text, text, Source("t.txt", 3 + 2 * i), i, entities=entities)


def _entity(text: str, kind: EntityKind, sentence: str) -> Entity:
    start = sentence.index(text)
    return Entity(text, kind, start, start + len(text))


def _base() -> FactBase:
    first = SENTENCES[0]
    entities = (
        _entity("Alexander II", EntityKind.PERSON, first),
        _entity("Russia", EntityKind.PLACE, first),
        _entity("1855", EntityKind.DATE, first),
    )
    facts = tuple(_fact(i, s, entities if i == 0 else ()) for i, s in enumerate(SENTENCES))
    return FactBase.assemble((Topic("t", "Test", "t.txt", facts),), ())


@pytest.fixture(scope="module")
def answerer() -> QuickAnswerer:
    return QuickAnswerer.from_fact_base(_base())


def test_when_question_gets_the_date_entity_and_its_sentence(answerer: QuickAnswerer) -> None:
    reply = answerer.answer("When did Alexander II take the crown of Russia?")
    assert reply.answer == "1855"
    assert reply.sentence == SENTENCES[0]
    assert reply.source == Source("t.txt", 3)


def test_who_question_skips_the_person_already_named() -> None:
    fact = _base().topics[0].facts[0]
    assert short_answer(AnswerType.PERSON, (fact,), "who took the crown of russia") == (
        "Alexander II"
    )
    assert short_answer(AnswerType.PERSON, (fact,), "what did alexander ii take?") is None
    assert short_answer(AnswerType.PLACE, (fact,), "where did alexander ii rule") == "Russia"
    assert short_answer(AnswerType.OTHER, (fact,), "what did he inherit") is None


def test_who_is_answered_by_a_person_not_a_body() -> None:
    text = "The European Commission and Jacques Delors had erred, the ECJ ruled."
    bodies = tuple(
        _entity(name, EntityKind.ORGANISATION, text) for name in ("ECJ", "European Commission")
    )
    with_person = _fact(0, text, (*bodies, _entity("Jacques Delors", EntityKind.PERSON, text)))
    assert short_answer(AnswerType.PERSON, (with_person,), "who had erred?") == "Jacques Delors"
    bodies_only = _fact(0, text, bodies)
    assert short_answer(AnswerType.PERSON, (bodies_only,), "who had erred?") is None


def test_a_person_named_by_surname_after_a_title_is_already_named() -> None:
    text = "Support came from the prime minister Lord Palmerston."
    fact = _fact(0, text, (_entity("Lord Palmerston", EntityKind.PERSON, text),))
    assert short_answer(AnswerType.PERSON, (fact,), "who was pm after palmerston?") is None
    assert short_answer(AnswerType.PERSON, (fact,), "who was pm?") == "Lord Palmerston"
    # A first name is not a title: the park's namesake is an answer, not a repetition.
    text = "The park was founded by Ralph Woodward."
    fact = _fact(0, text, (_entity("Ralph Woodward", EntityKind.PERSON, text),))
    assert short_answer(AnswerType.PERSON, (fact,), "who founded woodward park?") == (
        "Ralph Woodward"
    )


def test_who_was_someone_named_asks_about_them_not_for_a_name() -> None:
    text = "Support came from the prime minister Lord Palmerston."
    fact = _fact(0, text, (_entity("Lord Palmerston", EntityKind.PERSON, text),))
    for question in ("who was palmerston?", "Who was Lord Palmerston", "who is palmerston"):
        assert asks_who_someone_is(question, (fact,)), question
    for question in ("who was the prime minister?", "who was palmerston's rival?"):
        assert not asks_who_someone_is(question, (fact,)), question


def test_where_picks_the_place_something_happened_in_among_several() -> None:
    text = "Alexander II pursued peace talks with Britain and France in Paris in 1856."
    places = tuple(_entity(p, EntityKind.PLACE, text) for p in ("Britain", "France", "Paris"))
    fact = _fact(0, text, places)
    assert short_answer(AnswerType.PLACE, (fact,), "where were the peace talks held?") == "Paris"
    # "Which country" asks for a party, not a venue: several fresh places stay unresolved.
    assert short_answer(AnswerType.PLACE, (fact,), "which country did he talk to?") is None
    # Two places after "in": unsure which is meant.
    text = "Talks with Britain took place in Paris and in Vienna."
    places = tuple(_entity(p, EntityKind.PLACE, text) for p in ("Britain", "Paris", "Vienna"))
    fact = _fact(0, text, places)
    assert short_answer(AnswerType.PLACE, (fact,), "where were the talks?") is None


def test_which_city_or_country_picks_the_one_place_of_that_scale() -> None:
    text = "Melbourne, the capital, lies on Port Phillip Bay in southern Australia."
    places = tuple(
        Entity(name, EntityKind.PLACE, text.index(name), text.index(name) + len(name), scale)
        for name, scale in (
            ("Melbourne", "city"),
            ("Port Phillip Bay", "region"),
            ("Australia", "country"),
        )
    )
    fact = _fact(0, text, places)
    assert short_answer(AnswerType.PLACE, (fact,), "What city is the capital?") == "Melbourne"
    assert short_answer(AnswerType.PLACE, (fact,), "which country is it in?") == "Australia"
    # No scale named, or one no place here has: several places, so none is picked.
    assert short_answer(AnswerType.PLACE, (fact,), "which place is the capital?") is None
    assert short_answer(AnswerType.PLACE, (fact,), "which continent is it on?") is None


def test_who_picks_the_person_whose_work_the_question_names() -> None:
    text = "From Auguste Blanchard's copper-plate engraving, based on Edouard Dubufe's picture"
    people = tuple(
        _entity(name, EntityKind.PERSON, text) for name in ("Auguste Blanchard", "Edouard Dubufe")
    )
    fact = _fact(0, text, people)
    assert short_answer(AnswerType.PERSON, (fact,), "who made the copper plate engraving") == (
        "Auguste Blanchard"
    )
    assert short_answer(AnswerType.PERSON, (fact,), "who painted the picture?") == "Edouard Dubufe"
    # Both own something the question names: unsure which is meant.
    assert (
        short_answer(AnswerType.PERSON, (fact,), "who made the picture the engraving copies?")
        is None
    )


def test_who_picks_the_person_the_question_words_follow_or_named_after_by() -> None:
    people = ("Carl Wilhelm Scheele", "Joseph Priestley")
    active = "In 1773 Carl Wilhelm Scheele discovered oxygen, a year before Joseph Priestley."
    passive = "Oxygen was discovered by Carl Wilhelm Scheele; Joseph Priestley wrote on it."
    for text in (active, passive):
        fact = _fact(0, text, tuple(_entity(p, EntityKind.PERSON, text) for p in people))
        assert short_answer(AnswerType.PERSON, (fact,), "who discovered oxygen?") == people[0]
        # Neither is followed by what the question asks of them: none is picked.
        assert short_answer(AnswerType.PERSON, (fact,), "who was born in sweden?") is None


def test_a_year_answers_how_long_but_not_how_many() -> None:
    fact = _base().topics[0].facts[0]
    assert fact.text.startswith("When Alexander II took the crown of Russia in 1855")
    assert short_answer(AnswerType.NUMBER, (fact,), "how many ships did russia lose?") is None
    assert short_answer(AnswerType.NUMBER, (fact,), "how long has alexander ruled?") == "1855"


def test_how_many_picks_the_number_of_the_thing_counted() -> None:
    text = "The fleet lost 12 heavy ships, 40 guns and 3,000 men in 1854."
    numbers = tuple(_entity(n, EntityKind.NUMBER, text) for n in ("12", "40", "3,000"))
    fact = _fact(0, text, (*numbers, _entity("1854", EntityKind.DATE, text)))
    assert short_answer(AnswerType.NUMBER, (fact,), "how many ships were lost?") == "12"
    assert short_answer(AnswerType.NUMBER, (fact,), "How many of the men died?") == "3,000"
    assert short_answer(AnswerType.NUMBER, (fact,), "how many gun were lost") == "40"
    # Nothing counted by name: several numbers, none picked.
    assert short_answer(AnswerType.NUMBER, (fact,), "how many sailors were lost?") is None
    assert short_answer(AnswerType.NUMBER, (fact,), "how much was lost?") is None


def test_question_words_give_the_answer_type() -> None:
    assert answer_type("when did it end") is AnswerType.DATE
    assert answer_type("In what year was it signed?") is AnswerType.DATE
    assert answer_type("how many soldiers died") is AnswerType.NUMBER
    assert answer_type("who signed it") is AnswerType.PERSON
    assert answer_type("where was the battle") is AnswerType.PLACE
    assert answer_type("why was peace made") is AnswerType.OTHER
    assert answer_type("what was the population of paris?") is AnswerType.NUMBER
    assert answer_type("What is the size of the army") is AnswerType.NUMBER
    assert answer_type("what is the area called where plates meet?") is AnswerType.OTHER


def test_the_opening_question_word_outranks_one_in_a_clause() -> None:
    assert answer_type("Who was tsar when the war ended?") is AnswerType.PERSON
    assert answer_type("where did the army go when winter came") is AnswerType.PLACE
    assert answer_type("and who signed it where the congress met?") is AnswerType.PERSON
    assert answer_type("When did the king who lost the war die?") is AnswerType.DATE
    assert answer_type("what did alexander inherit when he became emperor") is AnswerType.OTHER
    assert answer_type("Which treaty did the men who met in Paris sign?") is AnswerType.OTHER
    # No question word opens it: the first rule that matches anywhere decides, as before.
    assert answer_type("The area where the city sits was settled how many years ago?") is (
        AnswerType.NUMBER
    )


def test_a_regnal_number_in_digits_finds_its_roman_numeral(answerer: QuickAnswerer) -> None:
    reply = answerer.answer("when did alexander 2 take the crown?")
    assert (reply.answer, reply.sentence) == ("1855", SENTENCES[0])
    assert answerer.query("alexander 2").term_ids == answerer.query("alexander ii").term_ids


def test_an_irregular_verb_in_the_question_meets_its_past_tense_in_the_text() -> None:
    texts = (
        "The siege of Sevastopol began in October 1854 and lasted a year.",
        "The allied fleet sailed into the Black Sea in January.",
        "The war will begin again, the tsar warned.",
    )
    text = texts[0]
    facts = (
        _fact(0, text, (_entity("1854", EntityKind.DATE, text),)),
        *(_fact(i, t) for i, t in enumerate(texts[1:], start=1)),
    )
    answerer = QuickAnswerer.from_fact_base(
        FactBase.assemble((Topic("t", "Test", "t.txt", facts),), ())
    )
    reply = answerer.answer("when did the siege begin?")
    assert (reply.answer, reply.sentence) == ("1854", text)
    analyzer = answerer.index.analyzer
    assert analyzer.stem("began") == analyzer.stem("begin") == analyzer.stem("begun")
    assert analyzer.stem("fought") == analyzer.stem("fight")
    assert analyzer.stem("men") == analyzer.stem("man")


def test_only_a_certain_dictionary_form_replaces_a_word() -> None:
    assert irregular_lemma("began") == "begin"
    assert irregular_lemma("led") == "lead"
    # Two readings: "found" a city or "found" what was lost; "left" the side or the verb.
    assert irregular_lemma("found") is None
    assert irregular_lemma("left") is None
    # A word that is its own form, or one the lexicon does not know, stays as it is.
    assert irregular_lemma("war") is None
    assert irregular_lemma("crimea") is None


def test_lower_case_and_typos_find_the_same_sentence(answerer: QuickAnswerer) -> None:
    for question in (
        "in which battle was the charge of the light brigade",
        "IN WHICH BATTLE WAS THE CHARGE OF THE LIGHT BRIGADE",
        "in wich batle was the charje of the ligth brigade",
    ):
        assert answerer.answer(question).sentence == SENTENCES[1], question


def test_spelling_repair_needs_a_close_known_word() -> None:
    repair = SpellingRepair(["balaclava", "palmerston", "brigade"])
    assert repair.repair("balaklava") == "balaclava"
    assert repair.repair("palmerstn") == "palmerston"
    assert repair.repair("volcano") is None
    assert repair.repair("bri") is None


def test_off_topic_question_abstains(answerer: QuickAnswerer) -> None:
    for question in ("What is the capital of Japan?", "how do volcanoes form"):
        reply = answerer.answer(question)
        assert reply.abstained and reply.answer is None and reply.source is None


def test_ask_json_reads_stdin_and_writes_one_object_per_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    questions = "When did Alexander II take the crown of Russia?\n\nWhat is the capital of Japan?\n"
    monkeypatch.setattr(sys, "stdin", io.StringIO(questions))
    assert main(["ask", "--json", "--seeds", str(ROOT / "seeds")]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 3  # the blank line's object abstains: output line n answers input n
    first, blank, second = (json.loads(line) for line in lines)
    assert blank == {"question": "", "answer": None, "sentence": None, "source": None, "score": 0.0}
    assert set(first) == {"question", "answer", "sentence", "source", "score"}
    assert first["question"].startswith("When did Alexander II")
    assert "crown of Russia in 1855" in first["sentence"]
    assert first["source"] == "treaty-of-paris-1856.txt:3"
    assert isinstance(first["score"], float)
    assert second["answer"] is None and second["sentence"] is None
    assert second["source"] is None


def test_ask_with_an_empty_question_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ask", "  ", "--seeds", str(ROOT / "seeds")]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and "the question is empty" in captured.err


def test_empty_base_and_empty_question_abstain(answerer: QuickAnswerer) -> None:
    empty = QuickAnswerer.from_fact_base(FactBase.assemble((), ()))
    assert empty.answer("when did the war end").abstained
    assert answerer.answer("what is it?").abstained
    assert answerer.answer("").abstained


def test_the_order_model_orders_candidates_and_the_ranker_only_scores_them() -> None:
    index = QuickAnswerer.from_fact_base(_base()).index
    question = "Who took the crown of Russia in 1855?"
    usual = QuickAnswerer(index).rank(question).candidates
    reversed_order = Model(tuple(-w for w in ORDER.weights), 0.0)
    flipped = QuickAnswerer(index, order=reversed_order).rank(question).candidates
    assert [c.score for c in usual] == sorted((c.score for c in usual), reverse=True)
    assert usual[0].unit == 0  # the crown sentence leads under the shipped order model
    assert [c.unit for c in flipped] == [c.unit for c in reversed(usual)]
    # The pointwise probability of each sentence does not depend on the order model.
    assert {c.unit: c.probability for c in flipped} == {c.unit: c.probability for c in usual}


def test_a_contracted_not_negates_a_question_or_a_sentence() -> None:
    for said in ("Which army didn't retreat?", "It wasn’t signed.", "They could not agree."):
        assert is_negated(said), said
    for said in ("Which army won?", "The Don Cossacks rode north.", "Nothing was signed."):
        assert not is_negated(said), said
    answerer = QuickAnswerer.from_fact_base(_base())
    assert answerer.query("who didn't take the crown?").negated
    # What is left of the auxiliary ("didn") is no question word the seeds could lack.
    assert answerer.query("who didn't take the crown?").unknown_weight == 0.0
