"""Armed groups the dictionary does not list, named by the report in so many words.

"The Pathein Urban Guerrilla Group bombed ...", "the Kyaunggon Special Task Force attacked ...":
a capitalised name that ends on an organisation's word ("Group", "Force", "Front") and holds a
word of its own (a place, a person, a name) is an actor of its own, as the report writes it;
"Full Name (ACR)" is ACLED's "ACR: Full Name", and a unit's place after a dash stays
("Urban Revolutionary Force - Bhamo"). A name with a country or nationality in it ("the Ethiopian
National Defense Force") is a state's and left to the dictionary, and only a name that acts
counts (the extractor drops the others). Words: data/actors.toml, [unlisted].
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors.rules import ActorEntry, Match, countries_in

KEY = "unlisted:"
_WORD = r"[A-Z][\w'’]*(?:-[A-Z0-9][\w'’]*)*"
_LINK = r"(?:\s+(?:of|for|and|the)\s+|\s+|-)"


@cache
def _spec() -> tuple[re.Pattern[str], frozenset[str], frozenset[str], int, tuple[str, ...]]:
    spec = load_toml("actors.toml")["unlisted"]
    heads = "|".join(spec["heads"])
    pattern = re.compile(
        rf"(?<![\w'’-])((?:{_WORD}{_LINK}){{1,5}}?(?:{heads}))(?![\w'’-])"
        r"(?:\s*\(([A-Z][A-Z0-9-]{1,9})\)|\s+-\s+(" + _WORD + r"))?"
    )
    leading = frozenset(spec["leading_words"])
    generic = leading | frozenset(spec["generic_words"])
    return pattern, leading, generic, int(spec["inter"]), tuple(spec["state_ends"])


def unlisted_matches(text: str) -> list[Match]:
    """The names of armed groups the text gives that the dictionary does not list."""
    pattern, leading, generic, inter, state_ends = _spec()
    found = []
    for m in pattern.finditer(text):
        words = m.group(1).split()
        while words and words[0] in leading:
            words = words[1:]
        name = " ".join(words)
        written = f"{name} {m.group(3) or ''}"
        own = [w for w in re.split(r"[\s-]+", written) if w not in generic and w[:1].isupper()]
        if not own or name.endswith(state_ends) or countries_in(name):
            continue
        start = m.end(1) - len(name)
        if m.group(2):
            name = f"{m.group(2)}: {name}"
        elif m.group(3):
            name = f"{name} - {m.group(3)}"
        entry = ActorEntry(key=KEY + name, name=name, inter=inter, kind="named")
        found.append(Match(entry, start, m.end(), text[start : m.end()]))
    return found


def with_unlisted(matches: list[Match], text: str) -> list[Match]:
    """The matches with the unlisted groups in place of the generic words they cover ("Tribal
    and Clan Forces" is no "forces" of the state); a dictionary name inside one wins."""
    named = [m for m in matches if m.entry.kind == "named"]
    extra = [u for u in unlisted_matches(text) if all(_apart(u, n) for n in named)]
    kept = [m for m in matches if all(_apart(m, u) for u in extra)]
    return sorted(kept + extra, key=lambda m: m.start)


def _apart(a: Match, b: Match) -> bool:
    return a.end <= b.start or a.start >= b.end


def is_unlisted(match: Match) -> bool:
    return match.entry.key.startswith(KEY)
