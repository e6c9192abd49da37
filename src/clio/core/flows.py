"""Dialog content as typed, frozen values: texts, lesson pace and small talk (from YAML)."""

from __future__ import annotations

import string
from collections.abc import Mapping
from dataclasses import dataclass, field

# Every text the engine says, with the placeholders it may use. The loader checks dialogs
# against this table, so a typo in a key or a placeholder is caught at load, not in a chat.
TEXT_PLACEHOLDERS: Mapping[str, frozenset[str]] = {
    key: frozenset(names.split()) if names else frozenset()
    for key, names in {
        "onboarding.welcome": "name",
        "onboarding.choose_topic": "",
        "onboarding.how_to_ask": "example",
        "onboarding.daily_offer": "time zone",
        "onboarding.daily_yes": "time",
        "onboarding.daily_no": "",
        "settings.timezone_set": "zone local_time",
        "settings.timezone_current": "zone local_time",
        "settings.timezone_unknown": "typed",
        "settings.daily_set": "time zone next",
        "settings.daily_current": "time zone",
        "settings.daily_none": "",
        "settings.daily_off": "",
        "settings.daily_invalid": "typed",
        "help.text": "",
        "help.unknown_command": "command",
        "help.did_you_mean": "command suggestion",
        "lesson.no_topics": "",
        "lesson.unknown_topic": "topic",
        "lesson.start": "topic facts",
        "lesson.resume": "topic",
        "lesson.chunk": "facts",
        "lesson.correct": "answer",
        "lesson.partial": "answer missing",
        "lesson.wrong": "answer",
        "lesson.source": "sentence source",
        "lesson.skipped": "answer",
        "lesson.recap": "topic correct total",
        "lesson.recap_review": "facts",
        "lesson.recap_perfect": "",
        "lesson.hint_first_letter": "letter length",
        "lesson.hint_choices": "",
        "lesson.no_more_hints": "",
        "lesson.confused_typed": "",
        "lesson.confused_choices": "",
        "lesson.nothing_pending": "",
        "lesson.override": "",
        "lesson.nothing_to_override": "",
        "lesson.expired": "",
        "lesson.true_choice": "",
        "lesson.false_choice": "",
        "review.start": "due new",
        "review.nothing": "",
        "review.done": "correct total",
        "quick.answer": "answer sentence source",
        "quick.sentence": "sentence source",
        "quick.closest": "sentence source",
        "quick.topic": "topic facts sentence source",
        "quick.topic_start": "",
        "quick.unknown": "suggestion",
        "quick.back_to_question": "",
        "progress.header": "",
        "progress.topic": "topic seen total accuracy due mastery",
        "progress.streak": "days",
        "progress.next_review": "when",
        "progress.no_reviews": "",
        "progress.review_now": "",
        "progress.empty": "",
        "chat.empty": "",
        "chat.emoji": "",
        "chat.lost": "",
        "chat.too_long": "limit",
        "chat.not_text": "",
        "chat.private_only": "link",
        "errors.apology": "",
        "prompt.review": "streak",
        "prompt.new": "streak fact",
        "prompt.reminder": "streak",
        "prompt.all_done": "streak",
        "teacher.invite_link": "name link code",
        "teacher.invite_code": "name code",
        "teacher.class_created": "name number day time",
        "teacher.newclass_usage": "",
        "teacher.name_too_long": "limit",
        "teacher.classes_header": "",
        "teacher.class_line": "number name members code",
        "teacher.joined_header": "",
        "teacher.joined_line": "name",
        "teacher.no_classes": "",
        "teacher.pick_class": "",
        "teacher.not_yours": "typed",
        "teacher.no_teaching": "",
        "teacher.renamed": "number name",
        "teacher.rename_usage": "",
        "teacher.revoked": "name",
        "teacher.remove_usage": "",
        "teacher.removed": "learner name",
        "teacher.no_such_member": "typed name",
        "teacher.ambiguous_member": "typed name",
        "teacher.close_confirm": "name members",
        "teacher.closed": "name",
        "teacher.yes": "",
        "teacher.no": "",
        "teacher.kept": "",
        "teacher.joined": "name",
        "teacher.already_member": "name",
        "teacher.own_class": "name",
        "teacher.bad_code": "",
        "teacher.join_usage": "",
        "teacher.left": "name",
        "teacher.not_in_class": "typed",
        "teacher.summary_header": "name members active",
        "teacher.summary_no_answers": "",
        "teacher.summary_topic": "topic lessons accuracy answers learners levels",
        "teacher.summary_learners": "",
        "teacher.summary_learner": "name answers accuracy mastery streak last",
        "teacher.summary_never": "",
        "teacher.summary_more": "count",
        "teacher.summary_inactive": "names",
        "teacher.summary_struggling": "names",
        "teacher.summary_all_well": "",
        "teacher.summary_hardest_header": "",
        "teacher.summary_hardest": "accuracy answers question fact",
        "teacher.summary_hardest_plain": "accuracy answers question",
        "teacher.export_caption": "name",
        "teacher.chart_caption": "name",
        "teacher.weekly_header": "",
        "teacher.weekly_set": "day time zone next",
        "teacher.weekly_current": "day time zone",
        "teacher.weekly_off": "",
        "teacher.weekly_invalid": "typed",
        "teacher.mydata_caption": "",
        "teacher.forget_confirm": "",
        "teacher.forgotten": "",
    }.items()
}


