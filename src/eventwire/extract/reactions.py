"""Reactions: condemnations, condolences, calls, denials and claims of responsibility.

Recorded on the event they react to (`Event.reactions`), never as events of their own. A cheap,
lexical pass over every sentence of the article (no parse): the reaction kind comes from
data/lexicons/reactions.toml; the reacting party is the agent after a passive or a noun ("claimed
by JNIM", "condemnation from the U.N. Secretary-General"), else the actor dictionary's last name
before the reaction word, else the capitalised phrase that opens the clause ("The African Union
Commission", "Rights groups"). A negated claim ("no group has claimed") is none. Claims of
responsibility also set actor1; that is the actors extractor's job (actors/claims.py), this one only
records them. An article that reports several events gives each reaction to one of them
(`assign_reactions`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors import find_matches
from eventwire.extract.frame import EventFrame
from eventwire.models import Reaction
from eventwire.nlp.analysis import Sentence
from eventwire.registry import register

_SPEAKER = re.compile(
    r"(?:^|[,;:]\s+|\bwhile\s+|\band\s+)(?:the\s+)?"
    r"((?:[A-Z][\w'’.-]*|of|the|for|and|de|du|des)(?:\s+(?:[A-Z][\w'’.-]*|of|the|for|and|de|du|des)){0,7})"
)
_NOT_SPEAKERS = frozenset({"On", "In", "At", "After", "The", "It", "He", "She", "They", "We"})
_AGENT = re.compile(r"^[^.;]{0,60}?\b(?:by|from)\s+")
_CAPITALISED = re.compile(
    r"[A-Z][\w'’.-]*(?:\s+(?:of\s+|the\s+|for\s+)?[A-Z][\w'’.-]*){0,6}"
    r"(?:\s+(?:groups?|government|authorities|officials?|governor|president|presidency|army"
    r"|police|ministry|minister|spokes(?:man|woman|person)|leaders?|organi[sz]ations?|junta"
    r"|embassy|envoy|mission|council|union|party|coalition|state|federal|regional))*"
)
_NEGATED = re.compile(r"\b(?:no|not|nobody|none|yet to|never)\b[^,;]{0,40}$", re.IGNORECASE)
_CALENDAR = re.compile(
    r"^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April"
    r"|May|June|July|August|September|October|November|December)$"
)


@cache
def _kinds() -> tuple[tuple[str, re.Pattern[str]], ...]:
    table = load_toml("lexicons/reactions.toml")["kinds"]
    return tuple(
        (kind, re.compile("|".join(f"(?:{p})" for p in spec["patterns"]), re.IGNORECASE))
        for kind, spec in table.items()
    )


def sentence_reactions(sentence: Sentence, document_id: str) -> list[Reaction]:
    """Every reaction kind the sentence expresses, each with its reacting party."""
    found = []
    for kind, pattern in _kinds():
        match = pattern.search(sentence.text)
        if match and not _NEGATED.search(sentence.text[: match.start()]):
            found.append(
                Reaction(
                    kind=kind,
                    actor=speaker(sentence.text, match.start()),
                    quote=sentence.text,
                    span=(sentence.start, sentence.end),
                    document_id=document_id,
                )
            )
    return found


def speaker(text: str, verb_start: int) -> str | None:
    """Who reacts: the agent after the word when it is passive or a noun ("claimed by X",
    "condemnation from X"), else the last dictionary actor before it, else the capitalised
    phrase that opens the clause holding it."""
    agent = _agent(text[verb_start:])
    if agent:
        return agent
    before = text[:verb_start]
    named = [m for m in find_matches(before) if m.entry.kind == "named"]
    if named:
        return named[-1].entry.name
    phrases = [_extend(m.group(1).strip(), before[m.end(1) :]) for m in _SPEAKER.finditer(before)]
    phrases = [p for p in phrases if p.split()[0] not in _NOT_SPEAKERS or len(p.split()) > 1]
    return _trim(phrases[-1]) if phrases else None


def _extend(phrase: str, following: str) -> str:
    """ "Rights" + " groups said" -> "Rights groups": the capitalised phrase with its head noun."""
    whole = _CAPITALISED.match(phrase + following)
    return whole.group() if whole else phrase


def _agent(after: str) -> str | None:
    marker = _AGENT.match(after)
    if marker is None:
        return None
    rest = after[marker.end() :]
    named = [m for m in find_matches(rest[:120]) if m.entry.kind == "named"]
    if named and named[0].start < 40:
        return named[0].entry.name
    phrase = _CAPITALISED.search(rest)
    return _trim(phrase.group()) if phrase and phrase.start() < 60 else None


def _trim(phrase: str) -> str | None:
    words = re.sub(r"['’]s\b", "", phrase).split()
    while words and words[-1].lower() in {"of", "the", "for", "and", "de", "du", "des"}:
        words.pop()
    while words and words[0] in _NOT_SPEAKERS:
        words.pop(0)
    if words and words[-1].endswith(".") and "." not in words[-1][:-1]:
        words[-1] = words[-1][:-1]  # the full stop, not an abbreviation's ("U.N.")
    if not words or all(_CALENDAR.match(word) for word in words):
        return None
    return " ".join(words)


@register("reactions")
def make_reaction_extractor() -> Callable[[EventFrame], None]:
    return extract_reactions


def extract_reactions(frame: EventFrame) -> None:
    """Reactions anywhere in the article, outside the event's own sentences."""
    own = {sentence.index for sentence in frame.sentences}
    document_id = frame.doc.document.id
    for sentence in frame.doc.sentences:
        if sentence.index in own and "responsibility" not in sentence.cues:
            continue
        frame.reactions.extend(sentence_reactions(sentence, document_id))


def assign_reactions(frames: list[EventFrame]) -> None:
    """In an article that reports several events, each reaction goes to one: the event whose
    first sentence comes last before the reaction ("In a separate incident ... The governor
    condemned the attack" reacts to the second), or the first event when the reaction comes
    before them all."""
    if len(frames) < 2:
        return
    starts = [min(s.index for s in frame.sentences) for frame in frames]
    for number, frame in enumerate(frames):
        frame.reactions = [
            r for r in frame.reactions if _owner(_sentence_of(frame, r), starts) == number
        ]


def _sentence_of(frame: EventFrame, reaction: Reaction) -> int:
    return next(s.index for s in frame.doc.sentences if s.start == reaction.span[0])


def _owner(sentence: int, starts: list[int]) -> int:
    before = [number for number, start in enumerate(starts) if start <= sentence]
    return max(before, key=lambda number: starts[number]) if before else 0
