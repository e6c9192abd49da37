"""Rendering replies for Telegram: escaping, splitting under 4,096, keyboards, commands."""

from __future__ import annotations

import pytest

from clio.adapters.telegram import render
from clio.adapters.telegram.translate import command_of, event_of
from clio.core.messages import (
    Attachment,
    AttachmentKind,
    Choice,
    CommandMessage,
    Reply,
    TextMessage,
)


def test_short_text_is_one_escaped_message_with_its_keyboard() -> None:
    reply = Reply("Was 1789 < 1815 & why?", (Choice("Yes", "a:q:0"), Choice("No", "a:q:1")))
    [(text, markup)] = render.messages(reply)
    assert text == "Was 1789 &lt; 1815 &amp; why?"
    assert markup is not None
    assert [[b.callback_data for b in row] for row in markup.inline_keyboard] == [
        ["a:q:0"],
        ["a:q:1"],
    ]


def test_long_text_splits_between_sentences_and_keeps_line_breaks() -> None:
    sentences = [f"Line {n} says something true." for n in range(30)]
    text = "\n".join(sentences)
    parts = render.split_text(text, limit=200)
    assert len(parts) > 1
    assert all(render.telegram_length(p) <= 200 for p in parts)
    assert "\n".join(parts) == text  # nothing lost, no sentence cut


def test_keyboard_rides_on_the_last_piece_only() -> None:
    reply = Reply("Word. " * 1500, (Choice("Go", "c:lesson"),))
    pieces = render.messages(reply)
    assert len(pieces) == 3
    assert [markup is not None for _, markup in pieces] == [False, False, True]


def test_an_overlong_sentence_is_cut_between_words_then_inside_a_word() -> None:
    text = "word " * 50 + "x" * 130
    parts = render.split_text(text.strip(), limit=100)
    assert all(render.telegram_length(p) <= 100 for p in parts)
    assert "".join(parts).replace(" ", "") == text.replace(" ", "")


def test_length_counts_utf16_units_like_telegram() -> None:
    emoji = "🏛" * 60  # each is two UTF-16 units
    parts = render.split_text(emoji, limit=100)
    assert [render.telegram_length(p) for p in parts] == [100, 20]


def test_answered_question_shows_the_pick() -> None:
    assert render.answered("When? <now>", "1789") == "When? &lt;now&gt;\n\n→ 1789"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("/start topic_rome", CommandMessage("start", "topic_rome")),
        ("/Lesson@Clio_Bot  paris ", CommandMessage("lesson", "paris")),
        ("/progress", CommandMessage("progress", "")),
        ("hello /start", TextMessage("hello /start")),
    ],
)
def test_private_text_becomes_an_event(text: str, expected: object) -> None:
    assert event_of(text, bot_username="clio_bot") == expected


def test_commands_for_another_bot_are_not_ours() -> None:
    assert command_of("/start@other_bot", bot_username="clio_bot") is None
    assert command_of("/", bot_username="clio_bot") is None


def test_backoff_doubles_from_half_a_second() -> None:
    from clio.adapters.telegram import Backoff

    assert list(Backoff().delays()) == [0.5, 1.0, 2.0]


def test_replies_are_bundled_up_to_the_first_with_buttons() -> None:
    choices = (Choice("1856", "a:q:0"),)
    replies = [Reply("Correct."), Reply("A fact."), Reply("A question?", choices), Reply("Next.")]
    assert render.bundled(replies) == [
        Reply("Correct.\n\nA fact.\n\nA question?", choices),
        Reply("Next."),
    ]


def test_a_bundle_stays_under_the_limit_and_files_go_alone() -> None:
    long = "x" * 3000
    file = Attachment(AttachmentKind.DOCUMENT, "a.csv", b"1")
    replies = [Reply(long), Reply(long), Reply("caption", attachment=file), Reply("after")]
    assert render.bundled(replies) == replies
