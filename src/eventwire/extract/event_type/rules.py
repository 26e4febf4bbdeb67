"""The event-type lexicon (data/lexicons/event_types.toml), compiled, and per-frame feature scores.

A feature's score is the sum of the weights of the event sentences it occurs in, so a word in the
lead sentence or a casualty sentence counts more than one in a later, hedged analysis sentence.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

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


@cache
def feature_starts() -> dict[str, frozenset[str] | None]:
    """Per feature, the word starts one of its patterns needs (see `prefilter`)."""
    features = load_toml(LEXICON)["features"]
    return {name: literal_starts(patterns) for name, patterns in features.items()}


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
    words = "|".join(spec["before"])
    # the nearest grievance word: the greedy start skips any earlier one
    before = re.compile(r".*\b(?:" + words + r")\b([^,;:.]*)$", re.IGNORECASE | re.DOTALL)
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
    return re.compile(r".*\b(?:" + words + r")\b([^,;:.]*)$", re.IGNORECASE | re.DOTALL)


def _background(text: str, start: int) -> re.Match[str] | None:
    window = text[max(0, start - GRIEVANCE_WINDOW) : start]
    found = grievance_context()[2].search(window)
    if found is None and feature_patterns()["protest"].search(text, 0, start):
        found = protest_background().search(window)
    return found


def _acted(pattern: re.Pattern[str], text: str) -> bool:
    """The feature occurs as an act, not only inside a grievance ("against the lynching")."""
    for match in pattern.finditer(text):
        background = _background(text, match.start())
        if background is None or _new_clause(background.group(1), text, match.end()):
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


def _feature_keys(pattern: re.Pattern[str], name: str, text: str) -> list[str]:
    """The scores a feature's occurrence in `text` adds to (none when it does not occur)."""
    filtered, also, _before = grievance_context()
    if name in filtered:
        return [name] if _acted(pattern, text) else []
    if pattern.search(text) is None:
        return []
    if name in also:
        return [name, f"{name}_acted"] if _acted(pattern, text) else [name]
    if name in fighting_context()[0]:
        return [name, f"{name}_acted"] if _fought_here(pattern, text) else [name]
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
    for rank, sentence in enumerate(_typed_sentences(frame)):
        weight = sentence_weight(sentence, rank)
        scores.top_weight = max(scores.top_weight, weight)
        negated = bool(NEGATED.search(sentence.text))
        present = word_starts(sentence.text)
        starts = feature_starts()
        for name, pattern in feature_patterns().items():
            if (negated and name in HARM_FEATURES) or not may_match(starts[name], present):
                continue
            for key in _feature_keys(pattern, name, sentence.text):
                scores.features[key] = scores.features.get(key, 0.0) + weight
        for _name, sub, pattern in means_patterns():
            if _used_device(pattern, sentence.text):
                scores.means[sub] = scores.means.get(sub, 0.0) + weight
                break
    return scores
