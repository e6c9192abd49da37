"""PTB's request interface on aiohttp, with a few keep-alive connections.

Why not PTB's own HTTPXRequest: with 32 updates handled at once, httpx's connection pool
(httpcore, on anyio) was the adapter's largest cost: each request event walks every pooled
connection, a socket-readability syscall for each idle one. Bounded to eight connections it
was still the largest share; aiohttp's connector hands out a free connection in constant
time and its HTTP parser is compiled. The adapter alone (a canned tutor, bench/
telegram_throughput.py's sessions, a fresh process) went from ~1.6-2.0 ms of CPU per update
(httpx, eight connections) to ~0.65 ms, below the echo bot's ~1.2-1.5 ms.

PTB keeps its part: `BaseRequest.post` maps the Bot API's answers to its errors (RetryAfter,
Forbidden, BadRequest, InvalidToken, ...). This class moves the bytes, uploads files as
multipart/form-data, and turns transport failures into `TimedOut` and `NetworkError` as
HTTPXRequest does. TLS trusts what PTB's httpx client trusts (certifi, or SSL_CERT_FILE)."""

from __future__ import annotations

import logging
import re
from typing import Any

import aiohttp
import httpx
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

# One line per request, as httpx logs them; quiet unless `clio -v` (see secrecy.py).
log = logging.getLogger(__name__)
# Telegram takes about 30 messages a second from one bot (PTB's rate limiter's default); at
# 100-250 ms a round trip, a handful of keep-alive connections carries that and more.
CONNECTIONS = 8
# The token travels in the path (/bot<token>/method); some aiohttp errors quote the URL.
_TOKEN_IN_PATH = re.compile(r"/bot[^/\s]+/")
DEFAULT_TIMEOUT = 5.0  # seconds, as PTB's HTTPXRequest
MEDIA_WRITE_TIMEOUT = 20.0  # an upload may take longer to send than an answer to arrive


class AiohttpRequest(BaseRequest):
    """One aiohttp session per request object, made at `initialize` (it needs the loop)."""

    def __init__(
        self,
        *,
        connections: int = CONNECTIONS,
        read_timeout: float | None = DEFAULT_TIMEOUT,
        write_timeout: float | None = DEFAULT_TIMEOUT,
        connect_timeout: float | None = DEFAULT_TIMEOUT,
        pool_timeout: float | None = None,
    ) -> None:
        # pool_timeout None: a request waits for a free connection as long as it takes; the
        # requests holding them are bounded by their own timeouts.
        self._connections = connections
        self._defaults = {
            "read": read_timeout,
            "write": write_timeout,
            "connect": connect_timeout,
            "pool": pool_timeout,
        }
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        return self._defaults["read"]

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(
                limit=self._connections, ssl=httpx.create_ssl_context()
            )
            self._session = aiohttp.ClientSession(
                connector=connector, headers={"User-Agent": self.USER_AGENT}
            )

    async def shutdown(self) -> None:
        if self._session is not None and not self._session.closed:
            await self._session.close()

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None or self._session.closed:
            raise RuntimeError("This AiohttpRequest is not initialized!")
        uploads = request_data is not None and request_data.contains_files
        timeout = self._timeout(
            read=read_timeout,
            write=write_timeout,
            connect=connect_timeout,
            pool=pool_timeout,
            uploads=uploads,
        )
        try:
            async with self._session.request(
                method, url, data=_body(request_data), timeout=timeout
            ) as response:
                payload = await response.read()
        except TimeoutError as error:  # aiohttp's own timeouts are TimeoutErrors too
            raise TimedOut from error
        except aiohttp.ClientError as error:
            reason = _TOKEN_IN_PATH.sub("/bot<token>/", str(error))
            raise NetworkError(f"aiohttp.{type(error).__name__}: {reason}") from error
        log.info("HTTP Request: %s %s %s %s", method, url, response.status, response.reason)
        return response.status, payload

    def _timeout(
        self, *, read: Any, write: Any, connect: Any, pool: Any, uploads: bool
    ) -> aiohttp.ClientTimeout:
        """PTB's four timeouts (each DEFAULT_NONE for this object's own) as aiohttp's.

        aiohttp has no write timeout: the wait for the answer (`sock_read`) starts while the
        body is still going out, so for an upload it gets the write timeout on top (a small
        form goes out at once)."""
        given = {"read": read, "write": write, "connect": connect, "pool": pool}
        seconds = {
            name: self._defaults[name] if value is BaseRequest.DEFAULT_NONE else value
            for name, value in given.items()
        }
        if uploads and write is BaseRequest.DEFAULT_NONE:
            seconds["write"] = MEDIA_WRITE_TIMEOUT
        answer = _plus(seconds["read"], seconds["write"]) if uploads else seconds["read"]
        return aiohttp.ClientTimeout(
            sock_read=answer,
            sock_connect=seconds["connect"],
            connect=_plus(seconds["pool"], seconds["connect"]),
        )


def _plus(first: float | None, second: float | None) -> float | None:
    """Two timeouts one after the other; None (no limit) if either has none."""
    return None if first is None or second is None else first + second


def _body(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    """The parameters form-encoded, as PTB's httpx client sends them; multipart with files."""
    if request_data is None:
        return None
    if not request_data.contains_files:
        return request_data.json_parameters
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mimetype) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mimetype)
    return form
