"""Event detection: which sentences of an article state an event that happened.

Baseline rule (issue 6 deepens it): a sentence states the event when it carries a violence or
casualty cue and is not a reaction, background or anniversary sentence. All such sentences of one
article form one event frame.
"""

from __future__ import annotations

from eventwire.extract.frame import EventFrame
from eventwire.nlp.analysis import AnalyzedDoc, Sentence
from eventwire.registry import register

EVENT_CUES = frozenset({"violence", "casualty"})
NON_EVENT_CUES = frozenset({"reaction", "background"})


def is_event_sentence(sentence: Sentence) -> bool:
    if not sentence.cues & EVENT_CUES:
        return False
    return not sentence.cues & NON_EVENT_CUES


def detect_frames(doc: AnalyzedDoc) -> list[EventFrame]:
    sentences = [s for s in doc.sentences if is_event_sentence(s)]
    return [EventFrame(doc, sentences)] if sentences else []


@register("detect")
def make_detector() -> type[None] | object:
    return detect_frames
