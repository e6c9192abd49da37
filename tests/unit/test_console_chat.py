"""The terminal chat: numbers pick the choices last shown; one out of range is caught there."""

from __future__ import annotations

import io

from clio.adapters.console.chat import missed_choice, parse, run_chat
from clio.core.messages import Choice, ChoicePressed, Reply, TextMessage
from clio.service.tutoring import Incoming

LABELS = ("Britain", "Italy", "Austria", "France")


def test_a_number_in_range_presses_that_choice() -> None:
    assert parse("2\n", ("p1", "p2")) == ChoicePressed("p2")
    assert parse("3\n", ("p1", "p2")) == TextMessage("3")


def test_a_choice_number_out_of_range_gets_a_note() -> None:
    assert missed_choice("5", LABELS) == "Pick a number from 1 to 4."
    assert missed_choice(" 0 ", LABELS) == "Pick a number from 1 to 4."


def test_anything_else_goes_to_the_tutor() -> None:
    assert missed_choice("2", LABELS) is None  # a choice
    assert missed_choice("1856", LABELS) is None  # a year is an answer
    assert missed_choice("five", LABELS) is None
    assert missed_choice("5", ()) is None  # no choices shown: a typed answer
    assert missed_choice("12", ("10", "11", "12", "13")) is None  # a choice's own text


async def test_the_note_is_printed_and_the_tutor_not_asked() -> None:
    seen: list[Incoming] = []

    async def handle(incoming: Incoming) -> tuple[Reply, ...]:
        seen.append(incoming)
        choices = tuple(Choice(label, f"pay-{label}") for label in LABELS)
        return (Reply("Pick one", choices),)

    sink = io.StringIO()
    source = io.StringIO("hello\n7\n4\n")
    await run_chat(handle, source=source, sink=sink, user_id="u", name="U", interactive=False)
    assert [i.event for i in seen] == [TextMessage("hello"), ChoicePressed("pay-France")]
    assert "> 7\nPick a number from 1 to 4.\n> 4\n" in sink.getvalue()


def test_odd_digits_are_text_not_a_crash() -> None:
    # "²" is a digit to str.isdigit() but int() refuses it, as it refuses 5,000 digits.
    assert parse("²\n", ("p1", "p2")) == TextMessage("²")
    assert parse("9" * 5000, ("p1", "p2")) == TextMessage("9" * 5000)
    assert missed_choice("²", LABELS) is None
    assert missed_choice("9" * 5000, LABELS) is None
