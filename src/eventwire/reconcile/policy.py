"""The reconciliation policy as data: how specific a hedge is, how authoritative a source is.

See docs/reconciliation.md for the rules these feed.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.data import load_toml

SPECIFICITY = {
    "exact": 6,
    "about": 5,
    "estimate": 4,
    "at_least": 3,
    "more_than": 3,
    "up_to": 2,
    "vague": 1,
}
"""Rank of a claim's qualifier: an exact figure says more than "at least", which says more than
"dozens"."""


@cache
def _authority_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    sources = load_toml("lexicons/casualties.toml")["sources"]

    def pattern(words: list[str]) -> re.Pattern[str]:
        return re.compile(r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")

    return pattern(sources["authority_national"]), pattern(sources["authority_official"])


def authority(source: str | None) -> int:
    """3 national authority (ministry, army), 2 other officials, 1 any named source, 0 none."""
    if not source:
        return 0
    text = source.lower()
    national, official = _authority_patterns()
    if national.search(text):
        return 3
    if official.search(text):
        return 2
    return 1


def specificity(qualifier: str) -> int:
    return SPECIFICITY.get(qualifier, 0)
