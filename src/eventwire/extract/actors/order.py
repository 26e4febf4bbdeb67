"""The report's order of the sides, for a clash whose parse gives no role.

ACLED names the two sides of a clash in the order the report gives them: "clashes between A and
B", "A clashed with B" make A actor1 and B actor2. The parse says so when it has a role for the
mention; this reads the surface of the sentence when it has none (a sentence left unparsed, or a
parse that hangs the names elsewhere).
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.data import load_toml

AGENT, TARGET = "agent", "target"
_WINDOW = 90
"""How far (characters) a side may stand from the clash words that order it."""
_BREAK = re.compile(r"[.;:()]|\b(?:after|before|when|while|who|which|that)\b", re.IGNORECASE)


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    words = load_toml("actors.toml")["roles"]["clash_words"]
    stem = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    noun = rf"\b(?:{stem})(?:e?s|ed|ing)?\b"
    between = re.compile(noun + r"(?:\s+\w+){0,3}?\s+between\s+", re.IGNORECASE)
    with_ = re.compile(noun + r"\s+(?:with|against)\s+", re.IGNORECASE)
    return between, with_


def surface_role(text: str, start: int, end: int) -> str | None:
    """AGENT for the first side of a clash the sentence states, TARGET for the second."""
    between, with_ = _patterns()
    for found in between.finditer(text):
        if found.end() <= start and _joined(text[found.end() : start]):
            span = text[found.end() : start]
            return TARGET if re.search(r"\band\b|&", span) else AGENT
    for found in with_.finditer(text):
        if found.end() <= start and _joined(text[found.end() : start]):
            return TARGET
        if end <= found.start() and _joined(text[end : found.start()], subject=True):
            return AGENT
    return None


def _joined(span: str, subject: bool = False) -> bool:
    """The span keeps the mention in the clash's clause ("the army and X", not "...; X")."""
    if len(span) > _WINDOW or _BREAK.search(span):
        return False
    return not subject or not re.search(r",", span)
