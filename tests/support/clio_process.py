"""`clio run` as a real OS process in webhook mode, for tests of several processes on one
database: started with its settings in the environment, ready once its webhook answers,
stopped with SIGTERM as a service manager would."""

from __future__ import annotations

import asyncio
import signal
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import aiohttp
from fakebot.updates import JsonDict

WEBHOOK_URL = "https://bot.example.org/telegram"  # the proxy's public address
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
START_TIMEOUT = 60.0  # a loaded machine, importing and loading the fact base


class ClioProcess:
    """One `clio -v run --webhook-url ... --port P` process, logging to `log`."""

    def __init__(
        self, *, env: Mapping[str, str], port: int, log: Path, extra: Sequence[str] = ()
    ) -> None:
        self.env = dict(env)
        self.port = port
        self.log = log
        self.extra = tuple(extra)
        self._process: asyncio.subprocess.Process | None = None

    @property
    def hook(self) -> str:
        """Where the reverse proxy forwards this process's share of the webhook."""
        return f"http://127.0.0.1:{self.port}/telegram"

    async def start(self) -> None:
        """Start the process and wait until its webhook answers (a 403 without the secret)."""
        argv = [sys.executable, "-m", "clio", "-v", "run", "--webhook-url", WEBHOOK_URL]
        argv += ["--listen", "127.0.0.1", "--port", str(self.port), *self.extra]
        with self.log.open("wb") as out:
            self._process = await asyncio.create_subprocess_exec(
                *argv, env=self.env, stdout=out, stderr=asyncio.subprocess.STDOUT
            )
        try:
            async with asyncio.timeout(START_TIMEOUT):
                while await self._probe() != 403:
                    if self._process.returncode is not None:
                        raise RuntimeError(f"clio run exited: {self.output()}")
                    await asyncio.sleep(0.1)
        except TimeoutError:
            raise RuntimeError(f"clio run did not start: {self.output()}") from None

    async def post(self, update: JsonDict, *, secret: str) -> int:
        """POST `update` as Telegram (through the proxy) would; the HTTP status."""
        async with (
            aiohttp.ClientSession() as session,
            session.post(self.hook, json=update, headers={SECRET_HEADER: secret}) as response,
        ):
            return response.status

    async def stop(self) -> int:
        """SIGTERM, then the exit code (killed after 20 s: a stop that hangs is a failure)."""
        process = self._process
        if process is None or process.returncode is not None:
            return process.returncode if process is not None else 0
        process.send_signal(signal.SIGTERM)
        try:
            return await asyncio.wait_for(process.wait(), 20)
        except TimeoutError:
            process.kill()
            await process.wait()
            raise RuntimeError(f"clio run did not stop on SIGTERM: {self.output()}") from None

    def output(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-4000:]

    async def _probe(self) -> int | None:
        try:
            async with (
                aiohttp.ClientSession() as session,
                session.post(self.hook, json={}) as response,
            ):
                return response.status
        except aiohttp.ClientConnectionError:
            return None
