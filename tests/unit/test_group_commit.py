"""GroupCommit: what arrives while a group runs goes together in the next group."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence

import pytest

from clio.service.group_commit import GroupCommit


class Recorder:
    """A `run` that records its groups and waits for a go before finishing each."""

    def __init__(self) -> None:
        self.groups: list[list[str]] = []
        self.go = asyncio.Event()

    async def run(self, items: Sequence[str]) -> list[str | Exception]:
        self.groups.append(list(items))
        await self.go.wait()
        return [ValueError(item) if item.startswith("bad") else item.upper() for item in items]


async def test_the_first_item_runs_at_once_and_later_ones_together() -> None:
    recorder = Recorder()
    groups = GroupCommit(recorder.run, most=3)
    first = asyncio.create_task(groups.submit("a"))
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    assert recorder.groups == [["a"]]  # nobody waited for company
    rest = [asyncio.create_task(groups.submit(item)) for item in "bcde"]
    await asyncio.sleep(0)
    recorder.go.set()
    assert await first == "A"
    assert await asyncio.gather(*rest) == ["B", "C", "D", "E"]
    assert recorder.groups == [["a"], ["b", "c", "d"], ["e"]]


async def test_each_item_gets_its_own_result_or_error() -> None:
    recorder = Recorder()
    recorder.go.set()
    groups = GroupCommit(recorder.run)
    results = await asyncio.gather(
        groups.submit("x"), groups.submit("bad y"), groups.submit("z"), return_exceptions=True
    )
    assert results[0] == "X" and results[2] == "Z"
    assert isinstance(results[1], ValueError) and str(results[1]) == "bad y"


async def test_a_failing_run_fails_its_group_and_the_next_group_still_runs() -> None:
    calls: list[list[str]] = []

    async def run(items: Sequence[str]) -> list[str | Exception]:
        calls.append(list(items))
        if len(calls) == 1:
            await asyncio.sleep(0.01)
            raise RuntimeError("database gone")
        return list(items)

    groups = GroupCommit(run)
    first = asyncio.create_task(groups.submit("a"))
    await asyncio.sleep(0)
    later = asyncio.create_task(groups.submit("b"))
    with pytest.raises(RuntimeError, match="database gone"):
        await first
    assert await later == "b"
    assert calls == [["a"], ["b"]]


async def test_a_submitter_that_gives_up_does_not_stop_the_others() -> None:
    recorder = Recorder()
    groups = GroupCommit(recorder.run)
    impatient = asyncio.create_task(groups.submit("a"))
    await asyncio.sleep(0)
    patient = asyncio.create_task(groups.submit("b"))
    await asyncio.sleep(0)
    impatient.cancel()
    recorder.go.set()
    assert await patient == "B"
    assert impatient.cancelled()
    assert recorder.groups == [["a"], ["b"]]
