"""Perpetrators named only by a claim or an attribution, and missing from the actor dictionary.

"The Red Hand Front claimed responsibility for the attack", "sources attributed the attack to the
Northern Liberation Army": the parse gives the claimant's noun phrase, which becomes actor1 when
the dictionary names no attacker. Generic or empty claimants ("no group", "an unknown group",
"an individual") name nobody.
"""

from __future__ import annotations

import re

from eventwire.extract.frame import EventFrame
from eventwire.nlp.analysis import Sentence

CLAIMANT_INTER = 3
_NOBODY = re.compile(
    r"^(?:no|none|nobody|an? (?:unknown|unidentified|unnamed)|unknown|unidentified|"
    r"it|they|he|she|the (?:group|assailants?|attackers?|militants?|perpetrators?)|"
    r"(?:an? )?(?:group|individual|man|woman|person|assailant|attacker)s?\b)",
    re.IGNORECASE,
)
_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)
_SEPARATOR = re.compile(r"\s+(?:and|or)\s+|,\s*|;\s*")


def _span_text(token) -> str:
    tokens = [
        t for t in token.subtree if t.dep_ not in ("relcl", "acl", "punct") or t.text in "()-"
    ]
    start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
    return token.doc.text[start:end]


def _usable(name: str) -> str | None:
    name = _ARTICLE.sub("", name.strip(" ,.;:\"'"))
    if not name or _NOBODY.match(name) or len(name) > 80 or not any(c.isupper() for c in name):
        return None
    return _SEPARATOR.split(name)[0] if " either " in f" {name} " else name


def _claimant_of(token) -> str | None:
    lemma = token.lemma_.lower()
    children = list(token.children)
    if lemma == "claim" and any(c.lemma_.lower() == "responsibility" for c in children):
        return next((_span_text(c) for c in children if c.dep_ == "nsubj"), None)
    if lemma in ("attribute", "blame"):
        objects = [c for c in children if c.dep_ == "dobj"]
        for prep in children + [g for o in objects for g in o.children]:
            if prep.dep_ == "prep" and prep.lower_ in ("to", "on"):
                return next((_span_text(c) for c in prep.children if c.dep_ == "pobj"), None)
    return None


def claimant(sentence: Sentence) -> str | None:
    """The named claimant or attributed perpetrator of a sentence, if the parse shows one."""
    if sentence.parse is None:
        return None
    for token in sentence.parse:
        if token.pos_ != "VERB":
            continue
        found = _claimant_of(token)
        name = _usable(found) if found else None
        if name:
            return name
    return None


def frame_claimant(frame: EventFrame) -> str | None:
    """The first claimant named in the article's responsibility sentences."""
    for sentence in frame.doc.sentences:
        if "responsibility" in sentence.cues:
            name = claimant(sentence)
            if name:
                return name
    return None
