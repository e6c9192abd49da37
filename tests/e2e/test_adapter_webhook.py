"""Webhook mode: setWebhook with a secret, updates POSTed, a wrong secret rejected."""

from __future__ import annotations

from fake_tutor import QuizTutor
from fakebot import FakeBotApi, Learner, StartBot, free_port

from clio.adapters.telegram import WebhookConfig


async def start_webhook(start_bot: StartBot, tutor: QuizTutor) -> WebhookConfig:
    port = free_port()
    webhook = WebhookConfig(
        url=f"http://127.0.0.1:{port}/telegram/hook", secret="s3cret-Token_1", port=port
    )
    await start_bot(tutor, webhook=webhook)
    return webhook


async def test_webhook_is_set_with_the_secret_and_updates_arrive(
    api: FakeBotApi, start_bot: StartBot, tutor: QuizTutor, learner: Learner
) -> None:
    webhook = await start_webhook(start_bot, tutor)
    assert api.webhook == {"url": webhook.url, "secret_token": "s3cret-Token_1"}
    assert api.calls_to("getUpdates") == []
    [question] = await learner.say("/quiz")
    replies = await learner.press(question, "1815")
    assert [r.text for r in replies] == ["Not quite.\n\nWho crowned himself emperor in 1804?"]
    assert api.sent[question.message_id].text.endswith("→ 1815")


async def test_a_wrong_or_missing_secret_is_rejected(
    api: FakeBotApi, start_bot: StartBot, tutor: QuizTutor, learner: Learner
) -> None:
    await start_webhook(start_bot, tutor)
    update = learner._message_update("/quiz")
    assert await api.deliver(update, secret="not-the-secret") == 403
    assert await api.deliver(update, secret="") == 403
    assert tutor.inbound == []
    assert await api.deliver(update) == 200
    await api.wait_for(lambda: len(api.calls_to("sendMessage")) == 1)
    assert [i.update_id for i in tutor.inbound] == [update["update_id"]]


async def test_the_200_comes_after_the_update_is_handled_and_answered(
    api: FakeBotApi, start_bot: StartBot, tutor: QuizTutor, learner: Learner
) -> None:
    """Telegram sends a chat's next update after this answer: with several processes behind
    one proxy, answering sooner would let the next update overtake this one."""
    await start_webhook(start_bot, tutor)
    update = learner._message_update("/quiz")
    assert await api.deliver(update) == 200
    # No waiting: the reply was sent before the webhook answered.
    assert [c.params["text"] for c in api.calls_to("sendMessage")] == [
        "When was the Bastille stormed?"
    ]


async def test_an_update_that_cannot_be_read_is_answered_200_and_skipped(
    api: FakeBotApi, start_bot: StartBot, tutor: QuizTutor, learner: Learner
) -> None:
    """Anything else and Telegram would send it again and again."""
    await start_webhook(start_bot, tutor)
    assert await api.deliver({"update_id": "not a number", "message": {"chat": 7}}) == 200
    assert await api.deliver(learner._message_update("/quiz")) == 200
    assert [i.update_id for i in tutor.inbound] == [api._next_update]
