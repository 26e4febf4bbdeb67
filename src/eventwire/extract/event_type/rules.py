"""The event-type lexicon (data/lexicons/event_types.toml), compiled, and per-frame feature scores.

A feature's score is the sum of the weights of the event sentences it occurs in, so a word in the
lead sentence or a casualty sentence counts more than one in a later, hedged analysis sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import NamedTuple

from eventwire.data import load_toml
from eventwire.extract.actors import sentence_weight
from eventwire.extract.frame import EventFrame
from eventwire.extract.prefilter import literal_starts, may_match, word_starts
from eventwire.nlp.analysis import Sentence

LEXICON = "lexicons/event_types.toml"
NEGATED = re.compile(
    r"\b(?:no(?:body| one|-one)|no (?:casualties|injuries|deaths|fatalities|victims)|"
    r"without (?:casualties|injur\w*|loss of life)|none (?:was|were))\b",
    re.IGNORECASE,
)
"""A sentence saying nobody was hurt: its harm words do not count."""
HARM_FEATURES = frozenset({"lethal", "harm"})
MEANS_ORDER = ("suicide", "chemical", "air", "ied", "grenade", "shelling")


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + ")", re.IGNORECASE)


@cache
def feature_patterns() -> dict[str, re.Pattern[str]]:
    lexicon = load_toml(LEXICON)
    return {name: _compile(patterns) for name, patterns in lexicon["features"].items()}


Chunk = tuple[frozenset[str] | None, re.Pattern[str]]
"""Patterns compiled together, with the word starts one of them needs (None: any text)."""


class Chunks(NamedTuple):
    """A feature's chunks and the union of their word starts (None: some chunk may begin
    anywhere), so that a sentence none of whose words can begin the feature skips it at once."""

    starts: frozenset[str] | None
    chunks: tuple[Chunk, ...]


def _chunks(patterns: list[str]) -> Chunks:
    """The patterns grouped by the word starts they need (see `prefilter`), each group in one
    regex, those with an uncertain start in another: a text runs only the groups its words can
    begin, so that a common word start ("in") or one uncertain pattern does not make the whole
    list run."""
    groups: dict[frozenset[str] | None, list[str]] = {}
    for pattern in patterns:
        groups.setdefault(literal_starts([pattern]), []).append(pattern)
    union = None if None in groups else frozenset().union(*groups)
    return Chunks(union, tuple((starts, _compile(group)) for starts, group in groups.items()))


@cache
def feature_chunks() -> dict[str, Chunks]:
    """Per feature, its patterns in chunks the pre-test can skip."""
    features = load_toml(LEXICON)["features"]
    return {name: _chunks(patterns) for name, patterns in features.items()}


@cache
def means_chunks() -> dict[str, Chunks]:
    """Per means, its patterns in chunks the pre-test can skip."""
    means = load_toml(LEXICON)["means"]
    return {name: _chunks(spec["patterns"]) for name, spec in means.items()}


def _active(chunks: Chunks, present: set[str]) -> list[re.Pattern[str]]:
    if not may_match(chunks.starts, present):
        return []
    return [pattern for starts, pattern in chunks.chunks if may_match(starts, present)]


@cache
def means_patterns() -> tuple[tuple[str, str, re.Pattern[str]], ...]:
    """(means name, ACLED sub-event type, pattern), in priority order."""
    means = load_toml(LEXICON)["means"]
    ordered = [m for m in MEANS_ORDER if m in means] + [m for m in means if m not in MEANS_ORDER]
    return tuple((m, means[m]["sub_event_type"], _compile(means[m]["patterns"])) for m in ordered)


@cache
def means_context() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(before, after): a device named as seized or carried, not used ("seized explosives")."""
    context = load_toml(LEXICON)["means_context"]
    before = re.compile(r"(?:" + "|".join(context["seized_before"]) + r")[^.;]*$", re.IGNORECASE)
    after = re.compile(r"^(?:" + "|".join(context["not_used_after"]) + ")", re.IGNORECASE)
    return before, after


CLAUSE_WORD = re.compile(
    r"\b(?:and|when|but|then|while|before|respond(?:ed|ing)|retaliat(?:ed|ing))\b", re.IGNORECASE
)
"""Starts a new clause: a crowd-violence word after it is an act again."""


@cache
def grievance_context() -> tuple[frozenset[str], frozenset[str], re.Pattern[str]]:
    """(features, also, pattern): crowd-violence words that only name a protest's grievance."""
    spec = load_toml(LEXICON)["grievance"]
    before = re.compile(r"\b(?:" + "|".join(spec["before"]) + r")\b", re.IGNORECASE)
    return frozenset(spec["features"]), frozenset(spec["also"]), before


GRIEVANCE_WINDOW = 60
"""How far before a crowd-violence word a grievance word may stand ("against the vandalism and
burning of a truck by rioters")."""
COORDINATED = re.compile(r"\b(?:and|or|as well as)(?: the| of| other)?\s*$", re.IGNORECASE)
"""A noun right after "and": one more item of the grievance ("against the vandalism and
clashes"); a verb there is an act ("against the ruling and torched a car", "and set fire")."""
WORD_END = re.compile(r"\w*")
NOUN_END = ("s", "ing", "ion", "ism", "ence", "age", "ment", "y")


LISTED = re.compile(r"(?:the |an? |other )?(\w+)", re.IGNORECASE)


def _new_clause(background: str, text: str, end: int) -> bool:
    if COORDINATED.search(background):
        word = WORD_END.match(text, end)
        return word is None or not text[: word.end()].lower().endswith(NOUN_END)
    return any(not _listed_noun(background, m) for m in CLAUSE_WORD.finditer(background))


