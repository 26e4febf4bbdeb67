"""Clan militias, named after their lineage as ACLED names them.

"Hawadle clan militia" is the "Hawiye-Hawadle Sub-Clan Militia (Somalia)": the lineage as the
report writes it, clan family first (added when the report names only a sub-clan the dictionary
knows), parts joined by hyphens; "Sub-Clan" when the lineage has a family and a sub-clan or the
report says sub-clan, "Clan" for one clan name alone; "unidentified clan militias" and clan
militias of no stated lineage are the Unidentified Clan Militia. Data: data/actors.toml, [clans].
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors.ethnic import ethnic_matches
from eventwire.extract.actors.rules import ActorEntry, Match

CLAN_INTER = 4
_WORD = r"[A-Z][A-Za-z']+"
_NAMED = re.compile(
    rf"(?<![\w-])((?:{_WORD}[- ])*{_WORD})\s+((?i:sub-?\s?clan|clan))\s+(?i:militia(?:s|men)?)\b"
)
_UNNAMED = re.compile(r"\b(?i:clan)\s+(?i:militia(?:s|men)?)\b")
_LEADING = frozenset(
    {"The", "A", "An", "Two", "Three", "Rival", "Local", "Armed", "Somali", "Unidentified"}
    | {"Some", "Several", "Both", "On", "In", "Suspected", "Allied", "Opposing", "Other"}
)


@cache
def _spec() -> tuple[dict[str, str], dict[str, str], dict[str, str]]:
    """(template by kind, family of each sub-clan, family of each spelling of a family)."""
    spec = load_toml("actors.toml")["clans"]
    templates = {k: spec[k] for k in ("clan", "sub_clan", "unnamed")}
    family_of = {sub: fam for fam, subs in spec["families"].items() for sub in subs}
    spelling = {fam: fam for fam in spec["families"]}
    for fam, spellings in spec["family_spellings"].items():
        spelling.update(dict.fromkeys(spellings, fam))
    return templates, family_of, spelling


def clan_matches(text: str) -> list[Match]:
    """The clan militias the text names, as dictionary matches of their ACLED name."""
    found = []
    for m in _NAMED.finditer(text):
        written = m.group(1)
        while written.split(" ", 1)[0] in _LEADING:
            written = written.partition(" ")[2]
        if not written:
            continue
        start = m.end(1) - len(written)
        sub = "sub" in m.group(2).lower()
        found.append(_match(_lineage_name(written, sub), start, m.end(), text))
        found += _coordinated(text[:start], sub, text)
    for m in _UNNAMED.finditer(text):
        if all(m.start() >= f.end or m.end() <= f.start for f in found):
            found.append(_match(_spec()[0]["unnamed"], m.start(), m.end(), text))
    return sorted(found, key=lambda f: f.start)


_COORDINATED = re.compile(rf"(?<![\w-])((?:{_WORD}[- ])*{_WORD})\s+and\s+$")


def _coordinated(before: str, sub: bool, text: str) -> list[Match]:
    """ "Darod-Marehan and Hawiye-Abgal sub-clan militias": the first lineage is a militia too."""
    found = _COORDINATED.search(before)
    if found is None:
        return []
    written = found.group(1)
    while written.split(" ", 1)[0] in _LEADING:
        written = written.partition(" ")[2]
    if not written:
        return []
    start = found.end(1) - len(written)
    return [_match(_lineage_name(written, sub), start, found.end(1), text)]


def _lineage_name(written: str, sub: bool) -> str:
    """The lineage as written, family first and hyphened to the rest ("Dir-Gadabuursi X")."""
    templates, family_of, spelling = _spec()
    head, sep, rest = _first_name(written, family_of)
    if head in spelling:
        lineage = spelling[head] + ("-" + rest if rest else "")
    elif head in family_of:
        lineage = family_of[head] + "-" + written
    else:
        lineage = written
    many = "-" in lineage or (head in family_of and sep != "")
    template = templates["sub_clan"] if sub or many else templates["clan"]
    return template.replace("{lineage}", lineage)


def _first_name(written: str, family_of: dict[str, str]) -> tuple[str, str, str]:
    """(first name, separator, the rest); a known name of two words stays whole."""
    words = re.split(r"([- ])", written)
    if len(words) > 2 and " ".join(words[0:3:2]) in family_of and words[1] == " ":
        words = [" ".join(words[0:3:2]), *words[3:]]
    if len(words) == 1:
        return words[0], "", ""
    return words[0], words[1], "".join(words[2:])


def _match(name: str, start: int, end: int, text: str) -> Match:
    entry = ActorEntry(key="clan:" + name, name=name, inter=CLAN_INTER, kind="named")
    return Match(entry, start, end, text[start:end])


def with_clans(matches: tuple[Match, ...], text: str) -> list[Match]:
    """The dictionary's matches with the clan and ethnic militias in place of what they overlap."""
    clans = clan_matches(text)
    clans += [
        e for e in ethnic_matches(text) if all(e.end <= c.start or e.start >= c.end for c in clans)
    ]
    kept = [m for m in matches if all(m.end <= c.start or m.start >= c.end for c in clans)]
    return sorted(kept + clans, key=lambda m: m.start)