@dataclass(frozen=True)
class LessonSettings:
    """The shape of a guided lesson: facts per chunk and the order of question kinds tried."""

    chunk_size: int = 2
    question_kinds: tuple[str, ...] = ("when", "who", "where", "multiple_choice", "cloze")
    max_hints: int = 2


@dataclass(frozen=True)
class ReviewSettings:
    """How many items one review session holds at most, and new items added after due ones."""

    session_size: int = 10
    new_items: int = 3


@dataclass(frozen=True)
class MasteryLevel:
    """A named level reached when both thresholds are met (share of facts seen, accuracy)."""

    name: str
    min_seen: float
    min_accuracy: float


@dataclass(frozen=True)
class SmallTalk:
    """An intent recognised by exact phrases (normalised), answered with a reply;
    `while_waiting`, when set, replaces it while a question waits for its answer ("Ready
    for more? Type /lesson" would point away from the question brought back after it)."""

    name: str
    phrases: frozenset[str]
    reply: str
    while_waiting: str | None = None


@dataclass(frozen=True)
class Flows:
    """All dialog content, loaded once and shared by every learner."""

    texts: Mapping[str, str]
    lesson: LessonSettings = LessonSettings()
    review: ReviewSettings = ReviewSettings()
    mastery: tuple[MasteryLevel, ...] = ()
    small_talk: tuple[SmallTalk, ...] = ()
    commands: Mapping[str, str] = field(default_factory=dict)
    command_aliases: Mapping[str, str] = field(default_factory=dict)  # "stats" -> "progress"
    override_phrases: frozenset[str] = frozenset()
    example_question: str = ""  # the welcome's example of a question the seeds answer
    default_daily_time: str = "18:00"
    default_weekly_report: str = "mon 17:00"  # a new teacher's weekly report (local time)
    skip_phrases: frozenset[str] = frozenset()  # typed instead of /skip while a question waits
    hint_phrases: frozenset[str] = frozenset()  # typed instead of /hint
    # The learner is lost while a question waits: whole messages, and question words that
    # count only with a "?" (alone they may be an answer).
    confused_phrases: frozenset[str] = frozenset()
    confused_questions: frozenset[str] = frozenset()
    max_message_length: int = 1000
    # What opens a question about a whole topic ("tell me about", "what was").
    topic_openers: frozenset[str] = frozenset()

    def say(self, key: str, **values: object) -> str:
        """Render text `key`; the loader has already checked that the placeholders exist."""
        return self.texts[key].format_map(values)


def placeholders(template: str) -> set[str]:
    """The `{names}` a template uses (raises ValueError on malformed braces)."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
