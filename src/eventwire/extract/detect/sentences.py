"""Event detection: which sentences of an article state an event that happened.

Three kinds of sentence state an event (lexicon: data/lexicons/event_types.toml, [detection]):
- a violence or casualty sentence that is not a reaction, background or anniversary sentence
  without a casualty figure (`nlp.analysis.is_event_sentence`);
- a collective action (a sit-in, a strike, a march, a road blocked), even with a reaction word:
  "workers staged a sit-in to denounce ..." states a protest, its grievance is no reaction;
- when the article has neither, a non-violent development (goods seized at a checkpoint, a curfew
  imposed, an agreement signed): ACLED's strategic developments.
A sentence that only announces, threatens, calls for or denies an action states no event. The
event sentences of an article form one event frame, unless a sentence says it tells another
incident ("In a separate incident", "Elsewhere"): each such sentence opens a frame of its own.
A frame is kept only when one of its sentences is an anchor, a literal act (`literal`): words of
violence in a story about a match, a market or a flood state no event.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.detect.literal import (
    anchor_kind,
    in_retrospect,
    is_anchor,
    is_literal_collective,
    is_literal_development,
    is_other_news,
    states_act,
    tells_the_past,
    without_month,
)
from eventwire.extract.frame import EventFrame
from eventwire.nlp.analysis import AnalyzedDoc, Sentence, is_event_sentence

LEXICON = "lexicons/event_types.toml"
DETECTION = "detection"
"""The `EventFrame.memo` key of the frame's `Detection`."""


@dataclass(frozen=True)
class Detection:
    """Why a frame was opened: the anchor kind of each anchoring sentence (see `_anchor`), and
    whether the article is about something else (`literal.is_other_news`)."""

    anchors: tuple[str, ...]
    other_news: bool
    first_anchor: int = 0
    """The index of the first anchoring sentence in the article."""


LEDE = 3
"""Collective-action and strategic sentences count only this early in an article."""


MORE = "lexicons/detection.toml"
"""Its [sentences] lists are appended to those of `LEXICON` [detection]."""


@cache
def detection_patterns() -> dict[str, re.Pattern[str]]:
    section = load_toml(LEXICON)["detection"]
    more = load_toml(MORE).get("sentences", {})
    return {
        name: re.compile(
            r"(?<![\w])(?:" + "|".join([*patterns, *more.get(name, [])]) + ")", re.IGNORECASE
        )
        for name, patterns in section.items()
    }


def _states(kind: str, sentence: Sentence) -> bool:
    patterns = detection_patterns()
    if sentence.index >= LEDE or not patterns[kind].search(without_month(sentence.text)):
        return False
    return not _only_announced(sentence.text, sentence.language)


def _only_announced(text: str, language: str = "en") -> bool:
    """A plan, a threat, a call or a denial, with no act of its own in the sentence ("residents
    demonstrated and threatened to boycott the polls" states the demonstration)."""
    found = detection_patterns()["not_happened"].search(text)
    return bool(found) and not states_act(text, language)


def is_collective_action(sentence: Sentence, other_news: bool = False) -> bool:
    """A protest, strike, march or blockade by people, stated early in the article."""
    return _states("collective", sentence) and is_literal_collective(sentence, other_news)


def _is_development(sentence: Sentence, other_news: bool = False) -> bool:
    return _states("strategic", sentence) and is_literal_development(sentence, other_news)


def _announced_only(sentence: Sentence) -> bool:
    """A call, plan, threat or denial without a casualty: "unions called for a strike"."""
    if "casualty" in sentence.cues:
        return False
    return _only_announced(sentence.text, sentence.language)


def event_sentences(doc: AnalyzedDoc, other_news: bool | None = None) -> list[Sentence]:
    """The sentences that tell an event: violence and casualty sentences, collective actions
    and, when there is neither, strategic developments. `other_news`: whether the article is
    about something else (`literal.is_other_news`; computed when None)."""
    other = is_other_news(doc.sentences) if other_news is None else other_news
    chosen = [
        s
        for s in doc.sentences
        if (is_event_sentence(s) and not _announced_only(s))
        or is_collective_action(s, other)
        or (is_anchor(s, other) and not _announced_only(s))
    ]
    if any(is_collective_action(s, other) for s in chosen):
        chosen = _with_responses(doc, chosen)
    if chosen:
        return chosen
    return [s for s in doc.sentences if _is_development(s, other)]


def _with_responses(doc: AnalyzedDoc, chosen: list[Sentence]) -> list[Sentence]:
    """The forces' response to a protest told on its own ("Police intervened.") is part of it."""
    taken = {s.index for s in chosen}
    extra = [s for s in doc.sentences if s.index not in taken and _states("response", s)]
    return sorted(chosen + extra, key=lambda s: s.index) if extra else chosen


def detect_frames(doc: AnalyzedDoc) -> list[EventFrame]:
    """One frame per incident whose sentences include an anchor (`literal.is_anchor`): words of
    violence in a story about a match, a market or a flood state no event."""
    other = is_other_news(doc.sentences)
    published = doc.document.published
    frames = []
    for group in split_events(event_sentences(doc, other)):
        anchored = [(s.index, kind) for s in group if (kind := _anchor(s, other, published))]
        if anchored:
            frame = EventFrame(doc, group)
            kinds = tuple(kind for _, kind in anchored)
            frame.memo[DETECTION] = Detection(kinds, other, anchored[0][0])
            frames.append(frame)
    return frames


def _anchor(sentence: Sentence, other_news: bool, published: date | None) -> str | None:
    if tells_the_past(sentence.text, published):
        return None
    if not in_retrospect(sentence) and (kind := anchor_kind(sentence, other_news)):
        return kind
    if is_collective_action(sentence, other_news):
        return "collective"
    return "development" if _is_development(sentence, other_news) else None


def split_events(sentences: list[Sentence]) -> list[list[Sentence]]:
    """One group per event the article reports: a sentence that says it tells another incident
    ("In a separate incident, ...", "Elsewhere, ...") opens a new group. A group whose only
    sentence has no violence or casualty cue ("Separately, workers held a sit-in") still counts:
    the collective-action rule chose it."""
    groups: list[list[Sentence]] = []
    marker = detection_patterns()["separate"]
    for sentence in sentences:
        if not groups or marker.search(sentence.text[:80]):
            groups.append([sentence])
        else:
            groups[-1].append(sentence)
    return groups


def make_detector() -> Callable[[AnalyzedDoc], list[EventFrame]]:
    return detect_frames
