"""HTTP for `eventwire watch`: conditional GETs with timeouts, retries with back-off, and a
minimum delay between two requests to the same host.

    fetcher = Fetcher(FetchPolicy(timeout=10))
    response = fetcher.get(url, etag='"abc"', last_modified=None)   # status 200 or 304
    # or raises FetchError(url, reason) once the retries are spent
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

import httpx

RETRY_STATUSES = frozenset({408, 425, 429, 500, 502, 503, 504})
USER_AGENT = "eventwire-watch/0.1 (conflict-event monitor; polite polling)"


@dataclass(frozen=True)
class FetchPolicy:
    timeout: float = 15.0
    retries: int = 2
    """Extra tries after a timeout, a connection error or a retryable status (429, 5xx)."""
    backoff: float = 1.0
    """Seconds before the first retry; doubled for each further one."""
    max_backoff: float = 60.0
    host_delay: float = 1.0
    """Minimum seconds between two requests to one host."""
    max_bytes: int = 10 * 1024 * 1024


@dataclass(frozen=True)
class Response:
    url: str
    status: int
    body: bytes
    etag: str | None
    last_modified: str | None
    content_type: str

    @property
    def not_modified(self) -> bool:
        return self.status == 304

    def text(self) -> str:
        charset = "utf-8"
        for part in self.content_type.split(";")[1:]:
            key, _, value = part.strip().partition("=")
            if key.lower() == "charset" and value:
                charset = value.strip("\"'")
        try:
            return self.body.decode(charset, errors="replace")
        except LookupError:
            return self.body.decode("utf-8", errors="replace")


class FetchError(Exception):
    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason


class Fetcher:
    def __init__(
        self,
        policy: FetchPolicy | None = None,
        client: httpx.Client | None = None,
        sleep: Callable[[float], None] = time.sleep,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.policy = policy or FetchPolicy()
        self.client = client or httpx.Client(
            timeout=self.policy.timeout,
            follow_redirects=True,
            headers={"User-Agent": USER_AGENT},
        )
        self.sleep = sleep
        self.clock = clock
        self._last_request: dict[str, float] = {}

    def close(self) -> None:
        self.client.close()

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        reason = "no attempt made"
        for attempt in range(self.policy.retries + 1):
            if attempt:
                self.sleep(self._delay(attempt, reason))
            self._wait_for_host(url)
            try:
                response = self.client.get(url, headers=headers)
            except httpx.TimeoutException:
                reason = f"timed out after {self.policy.timeout:g} s"
                continue
            except httpx.HTTPError as error:
                reason = f"{type(error).__name__}: {error}" if str(error) else type(error).__name__
                continue
            if response.status_code == 304 or 200 <= response.status_code < 300:
                return self._response(url, response)
            reason = f"HTTP {response.status_code}"
            retry_after = response.headers.get("Retry-After", "")
            if retry_after.isdigit():
                reason += f" (retry after {retry_after} s)"
            if response.status_code not in RETRY_STATUSES:
                break
        raise FetchError(url, reason)

    def _delay(self, attempt: int, reason: str) -> float:
        delay = self.policy.backoff * 2 ** (attempt - 1)
        if "retry after " in reason:
            delay = max(delay, float(reason.rsplit("retry after ", 1)[1].split()[0]))
        return min(delay, self.policy.max_backoff)

    def _wait_for_host(self, url: str) -> None:
        host = urlsplit(url).netloc.lower()
        last = self._last_request.get(host)
        if last is not None:
            wait = self.policy.host_delay - (self.clock() - last)
            if wait > 0:
                self.sleep(wait)
        self._last_request[host] = self.clock()

    def _response(self, url: str, response: httpx.Response) -> Response:
        body = b"" if response.status_code == 304 else response.content
        if len(body) > self.policy.max_bytes:
            raise FetchError(url, f"response over {self.policy.max_bytes // 1_000_000} MB")
        return Response(
            url=str(response.url),
            status=response.status_code,
            body=body,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            content_type=response.headers.get("Content-Type", ""),
        )
