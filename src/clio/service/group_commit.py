"""Group commit: events that arrive while a unit of work runs go together in the next one.

Every unit of work costs round trips of its own (BEGIN, COMMIT, a statement per kind of
record), and on SQLite units of work take turns in the process. Under load, many learners'
events wait at once; running them in one unit of work pays those costs once for all of them.
At low load nothing waits: the first event starts a run at once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")
Run = Callable[[Sequence[Item]], Awaitable[Sequence[Result | Exception]]]


class GroupCommit(Generic[Item, Result]):
    """Hands queued items to `run` in groups of at most `most`, one group at a time.

    `run` returns one result per item, in order: a value, or the exception that item's
    submitter gets. An exception out of `run` itself fails the whole group."""

    def __init__(self, run: Run[Item, Result], *, most: int = 64) -> None:
        self._run = run
        self._most = most
        self._waiting: list[tuple[Item, asyncio.Future[Result]]] = []
        self._runner: asyncio.Task[None] | None = None

    async def submit(self, item: Item) -> Result:
        future: asyncio.Future[Result] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if self._runner is None:
            self._runner = asyncio.create_task(self._drain())
        # A submitter that stops waiting does not stop its item: it may already be running
        # together with others, and their unit of work commits or fails as one.
        return await future

    async def _drain(self) -> None:
        try:
            while self._waiting:
                group = self._waiting[: self._most]
                del self._waiting[: self._most]
                await self._run_group(group)
        except BaseException as error:  # cancelled at shutdown: nobody is left waiting
            for _item, future in self._waiting:
                _settle(future, error)
            self._waiting.clear()
            raise
        finally:
            self._runner = None

    async def _run_group(self, group: list[tuple[Item, asyncio.Future[Result]]]) -> None:
        try:
            results = await self._run([item for item, _future in group])
        except BaseException as error:
            for _item, future in group:
                _settle(future, error)
            if not isinstance(error, Exception):
                raise
            return
        for (_item, future), result in zip(group, results, strict=True):
            _settle(future, result)


def _settle(future: asyncio.Future[Result], outcome: Result | BaseException) -> None:
    if future.done():  # its submitter was cancelled
        return
    if isinstance(outcome, asyncio.CancelledError):
        future.cancel()
    elif isinstance(outcome, BaseException):
        future.set_exception(outcome)
    else:
        future.set_result(outcome)
