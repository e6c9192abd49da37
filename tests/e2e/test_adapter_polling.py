"""The adapter end to end over HTTP (polling), in front of a scripted tutor."""

from __future__ import annotations

from fake_tutor import QuizTutor
from fakebot import FakeBotApi, Learner

from clio.core.messages import ChoicePressed, CommandMessage, TextMessage


async def test_start_registers_commands_and_deep_link_reaches_core(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    assert [c["command"] for c in api.commands] == ["start", "quiz", "progress"]
    replies = await learner.say("/start topic_paris")
    assert quiz_bot.inbound[-1].event == CommandMessage("start", "topic_paris")
    assert quiz_bot.inbound[-1].display_name == "Ada Lovelace"
    # Reply text is plain: the adapter escapes it, so the tag shows as typed.
    assert [r.text for r in replies] == ["Welcome, Ada Lovelace! <b>topic_paris</b>"]
    assert "&lt;b&gt;" in replies[0].html
    assert api.calls_to("sendMessage")[-1].params["parse_mode"] == "HTML"


async def test_button_press_answers_callback_first_then_closes_keyboard(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    [question] = await learner.say("/quiz")
    assert question.buttons == [("1789", "a:q1:0"), ("1815", "a:q1:1")]
    before = len(api.calls)
    replies = await learner.press(question, "1789")
    methods = [c.method for c in api.calls[before:] if c.method != "getUpdates"]
    assert methods[0] == "answerCallbackQuery"
    assert methods.index("editMessageText") < methods.index("sendMessage")
    assert quiz_bot.inbound[-1].event == ChoicePressed("a:q1:0")
    edited = api.sent[question.message_id]
    assert edited.text.endswith("→ 1789") and edited.reply_markup is None
    # Feedback and the next question arrive as one message, the buttons under it.
    [next_question] = replies
    assert next_question.text == "Correct!\n\nWho crowned himself emperor in 1804?"
    assert next_question.buttons[0][1].startswith("a:q2:")


async def test_typed_answer_and_stale_button(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    [first] = await learner.say("/quiz")
    await learner.say("1789")  # typed, not pressed: the old keyboard stays on screen
    assert quiz_bot.inbound[-1].event == TextMessage("1789")
    replies = await learner.press(first, "1815")
    [current] = replies
    assert current.text.startswith("That question has expired.\n\n")
    assert current.buttons[0][1].startswith("a:q2:")


async def test_each_update_is_handled_once(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    await learner.say("hello")
    sent = len(api.calls_to("sendMessage"))
    update_id = learner.last_update["update_id"]
    assert quiz_bot.inbound[-1].update_id == update_id
    await learner.redeliver()
    assert len(api.calls_to("sendMessage")) == sent


async def test_long_reply_is_split_at_sentences(quiz_bot: QuizTutor, learner: Learner) -> None:
    replies = await learner.say("/long")
    assert len(replies) >= 2
    assert all(len(r.text) <= 4096 for r in replies)
    assert all(r.text.endswith("here.") for r in replies)
    assert " ".join(r.text for r in replies).count("Sentence number") == 400


async def test_media_gets_a_friendly_reply_without_reaching_the_core(
    quiz_bot: QuizTutor, learner: Learner
) -> None:
    for kind in ("photo", "sticker", "voice", "document"):
        replies = await learner.send_media(kind)
        assert [r.text for r in replies] == ["I read text only."], kind
    assert quiz_bot.inbound == []


async def test_edited_messages_are_ignored(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    assert await learner.edit("changed my mind") == []
    assert quiz_bot.inbound == []
    assert api.calls_to("getUpdates")[0].params["allowed_updates"] == ["message", "callback_query"]


async def test_groups_get_a_pointer_to_a_private_chat_for_commands_and_mentions(
    quiz_bot: QuizTutor, learner: Learner
) -> None:
    assert await learner.say_in_group(-100, "anyone know 1789?", expect_reply=False) == []
    for text in ("/quiz@clio_test_bot", "@clio_test_bot when was Waterloo?", "/quiz"):
        [pointer] = await learner.say_in_group(-100, text, expect_reply=True)
        assert pointer.chat_id == -100
        assert "https://t.me/clio_test_bot" in pointer.text
    assert await learner.say_in_group(-100, "/quiz@other_bot", expect_reply=False) == []
    assert quiz_bot.inbound == []


async def test_attachments_go_as_photo_and_documents_with_captions(
    api: FakeBotApi, quiz_bot: QuizTutor, learner: Learner
) -> None:
    await learner.say("/files")
    photo, sheet = api.calls_to("sendPhoto"), api.calls_to("sendDocument")
    assert [c.params["caption"] for c in photo] == ["Mastery &lt;by learner&gt;"]
    assert photo[0].params["photo"] == "chart.png"  # the fake records the upload's file name
    assert [c.params.get("caption") for c in sheet] == ["Your class", None]
    # The 1,500-character text did not fit a caption: it went first, as a message.
    assert api.calls_to("sendMessage")[-1].params["text"].startswith("All about you.")
    assert [d.params["document"] for d in sheet] == ["class.csv", "long.json"]
