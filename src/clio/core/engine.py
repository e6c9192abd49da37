"""The core step: one event in, the new state, replies and records out. Pure."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

from clio.core import lesson, preferences, quiz, review_session, waiting
from clio.core.calendar import require_utc
from clio.core.command_names import meant_command
from clio.core.intent import Intent, classify, is_confused, normalise_phrase
from clio.core.messages import (
    Choice,
    ChoicePressed,
    CommandMessage,
    Event,
    PromptDue,
    Reply,
    TextMessage,
)
from clio.core.numerals import numbered_option, typed_number
from clio.core.outcome import Outcome
from clio.core.payloads import AnswerPayload, CommandPayload, TopicPayload, decode, encode
from clio.core.progress import report
from clio.core.prompts import daily_prompt
from clio.core.state import LearnerState, Mode
from clio.core.topic_question import named_topic
from clio.core.tutor import Tutor


def step(
    tutor: Tutor, state: LearnerState, event: Event, *, now: datetime, rng: random.Random
) -> Outcome:
    """Handle one event. `now` must be timezone-aware; `rng` is the only source of chance."""
    now = require_utc(now)
    if isinstance(event, CommandMessage):
        return command(tutor, state, event, now=now, rng=rng)
    if isinstance(event, ChoicePressed):
        return choice(tutor, state, event, now=now, rng=rng)
    if isinstance(event, TextMessage):
        return text(tutor, state, event.text, now=now, rng=rng)
    assert isinstance(event, PromptDue)
    return daily_prompt(tutor, state, now=now, rng=rng)


def command(
    tutor: Tutor, state: LearnerState, event: CommandMessage, *, now: datetime, rng: random.Random
) -> Outcome:
    say = tutor.flows.say
    name = event.name
    if name == "start":
        return welcome(tutor, state)
    # /help, /progress and the settings leave a waiting question waiting, and bring it back.
    if name == "help":
        return Outcome(state, _with_pending(tutor, state, Reply(say("help.text"))))
    if name == "lesson":
        return lesson.start(tutor, state, event.argument, now=now, rng=rng)
    if name == "review":
        return review_session.start(tutor, state, now=now, rng=rng)
    if name == "progress":
        return Outcome(state, _with_pending(tutor, state, report(tutor, state, now=now)))
    if name == "hint":
        new_state, reply = waiting.hint(tutor, state)
        return Outcome(new_state, (reply,))
    if name == "skip":
        return skip(tutor, state, now=now, rng=rng)
    if name == "timezone":
        return _keeping_pending(
            tutor, preferences.set_timezone(tutor, state, event.argument, now=now)
        )
    if name == "daily":
        return _keeping_pending(tutor, preferences.set_daily(tutor, state, event.argument, now=now))
    flows = tutor.flows
    known = (*flows.commands, *sorted(tutor.service_commands))
    meant = meant_command(name, known, flows.command_aliases)
    unknown = Reply(
        say("help.unknown_command", command=name)
        if meant is None
        else say("help.did_you_mean", command=name, suggestion=meant)
    )
    return Outcome(state, _with_pending(tutor, state, unknown))


def welcome(tutor: Tutor, state: LearnerState) -> Outcome:
    say = tutor.flows.say
    replies: tuple[Reply, ...] = (
        Reply(say("onboarding.welcome", name=state.display_name or "there")),
        Reply(say("onboarding.how_to_ask", example=tutor.flows.example_question)),
    )
    if state.daily_time is None and not state.started:
        replies = (*replies, daily_offer(tutor, state))
    # The topics come last: a terminal numbers the latest choices, and a lesson is the point.
    topics = Reply(say("onboarding.choose_topic"), lesson.topic_choices(tutor))
    return Outcome(replace(state, started=True), (*replies, topics))


def daily_offer(tutor: Tutor, state: LearnerState) -> Reply:
    """Offer daily prompts at the content's default time, with a one-press yes or no."""
    say = tutor.flows.say
    default = tutor.flows.default_daily_time
    choices = (
        Choice(
            say("onboarding.daily_yes", time=default), encode(CommandPayload(f"daily {default}"))
        ),
        Choice(say("onboarding.daily_no"), encode(CommandPayload("daily off"))),
    )
    return Reply(say("onboarding.daily_offer", time=default, zone=state.timezone), choices)


