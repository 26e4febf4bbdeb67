"""Event detection: which sentences of an article state an event that happened.

Baseline rule (issue 6 deepens it): a sentence states the event when it carries a violence or
casualty cue and is not a reaction, background or anniversary sentence without a casualty figure
(`nlp.analysis.is_event_sentence`). All such sentences of one article form one event frame.
"""

from __future__ import annotations

from collections.abc import Callable

from eventwire.extract.frame import EventFrame
from eventwire.nlp.analysis import AnalyzedDoc, is_event_sentence
from eventwire.registry import register


def detect_frames(doc: AnalyzedDoc) -> list[EventFrame]:
    sentences = [s for s in doc.sentences if is_event_sentence(s)]
    return [EventFrame(doc, sentences)] if sentences else []


@register("detect")
def make_detector() -> Callable[[AnalyzedDoc], list[EventFrame]]:
    return detect_frames
