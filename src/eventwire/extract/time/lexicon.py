"""The compiled form of `lexicons/time.toml`: word tables and the regex fragments built from them.

Loaded once per process (functools.cache); the rules in `rules` only read from it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from eventwire.data import load_toml

LEXICON = "lexicons/time.toml"


@dataclass(frozen=True)
class TimeLexicon:
    weekdays: dict[str, int]
    months: dict[str, int]
    english_months: frozenset[str]
    french_months: frozenset[str]
    abbreviations: frozenset[str]
    past_modifiers: frozenset[str]
    future_modifiers: frozenset[str]
    relative: dict[str, tuple[str, int]]
    """normalised phrase -> (unit, offset); unit is day, prior (days before the date the text
    spoke of just before), week, weekend, month or year."""
    ago_units: dict[str, str]
    numbers: dict[str, int]
    approximate: tuple[str, ...]
    background: tuple[str, ...]
    qualifiers: tuple[str, ...]
    statement_cues: tuple[str, ...]
    event_cues: tuple[str, ...]
    page: dict[str, tuple[str, ...]]
    """Byline and related-link words (published, updated, related): see `anchor`."""


def normalise(phrase: str) -> str:
    """Lower case, single spaces, straight apostrophes: the key form of a lexicon phrase."""
    return " ".join(phrase.lower().replace("’", "'").split())


def alternation(phrases: list[str] | tuple[str, ...] | frozenset[str]) -> str:
    """A regex alternation of phrases, longest first; spaces and apostrophes match loosely."""
    parts = []
    for phrase in sorted(set(phrases), key=lambda p: (-len(p), p)):
        escaped = re.escape(phrase).replace(r"\ ", r"\s+").replace("'", "['’]")
        parts.append(escaped)
    return "|".join(parts)


def month_alternation(lexicon: TimeLexicon) -> str:
    """Month names; abbreviations may take a full stop ("Sept.")."""
    parts = []
    for name in sorted(lexicon.months, key=lambda n: (-len(n), n)):
        escaped = re.escape(name)
        parts.append(escaped + r"\.?" if name in lexicon.abbreviations else escaped)
    return "|".join(parts)


@cache
def time_lexicon() -> TimeLexicon:
    data = load_toml(LEXICON)
    months: dict[str, int] = {}
    for table in data["months"].values():
        months.update({name.lower(): int(number) for name, number in table.items()})
    weekdays: dict[str, int] = {}
    for table in data["weekdays"].values():
        weekdays.update({name.lower(): int(number) for name, number in table.items()})
    words = data["words"]
    return TimeLexicon(
        weekdays=weekdays,
        months=months,
        english_months=frozenset(name.lower() for name in data["months"]["en"]),
        french_months=frozenset(name.lower() for name in data["months"]["fr"]),
        abbreviations=_abbreviations(data["months"]),
        past_modifiers=frozenset(normalise(w) for w in data["weekday_modifiers"]["past"]),
        future_modifiers=frozenset(normalise(w) for w in data["weekday_modifiers"]["future"]),
        relative=_relative(data["relative"]),
        ago_units={normalise(k): v for k, v in data["ago"]["units"].items()},
        numbers={normalise(k): int(v) for k, v in data["numbers"].items()},
        approximate=tuple(words["approximate"]),
        background=tuple(words["background"]),
        qualifiers=tuple(words["month_year_qualifiers"]),
        statement_cues=tuple(w.lower() for w in data["cues"]["statement"]),
        event_cues=tuple(w.lower() for w in data["cues"]["event"]),
        page={name: tuple(words) for name, words in data["page"].items()},
    )


def _abbreviations(tables: dict[str, dict[str, Any]]) -> frozenset[str]:
    """Names that are a strict prefix of another name of the same month in the same language."""
    found = set()
    for table in tables.values():
        for name, number in table.items():
            for other, other_number in table.items():
                if other_number == number and other != name and other.startswith(name):
                    found.add(name.lower())
    return frozenset(found)


def _relative(tables: dict[str, dict[str, int]]) -> dict[str, tuple[str, int]]:
    units = {"days": "day", "weeks": "week", "weekends": "weekend", "months": "month"}
    units["prior_days"] = "prior"
    units["years"] = "year"
    return {
        normalise(phrase): (units[table], int(offset))
        for table, entries in tables.items()
        for phrase, offset in entries.items()
    }
