"""`InputError`: what a reader yields instead of a `Document` for an input it cannot use."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class InputError:
    """One input that could not be read, with the reason, for a one-line message."""

    origin: str
    reason: str

    def __str__(self) -> str:
        return f"eventwire: {self.origin}: {self.reason}"
