"""Identity militias: ethnic communities that fight each other, named as ACLED names them.

ACLED codes members of an ethnic community who fight as "<Group> Ethnic Militia (<Country>)":
"Gourmantche and Fulani villagers clashed" is a battle between the Gourmantche and the Fulani
ethnic militias, in the order the report names them. A bare community name only makes a militia
in a clash (the event type says so); named as armed ("Fulani militiamen", "armed Mossi youths")
it is one in an attack on civilians too. Groups and armed words: data/actors.toml, [identity].
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors.rules import fill_name, fold
from eventwire.extract.frame import EventFrame
from eventwire.models import Actor

MILITIA_INTER = 4
GENERIC_INTERS = frozenset({5, 6, 7})
UNIDENTIFIED = "Unidentified Armed Group"


@dataclass(frozen=True)
class GroupMention:
    group: str
    start: int
    armed: bool


Groups = tuple[tuple[str, re.Pattern[str], bool], ...]
"""(ACLED's group name, its spellings, whether it is a militia only when named armed)."""


@cache
def _spec() -> tuple[str, Groups, re.Pattern[str], re.Pattern[str]]:
    spec = load_toml("actors.toml")["identity"]
    groups = tuple(
        (name, re.compile(r"(?<![\w-])(?:" + "|".join(names) + r")(?![\w-])"), False)
        for name, names in spec["groups"].items()
    ) + tuple(
        (name, re.compile(r"(?<![\w-])(?:" + "|".join(names) + r")(?![\w-])"), True)
        for name, names in spec.get("armed_only_groups", {}).items()
    )
    armed_after = re.compile(r"\s+(?:" + "|".join(spec["armed_after"]) + r")\b", re.IGNORECASE)
    armed_before = re.compile(r"\b(?:" + "|".join(spec["armed_before"]) + r")\s+$", re.IGNORECASE)
    return spec["template"], groups, armed_after, armed_before


def groups_in(text: str) -> list[GroupMention]:
    """Ethnic communities the text names, in order; `armed` when named as fighters."""
    _template, groups, armed_after, armed_before = _spec()
    folded = fold(text)
    found = []
    for name, pattern, armed_only in groups:
        for m in pattern.finditer(folded):
            armed = bool(
                armed_after.match(folded, m.end()) or armed_before.search(folded[: m.start()])
            )
            if armed or not armed_only:
                found.append(GroupMention(name, m.start(), armed))
    return sorted(found, key=lambda g: g.start)


def _frame_groups(frame: EventFrame) -> list[GroupMention]:
    """Distinct groups over the event sentences, first mention first (armed if ever so)."""
    order: dict[str, GroupMention] = {}
    for rank, sentence in enumerate(frame.sentences):
        for g in groups_in(sentence.text):
            seen = order.get(g.group)
            if seen is None:
                order[g.group] = GroupMention(g.group, rank * 10_000 + g.start, g.armed)
            elif g.armed and not seen.armed:
                order[g.group] = GroupMention(g.group, seen.start, True)
    return sorted(order.values(), key=lambda g: g.start)


def _generic(actor: Actor | None) -> bool:
    """A side the report left unnamed: fillable by an identity militia."""
    if actor is None:
        return True
    return actor.inter in GENERIC_INTERS or (
        actor.name.startswith(UNIDENTIFIED) and actor.inter == 3
    )


def _militia(group: str, country: str | None) -> Actor:
    template = _spec()[0]
    return Actor(fill_name(template.replace("{group}", group), country), MILITIA_INTER, [group])


def name_identity_militias(
    frame: EventFrame, event_type: str, communal: bool, country: str | None
) -> bool:
    """Fill the unnamed sides of a communal clash (or of an attack by armed community members)
    with the ethnic militias the report names. True when a side changed."""
    groups = _frame_groups(frame)
    clash = event_type == "Battles" and (communal or len(groups) > 1)
    if not clash:
        groups = [g for g in groups if g.armed][:1]
    if not groups:
        return False
    militias = [_militia(g.group, country) for g in groups]
    changed = False
    if _generic(frame.actor1):
        frame.actor1, changed = militias.pop(0), True
    if militias and clash and _generic(frame.actor2):
        frame.actor2, changed = militias[0], True
    elif militias and frame.actor2 is not None and frame.actor2.name == frame.actor1.name:
        frame.actor2 = None
    return changed
