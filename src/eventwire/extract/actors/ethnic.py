"""Ethnic militias the report names in so many words, as ACLED names them.

"Gumuz ethnic militia", "a Pokot tribal militia" are the
"<Group> Ethnic Militia (<Country>)" whatever the group (the identity step knows a list of
communities for the reports that give a bare name); "ethnic militias" of no named group are the
Unidentified Ethnic Militia. Template: data/actors.toml, [identity].
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors.rules import ActorEntry, Match

ETHNIC_INTER = 4
_WORD = r"[A-Z][A-Za-z']+"
_SAID = r"(?i:ethnic\s+(?:militias?|militiamen|armed\s+groups?|fighters)|tribal\s+militias?)"
_NAMED = (re.compile(rf"(?<![\w-])({_WORD})(?:[-/]{_WORD})?\s+{_SAID}\b"),)
_UNNAMED = re.compile(r"\b(?i:ethnic|tribal)\s+(?i:militias?|militiamen)\b")
_NOT_GROUPS = frozenset({"The", "A", "An", "Two", "Rival", "Local", "Armed", "Other", "Suspected"})


@cache
def _templates() -> tuple[str, str]:
    template = load_toml("actors.toml")["identity"]["template"]
    return template, template.replace("{group}", "Unidentified")


def ethnic_matches(text: str) -> list[Match]:
    """The ethnic militias the text names as such, as dictionary matches of their ACLED name."""
    named, unnamed = _templates()
    found = []
    for pattern in _NAMED:
        for m in pattern.finditer(text):
            if m.group(1) not in _NOT_GROUPS:
                found.append(_match(named.replace("{group}", m.group(1)), m, text))
    for m in _UNNAMED.finditer(text):
        if all(m.start() >= f.end or m.end() <= f.start for f in found):
            found.append(_match(unnamed, m, text))
    return sorted(found, key=lambda f: f.start)


def _match(name: str, found: re.Match[str], text: str) -> Match:
    entry = ActorEntry(key="ethnic:" + name, name=name, inter=ETHNIC_INTER, kind="named")
    return Match(entry, found.start(), found.end(), text[found.start() : found.end()])