def choice(
    tutor: Tutor, state: LearnerState, event: ChoicePressed, *, now: datetime, rng: random.Random
) -> Outcome:
    payload = decode(event.payload)
    if isinstance(payload, TopicPayload):
        return lesson.begin(tutor, state, payload.topic_id, now=now, rng=rng)
    if isinstance(payload, CommandPayload):
        name, _, argument = payload.command.partition(" ")
        return command(tutor, state, CommandMessage(name, argument), now=now, rng=rng)
    pending = state.pending
    if (
        isinstance(payload, AnswerPayload)
        and pending is not None
        and payload.question_id == pending.question_id
        and 0 <= payload.index < len(pending.choices)
    ):
        return answer(tutor, state, pending.choices[payload.index], now=now, rng=rng)
    return expired(tutor, state)


def expired(tutor: Tutor, state: LearnerState) -> Outcome:
    """A press on an old keyboard: say so, and show the current question again."""
    replies = [Reply(tutor.flows.say("lesson.expired"))]
    current = waiting.reask(tutor, state)
    if current is not None:
        replies.append(current)
    return Outcome(state, tuple(replies))


def text(
    tutor: Tutor, state: LearnerState, message: str, *, now: datetime, rng: random.Random
) -> Outcome:
    flows = tutor.flows
    phrase = normalise_phrase(message)
    if phrase in flows.override_phrases:
        new_state, reply, records = quiz.honour_override(tutor, state, now=now, rng=rng)
        return Outcome(new_state, _with_pending(tutor, new_state, reply), records)
    awaiting = state.pending is not None
    # "skip", "I don't know", "hint" typed without the slash are no answers to grade, and with
    # nothing waiting no history question either ("I don't know" got "my sources don't say";
    # "2", a number from an old list of choices, found "Alexander II").
    lesson_words = phrase in flows.skip_phrases or phrase in flows.hint_phrases
    if not awaiting and (lesson_words or _small_number(message)):
        return Outcome(state, (Reply(flows.say("lesson.nothing_pending")),))
    if awaiting and phrase in flows.skip_phrases:
        return skip(tutor, state, now=now, rng=rng)
    if awaiting and phrase in flows.hint_phrases:
        return command(tutor, state, CommandMessage("hint"), now=now, rng=rng)
    if is_confused(
        message, phrases=flows.confused_phrases, question_words=flows.confused_questions
    ):
        # "why?", "huh", "I don't understand": the waiting question again, nothing graded
        # (unless the words are its answer: a fill-in-the-blank may want "Who").
        if not awaiting:
            return Outcome(state, (Reply(flows.say("chat.lost")),))
        restated = waiting.restate(tutor, state, message)
        if restated is not None:
            return Outcome(state, restated)
    if awaiting and state.pending and state.pending.choices:
        picked = _typed_choice(message, state.pending.choices)
        if picked is not None:
            return answer(tutor, state, picked, now=now, rng=rng)
    found = classify(
        message,
        awaiting_answer=awaiting,
        small_talk=flows.small_talk,
        max_length=flows.max_message_length,
        choices=state.pending.choices if state.pending else (),
    )
    if found.intent is Intent.ANSWER:
        return answer(tutor, state, found.answer or message, now=now, rng=rng)
    if found.intent is Intent.QUESTION:
        return quick_question(tutor, state, message)
    if found.intent is Intent.SMALL_TALK and found.small_talk is not None:
        talk = found.small_talk
        reply = Reply(talk.while_waiting if awaiting and talk.while_waiting else talk.reply)
    elif found.intent is Intent.TOO_LONG:
        reply = Reply(flows.say("chat.too_long", limit=flows.max_message_length))
    elif found.intent is Intent.NO_WORDS:
        reply = Reply(flows.say("chat.emoji"))
    else:
        reply = Reply(flows.say("chat.empty"))
    return Outcome(state, _with_pending(tutor, state, reply))


def _typed_choice(message: str, choices: tuple[str, ...]) -> str | None:
    """A number typed for a numbered choice (the terminal, or a learner who types "2")."""
    return numbered_option(_as_number(message), choices)


