"""Militias that fight alongside the state forces: ACLED codes the forces, not the militia.

"Soldiers and volunteer fighters (VDP) killed ...", "gendarmes backed by Dozo hunters arrested
...": when the forces and a militia act together, the forces are the side (the militia is only an
associated actor). A militia mention joined to a state-forces mention that acts in the same
sentence loses its role, so it is neither actor1 nor the second side. Joining words:
data/actors.toml, [roles] ally_joins.

An air or drone strike is its forces acting ("an airstrike killed ..."): a strike mention is an
agent, and the forces of the same sentence that conducted it ("French forces conducted
airstrikes") name it.
"""

from __future__ import annotations

import re
from functools import cache
from typing import TYPE_CHECKING

from eventwire.data import load_toml
from eventwire.extract.actors.rules import Match

if TYPE_CHECKING:
    from eventwire.extract.actors.mention import Mention

STATE_INTER = 1
FORCES_INTERS = frozenset({1, 8})
MILITIA_INTERS = frozenset({3, 4})
ALLY_WEIGHT = 0.3
TARGET = "target"


@cache
def _joins() -> re.Pattern[str]:
    words = load_toml("actors.toml")["roles"]["ally_joins"]
    return re.compile(r"\s*(?:" + "|".join(words) + r")\s+(?:the\s+|a\s+|local\s+)*", re.I)


def _joined(text: str, first: Match, second: Match) -> bool:
    return bool(_joins().fullmatch(text[first.end : second.start]))


def demote_allies(text: str, found: list[tuple[Match, Mention]], agent: str) -> None:
    """Strip the role of militias that act jointly with state forces in `text` (one sentence)."""
    state = [(m, x) for m, x in found if x.inter == STATE_INTER and x.role == agent]
    if not state:
        return
    allied: set[str] = set()
    for match, mention in found:
        if mention.inter not in MILITIA_INTERS or mention.entry.kind != "named":
            continue
        if mention.role == TARGET:
            continue  # "clashes between the army and the militia": the other side
        for other, _ in state:
            pair = (other, match) if other.start < match.start else (match, other)
            if _joined(text, *pair):
                allied.add(mention.name)
    for _match, mention in found:
        if mention.name in allied:
            mention.role, mention.score = None, mention.score * ALLY_WEIGHT


@cache
def _attack_nouns() -> frozenset[str]:
    return frozenset(load_toml("actors.toml")["roles"]["attack_nouns"])


def is_strike(match: Match) -> bool:
    """ "airstrikes", "air raid", "drone strike": a forces mention that is itself the attack."""
    if match.entry.kind != "military":
        return False
    words = match.surface.lower().split()
    nouns = _attack_nouns()
    return words[-1].rstrip("s") in nouns or "".join(words).rstrip("s") in nouns


def fold_strikes(found: list[tuple[Match, Mention]]) -> None:
    """Strikes take the name of the forces that conducted them, when the sentence names any."""
    forces = [x for m, x in found if x.inter in FORCES_INTERS and not is_strike(m) and x.role]
    if not forces:
        return
    best = max(forces, key=lambda x: x.score)
    for match, mention in found:
        if is_strike(match):
            mention.name, mention.inter = best.name, best.inter
