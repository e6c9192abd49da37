"""`clio chat` killed (SIGKILL) mid-lesson and started again resumes the same question."""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
WAIT_SECONDS = 120  # the first start builds the fact base cache

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="needs SIGKILL")


class Chat:
    """A `python -m clio chat` process fed line by line; its output read as it comes."""

    def __init__(self, env: dict[str, str]) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "clio", "chat", "--user", "ada"],
            cwd=REPO,
            env=env,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            bufsize=1,
        )
        self.lines: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))
        self.lines.put(None)

    def send(self, *lines: str) -> None:
        assert self.process.stdin is not None
        for line in lines:
            self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def read_until(self, done: Callable[[str], bool]) -> list[str]:
        """Output lines up to and including the first for which `done` is true."""
        seen: list[str] = []
        while True:
            try:
                line = self.lines.get(timeout=WAIT_SECONDS)
            except queue.Empty:
                pytest.fail(f"no output for {WAIT_SECONDS}s; so far: {seen}")
            if line is None:
                err = self.process.stderr.read() if self.process.stderr else ""
                pytest.fail(f"clio chat ended early; output {seen}; stderr {err}")
            seen.append(line)
            if done(line):
                return seen


def reply_to(output: list[str], line: str) -> list[str]:
    """The lines printed between the echo of `line` and the next echoed input."""
    start = output.index(f"> {line}") + 1
    end = next((i for i in range(start, len(output)) if output[i].startswith("> ")), len(output))
    return output[start:end]


def question_block(reply: list[str]) -> list[str]:
    """The question (and its numbered choices) at the end of a lesson reply."""
    after_facts = max((i for i, text in enumerate(reply) if text.startswith("• ")), default=0)
    return reply[after_facts + 1 :]


def test_chat_killed_mid_lesson_resumes_the_same_question(tmp_path: Path) -> None:
    env = {
        **os.environ,
        "CLIO_DATA_DIR": str(tmp_path / "data"),
        "CLIO_DATABASE_URL": f"sqlite:///{tmp_path / 'data' / 'clio.db'}",
        "CLIO_CACHE_DIR": str(tmp_path / "cache"),
        "CLIO_SEEDS_DIR": str(REPO / "seeds"),
        "CLIO_DIALOGS_DIR": str(REPO / "dialogs"),
        "PYTHONPATH": str(REPO / "src"),
    }
    first = Chat(env)
    first.send("/start", "3", "1855", "/progress")  # 3: the topic (1-2: the daily offer)
    output = first.read_until(lambda line: line == "> /progress")
    asked = question_block(reply_to(output, "1855"))
    assert asked and not asked[0].startswith(("✅", "❌", "Source:")), output
    first.process.send_signal(signal.SIGKILL)
    assert first.process.wait(timeout=WAIT_SECONDS) == -signal.SIGKILL

    second = Chat(env)
    try:
        second.send("/lesson", "/help")
        output = second.read_until(lambda line: line == "> /help")
    finally:
        second.process.kill()
        second.process.wait(timeout=WAIT_SECONDS)
    resumed = reply_to(output, "/lesson")
    assert resumed[0].startswith("Welcome back to Treaty of Paris"), resumed
    assert resumed[1:] == asked
