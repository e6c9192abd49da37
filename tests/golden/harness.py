"""Golden chats: a YAML script of input lines (and clock moves) run through `clio chat`'s
path (console adapter, service, SQLite store) with a fixed clock and seeded chance."""

from __future__ import annotations

import io
import os
import random
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import yaml

from clio.adapters.console.chat import run_chat
from clio.bootstrap import build_service
from clio.core.tutor import Tutor
from clio.service.tutoring import Incoming
from clio.settings import Settings

REPO = Path(__file__).resolve().parents[2]
GOLDEN_DIR = Path(__file__).resolve().parent
UPDATE_ENV = "CLIO_UPDATE_GOLDEN"  # set to 1 to rewrite the transcripts instead of checking
_DURATION = re.compile(r"^(\d+)([wdhms])$")
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes", "s": "seconds"}
_KEYS = {"description", "user", "clock", "seed", "tick", "input", "transcript"}


class GoldenError(ValueError):
    """A golden file that cannot be run: names the file and what is wrong."""


@dataclass(frozen=True)
class Advance:
    """Move the clock forward between two lines (instead of sleeping)."""

    by: timedelta
    spelled: str


@dataclass(frozen=True)
class Script:
    path: Path
    user: str
    clock: datetime
    seed: int
    tick: timedelta
    steps: tuple[str | Advance, ...]
    transcript: str | None


def duration(text: str, *, where: str) -> timedelta:
    """'2d', '3h', '90s', '1w', '15m' as a timedelta."""
    found = _DURATION.match(str(text).strip())
    if found is None:
        raise GoldenError(f"{where}: {text!r} is no duration (use e.g. 2d, 3h, 15m, 90s, 1w)")
    return timedelta(**{_UNITS[found[2]]: int(found[1])})


def load_script(path: Path) -> Script:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise GoldenError(f"{path}: expected a mapping with 'input' and 'transcript'")
    unknown = set(data) - _KEYS
    if unknown:
        raise GoldenError(f"{path}: unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    if not isinstance(data.get("input"), list) or not data["input"]:
        raise GoldenError(f"{path}: 'input' must be a non-empty list of lines")
    clock = data.get("clock", "2026-03-02T09:00:00+00:00")
    start = clock if isinstance(clock, datetime) else datetime.fromisoformat(str(clock))
    if start.tzinfo is None:
        raise GoldenError(f"{path}: 'clock' needs a time zone, e.g. 2026-03-02T09:00:00Z")
    return Script(
        path=path,
        user=str(data.get("user", "ada")),
        clock=start.astimezone(UTC),
        seed=int(data.get("seed", 1)),
        tick=duration(data.get("tick", "20s"), where=f"{path}: tick"),
        steps=tuple(
            _step(item, where=f"{path}: input[{i}]") for i, item in enumerate(data["input"])
        ),
        transcript=data.get("transcript"),
    )


def _step(item: Any, *, where: str) -> str | Advance:
    if isinstance(item, dict) and set(item) == {"advance"}:
        return Advance(duration(item["advance"], where=where), str(item["advance"]))
    if isinstance(item, str | int):
        return str(item)
    raise GoldenError(f"{where}: expected a line of text or {{advance: 2d}}, got {item!r}")


class ScriptClock:
    """Each event takes `tick` of the learner's time; `advance` jumps ahead."""

    def __init__(self, start: datetime, tick: timedelta) -> None:
        self.now = start
        self._tick = tick
        self.calls: list[datetime] = []  # the service asks once per event: event times

    def __call__(self) -> datetime:
        self.now += self._tick
        self.calls.append(self.now)
        return self.now


@dataclass(frozen=True)
class Run:
    transcript: str
    event_times: tuple[datetime, ...]


class ScriptSource:
    """Feeds the chat its lines one by one; clock moves are shown in the transcript."""

    def __init__(self, steps: tuple[str | Advance, ...], clock: ScriptClock, sink: io.StringIO):
        self._steps = list(steps)
        self._clock = clock
        self._sink = sink

    def readline(self) -> str:
        while self._steps:
            item = self._steps.pop(0)
            if isinstance(item, Advance):
                self._clock.now += item.by
                self._sink.write(f"~ {item.spelled} later: {self._clock.now:%Y-%m-%d %H:%M} UTC\n")
                continue
            return item + "\n"
        return ""


def seeded(seed: int) -> Any:
    """A fresh generator per event, seeded by the script's seed and the event's number."""
    count = 0

    def rng_for(_incoming: Incoming) -> random.Random:
        nonlocal count
        count += 1
        return random.Random(f"{seed}:{count}")

    return rng_for


def settings_for(workdir: Path, cache_dir: Path) -> Settings:
    return Settings(
        seeds_dir=REPO / "seeds",
        dialogs_dir=REPO / "dialogs",
        cache_dir=cache_dir,
        data_dir=workdir,
        database_url=f"sqlite:///{workdir / 'clio.db'}",
    )


async def run_script(script: Script, *, tutor: Tutor, settings: Settings) -> Run:
    """The transcript the script produces, exactly as `clio chat` prints piped input."""
    clock = ScriptClock(script.clock, script.tick)
    service = await build_service(settings, tutor=tutor, clock=clock, rng_for=seeded(script.seed))
    sink = io.StringIO()
    try:
        await run_chat(
            service.handle,
            source=ScriptSource(script.steps, clock, sink),  # type: ignore[arg-type]
            sink=sink,
            user_id=script.user,
            name=script.user.title(),
            interactive=False,
        )
    finally:
        await service.close()
    return Run(sink.getvalue(), tuple(clock.calls))


def updating() -> bool:
    return os.environ.get(UPDATE_ENV, "") not in ("", "0")


def write_transcript(path: Path, transcript: str) -> None:
    """Replace the file's `transcript:` block (kept last) and leave the rest, comments too."""
    text = path.read_text(encoding="utf-8")
    head = re.split(r"(?m)^transcript:.*$", text, maxsplit=1)[0].rstrip("\n")
    body = "".join(f"  {line}\n" if line else "\n" for line in transcript.splitlines())
    path.write_text(f"{head}\ntranscript: |\n{body}", encoding="utf-8")
    if load_script(path).transcript != transcript:
        raise GoldenError(f"{path}: the transcript does not survive YAML; check its spacing")
