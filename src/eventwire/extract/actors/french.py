"""Roles from a French parse: fr_core_news_sm labels its dependencies with Universal
Dependencies (nsubj, obj, nsubj:pass, obl:agent, obl:mod, nmod), not the English model's ClearNLP
labels, so `actors._role_of` hands French tokens here."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

AGENT, TARGET = "agent", "target"
_CLIMB = frozenset(
    {"nmod", "amod", "appos", "conj", "flat:name", "flat", "nummod", "det", "fixed", "compound"}
)
_AGAINST = frozenset({"contre", "sur", "visant"})
_MAX_CLIMB = 6


def french_role(
    token: Any, is_action: Callable[[Any], bool], attack_nouns: frozenset[str]
) -> str | None:
    """AGENT when the mention acted, TARGET when it was acted upon, None when the parse says
    neither ("les soldats ont tué" / "ont été tués par des hommes armés" / "attaque contre X")."""
    for _ in range(_MAX_CLIMB):
        dep, head = token.dep_, token.head
        if head.i == token.i:
            return None
        action = is_action(head) or head.lemma_.lower() in attack_nouns
        if dep == "nsubj":
            return AGENT if action or _acting_clause(head, is_action) else None
        if dep in ("obl:agent", "nsubj:pass", "obj"):
            if not action:
                return None
            return AGENT if dep == "obl:agent" else TARGET
        if dep.startswith("obl") or dep == "nmod":
            case = [c.lower_ for c in token.children if c.dep_ == "case"]
            if case and case[0] in _AGAINST and action:
                return TARGET
            if case and case[0] == "par" and action:
                return AGENT
        if dep in _CLIMB or dep.startswith("obl") or dep == "nmod":
            token = head
            continue
        return None
    return None


def _acting_clause(verb: Any, is_action: Callable[[Any], bool]) -> bool:
    """ "Des hommes armés ont fait irruption ... et ont tué": a conjoined verb acts."""
    return any(c.dep_ in ("conj", "xcomp") and is_action(c) for c in verb.children)
