"""Shared test helpers: build analyzed documents and event frames from a short text."""

from __future__ import annotations

from datetime import date

from eventwire.extract.frame import EventFrame
from eventwire.models import Document, text_id
from eventwire.nlp.analysis import AnalyzedDoc, analyze


def make_doc(text: str, published: str | None = None) -> AnalyzedDoc:
    document = Document(
        id=text_id(text),
        text=text,
        published=date.fromisoformat(published) if published else None,
    )
    return analyze(document)


def make_frame(text: str, published: str | None = None, all_sentences: bool = False) -> EventFrame:
    """A frame over the text's event sentences (or all of them, to test one extractor alone)."""
    from eventwire.extract.detect import detect_frames

    doc = make_doc(text, published)
    if all_sentences:
        return EventFrame(doc, list(doc.sentences))
    frames = detect_frames(doc)
    assert frames, f"no event sentence found in {text!r}"
    return frames[0]