def _listed_noun(background: str, word: re.Match[str]) -> bool:
    """ "and" before a noun adds to the grievance ("against the vandalism and burning of a truck
    by rioters"); before a verb it starts an act ("against the ruling and torched a car")."""
    if word.group().lower() != "and":
        return False
    following = LISTED.match(background, word.end() + 1)
    return following is not None and following.group(1).lower().endswith(NOUN_END)


@cache
def protest_background() -> re.Pattern[str]:
    """Words that make a crowd-violence word background only in a sentence that has stated a
    protest before it ("held a protest over the police's conduct during a riot last week"); in
    any other ("a prisoner was killed during a riot") the riot is the event."""
    words = "|".join(load_toml(LEXICON)["grievance"]["after_protest"])
    return re.compile(r"\b(?:" + words + r")\b", re.IGNORECASE)


CLAUSE_END = re.compile(r"[,;:.]")


def _after_nearest(pattern: re.Pattern[str], window: str) -> str | None:
    """The text after the nearest grievance word of the window's last clause, if any."""
    ends = [m.end() for m in CLAUSE_END.finditer(window)]
    start = ends[-1] if ends else 0
    found = [m.end() for m in pattern.finditer(window, start)]
    return window[found[-1] :] if found else None


def _acted(pattern: re.Pattern[str], text: str) -> bool:
    """The feature occurs as an act, not only inside a grievance ("against the lynching")."""
    before = grievance_context()[2]
    protest_at: int | None = None
    for match in pattern.finditer(text):
        window = text[max(0, match.start() - GRIEVANCE_WINDOW) : match.start()]
        background = _after_nearest(before, window)
        if background is None:
            if protest_at is None:
                stated = feature_patterns()["protest"].search(text)
                protest_at = stated.start() if stated else len(text)
            if protest_at < match.start():
                background = _after_nearest(protest_background(), window)
        if background is None or _new_clause(background, text, match.end()):
            return True
    return False


def _used_device(pattern: re.Pattern[str], text: str) -> bool:
    """A device the sentence names as the means, not as a seized, carried or found object."""
    before, after = means_context()
    for match in pattern.finditer(text):
        window = text[max(0, match.start() - 60) : match.start()]
        if not before.search(window) and not after.match(text[match.end() :]):
            return True
    return False


@dataclass
class Scores:
    features: dict[str, float] = field(default_factory=dict)
    means: dict[str, float] = field(default_factory=dict)
    """Sub-event type -> score, one device per sentence (the first in priority order)."""
    top_weight: float = 0.0

    def get(self, name: str) -> float:
        return self.features.get(name, 0.0)

    def best_means(self) -> tuple[str, float] | None:
        if not self.means:
            return None
        sub = max(self.means, key=lambda s: self.means[s])
        return sub, self.means[sub]


def _typed_sentences(frame: EventFrame) -> list[Sentence]:
    """The event sentences, after the article's lead when no cue picked it ("threw a Molotov
    cocktail at a mosque", then "no casualties in the attack"): the lead states the act."""
    chosen = list(frame.sentences)
    lead = frame.doc.sentences[0] if frame.doc.sentences else None
    if lead is None or any(s.index == lead.index for s in chosen):
        return chosen
    if not chosen or chosen[0].index > 1:
        return chosen
    return [lead, *chosen]


def _feature_keys(patterns: list[re.Pattern[str]], name: str, text: str) -> list[str]:
    """The scores a feature's occurrence in `text` adds to (none when it does not occur)."""
    filtered, also, _before = grievance_context()
    if name in filtered:
        return [name] if any(_acted(p, text) for p in patterns) else []
    if not any(p.search(text) for p in patterns):
        return []
    if name in also:
        return [name, f"{name}_acted"] if any(_acted(p, text) for p in patterns) else [name]
    if name in fighting_context()[0]:
        fought = any(_fought_here(p, text) for p in patterns)
        return [name, f"{name}_acted"] if fought else [name]
    return [name]


@cache
def fighting_context() -> tuple[frozenset[str], re.Pattern[str]]:
    """(features, pattern): fighting named as the setting of another act ("killed a civilian
    amid clashes between the army and the rebels", "executed them after clashes")."""
    spec = load_toml(LEXICON)["fighting_context"]
    words = "|".join(spec["before"])
    before = re.compile(r"\b(?:" + words + r")\W+(?:[\w-]+\W+){0,4}$", re.IGNORECASE)
    return frozenset(spec["features"]), before


def _fought_here(pattern: re.Pattern[str], text: str) -> bool:
    """Some occurrence of the fighting word is the act itself, not its setting."""
    before = fighting_context()[1]
    return any(
        before.search(text[max(0, m.start() - 60) : m.start()]) is None
        for m in pattern.finditer(text)
    )


def score_frame(frame: EventFrame) -> Scores:
    scores = Scores()
    chunks, means = feature_chunks(), means_chunks()
    for rank, sentence in enumerate(_typed_sentences(frame)):
        weight = sentence_weight(sentence, rank)
        scores.top_weight = max(scores.top_weight, weight)
        negated = bool(NEGATED.search(sentence.text))
        present = word_starts(sentence.text)
        for name, feature in chunks.items():
            patterns = _active(feature, present)
            if not patterns or (negated and name in HARM_FEATURES):
                continue
            for key in _feature_keys(patterns, name, sentence.text):
                scores.features[key] = scores.features.get(key, 0.0) + weight
        for name, sub, _pattern in means_patterns():
            if any(_used_device(p, sentence.text) for p in _active(means[name], present)):
                scores.means[sub] = scores.means.get(sub, 0.0) + weight
                break
    return scores