def _small_number(message: str) -> bool:
    """A number of one or two digits and nothing else: a choice's number, not a year."""
    return typed_number(_as_number(message), digits=2) is not None


def _as_number(message: str) -> str:
    return message.strip().rstrip(".)")


def answer(
    tutor: Tutor, state: LearnerState, response: str, *, now: datetime, rng: random.Random
) -> Outcome:
    answered = quiz.take_answer(tutor, state, response, now=now, rng=rng)
    if answered is None:
        return quick_question(tutor, state, response)
    return go_on(tutor, state.mode, answered, now=now, rng=rng)


def skip(tutor: Tutor, state: LearnerState, *, now: datetime, rng: random.Random) -> Outcome:
    answered = quiz.skip(tutor, state, now=now, rng=rng)
    if answered is None:
        return Outcome(state, (Reply(tutor.flows.say("lesson.nothing_pending")),))
    return go_on(tutor, state.mode, answered, now=now, rng=rng)


def go_on(
    tutor: Tutor, mode: Mode, answered: quiz.Answered, *, now: datetime, rng: random.Random
) -> Outcome:
    """After an answer (or a skip): count it in the lesson or review, and continue it."""
    session = answered.state.session
    if mode is Mode.IDLE or session is None:  # a daily prompt, answered on its own
        return Outcome(answered.state, answered.replies, answered.records)
    state = replace(answered.state, session=session.counted(answered.credit, answered.fact.id))
    goes_on = review_session.next_item if mode is Mode.REVIEW else lesson.next_chunk
    return goes_on(tutor, state, answered.replies, answered.records, now=now, rng=rng)


def quick_question(tutor: Tutor, state: LearnerState, question: str) -> Outcome:
    """Answer from the fact base (or admit not knowing), then re-ask what was pending."""
    say = tutor.flows.say
    offer = _topic_offer(tutor, state, question)
    if offer is not None:
        return Outcome(state, _with_pending(tutor, state, offer))
    found = tutor.answerer.answer(question)
    if found.sentence is None:
        titles = ", ".join(topic.title for topic in tutor.facts.topics[:3])
        reply = Reply(say("quick.unknown", suggestion=titles))
    elif not found.sure:
        reply = Reply(say("quick.closest", sentence=found.sentence, source=str(found.source)))
    elif found.answer:
        reply = Reply(
            say(
                "quick.answer",
                answer=found.answer,
                sentence=found.sentence,
                source=str(found.source),
            )
        )
    else:
        reply = Reply(say("quick.sentence", sentence=found.sentence, source=str(found.source)))
    return Outcome(state, _with_pending(tutor, state, reply))


def _topic_offer(tutor: Tutor, state: LearnerState, question: str) -> Reply | None:
    """No one sentence answers "tell me about the Treaty of Paris": its lesson does. The
    reply gives the lesson's first fact and a button to start it (unless it is on)."""
    topic = named_topic(question, tutor.topics_by_title, tutor.flows.topic_openers)
    taught = tutor.lesson_facts.get(topic.id, ()) if topic else ()
    if topic is None or not taught:
        return None
    say = tutor.flows.say
    text = say(
        "quick.topic",
        topic=topic.title,
        facts=len(taught),
        sentence=taught[0].text,
        source=str(taught[0].source),
    )
    if state.mode is Mode.LESSON and state.topic_id == topic.id:
        return Reply(text)
    return Reply(text, (Choice(say("quick.topic_start"), encode(TopicPayload(topic.id))),))


def _keeping_pending(tutor: Tutor, outcome: Outcome) -> Outcome:
    return replace(outcome, replies=(*outcome.replies, *_pending(tutor, outcome.state)))


def _with_pending(tutor: Tutor, state: LearnerState, reply: Reply) -> tuple[Reply, ...]:
    return (reply, *_pending(tutor, state))


def _pending(tutor: Tutor, state: LearnerState) -> tuple[Reply, ...]:
    """The waiting question, if any, brought back after a reply that left it waiting."""
    current = waiting.reask(tutor, state)
    if current is None:
        return ()
    return (Reply(tutor.flows.say("quick.back_to_question")), current)
