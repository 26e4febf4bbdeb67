"""Progress on a terminal, silence in a pipe; one-line descriptions of what failed."""

from __future__ import annotations

import sys
import time
from types import TracebackType
from typing import TextIO


def describe_error(error: BaseException) -> str:
    """`Type: first line of the message`: how a failed document is reported, one line."""
    text = str(error)
    return f"{type(error).__name__}: {text.splitlines()[0] if text else ''}"


class Progress:
    def __init__(
        self,
        label: str,
        total: int | None = None,
        unit: str = "items",
        stream: TextIO | None = None,
    ) -> None:
        self.label = label
        self.total = total
        self.unit = unit
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()
        self.count = 0
        self.started = time.perf_counter()
        self._last_draw = 0.0

    def advance(self, step: int = 1) -> None:
        self.count += step
        now = time.perf_counter()
        if self.enabled and now - self._last_draw > 0.2:
            self._last_draw = now
            self._draw(now)

    def _draw(self, now: float) -> None:
        rate = self.count / max(now - self.started, 1e-9)
        total = f"/{self.total}" if self.total else ""
        self.stream.write(f"\r{self.label}: {self.count}{total} {self.unit} ({rate:.1f}/s)")
        self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.enabled and self.count:
            self._draw(time.perf_counter())
            self.stream.write("\n")
