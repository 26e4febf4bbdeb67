"""The pipeline: Document in, Events out.

    nlp (split, cue, parse the cued sentences) -> detect (event frames) -> extractors, in the
    configured order -> reconcile (claims -> low/best/high) -> Event records.

Components are looked up by name in the registry, so a config can reorder, drop or replace them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import Any

import eventwire.extract  # noqa: F401  (registers the built-in components)
from eventwire.extract.confidence import default_threshold
from eventwire.extract.frame import EventFrame
from eventwire.extract.reactions import assign_reactions
from eventwire.extract.scope import worth_parsing
from eventwire.models import Document, Event, text_id
from eventwire.nlp.analysis import AnalyzedDoc, analyze_many
from eventwire.reconcile import reconcile
from eventwire.registry import create
from eventwire.summary import summarize

ErrorHandler = Callable[[Document, Exception], None]
DEFAULT_EXTRACTORS: tuple[str, ...] = (
    "place",
    "time",
    "casualties",
    "claim_scope",
    "actors",
    "event_type",
    "reactions",
    "confidence",
)


@dataclass
class PipelineConfig:
    detector: str = "detect"
    extractors: tuple[str, ...] = DEFAULT_EXTRACTORS
    options: dict[str, dict[str, Any]] = field(default_factory=dict)
    """Per-component keyword options, e.g. {"time": {"default_precision": None}}."""
    batch_size: int = 32
    min_confidence: float = field(default_factory=default_threshold)
    """Events below this confidence are dropped (data/confidence.toml gives the default)."""
    keep_doubtful: bool = False
    """Keep the events below `min_confidence`, flagged `doubtful`, instead of dropping them."""


class Pipeline:
    def __init__(self, config: PipelineConfig | None = None) -> None:
        self.config = config or PipelineConfig()
        options = self.config.options
        self.detect = create(self.config.detector, **options.get(self.config.detector, {}))
        self.extractors = [
            (name, create(name, **options.get(name, {}))) for name in self.config.extractors
        ]
        self._screened: dict[int, list[EventFrame]] = {}
        """The frames the detector found before the parse, by document (`_states_events`)."""

    def process(self, document: Document) -> list[Event]:
        return next(self.process_many([document]))[1]

    def process_many(
        self, documents: Iterable[Document], on_error: ErrorHandler | None = None
    ) -> Iterator[tuple[Document, list[Event]]]:
        """Events per document, analysing documents in batches so the parser sees many at once.

        With `on_error`, a document whose extraction raises is handed to it and skipped, so one
        bad document does not end a run; without it, the error propagates.
        """
        iterator = iter(documents)
        while batch := list(islice(iterator, self.config.batch_size)):
            self._screened.clear()
            for analyzed in analyze_many(batch, screen=worth_parsing, wanted=self._states_events):
                try:
                    events = self.events_of(analyzed)
                except Exception as error:
                    if on_error is None:
                        raise
                    on_error(analyzed.document, error)
                    continue
                yield analyzed.document, events

    def _states_events(self, analyzed: AnalyzedDoc) -> bool:
        """Whether the detector finds an event in the unparsed document: detection reads words
        and cues only, so an article that states none is never parsed. A detector that fails
        here is left to fail on this document alone, in `events_of`."""
        try:
            frames = self.detect(analyzed)
        except Exception:
            return True
        self._screened[id(analyzed)] = frames
        return bool(frames)

    def events_of(self, analyzed: AnalyzedDoc) -> list[Event]:
        frames = self._screened.pop(id(analyzed), None)
        if frames is None:
            frames = self.detect(analyzed)
        for frame in frames:
            for _name, extractor in self.extractors:
                extractor(frame)
        typed = [frame for frame in frames if frame.event_type and frame.sub_event_type]
        assign_reactions(typed)
        events = [self._to_event(frame, number) for number, frame in enumerate(typed)]
        return [event for event in events if self._kept(event)]

    def _kept(self, event: Event) -> bool:
        """Whether an event passes the confidence threshold; below it, flagged or dropped."""
        if event.confidence >= self.config.min_confidence:
            return True
        event.doubtful = True
        return self.config.keep_doubtful

    def _to_event(self, frame: EventFrame, number: int) -> Event:
        document = frame.doc.document
        fatalities, injuries = reconcile(frame.claims)
        event = Event(
            id=text_id(f"{document.id}#{number}"),
            document_ids=[document.id],
            event_type=frame.event_type or "",
            sub_event_type=frame.sub_event_type or "",
            event_date=frame.event_date,
            date_precision=frame.date_precision,
            date_evidence=frame.date_evidence,
            actor1=frame.actor1,
            actor2=frame.actor2,
            location=frame.location,
            fatalities=fatalities,
            injuries=injuries,
            claims=list(frame.claims),
            confidence=frame.confidence,
            sources=[document.source] if document.source else [],
            reactions=list(frame.reactions),
        )
        event.summary = summarize(event)
        return event


def pipeline_for(
    country: str | None = None, min_confidence: float | None = None, keep_doubtful: bool = False
) -> Pipeline:
    """The built-in pipeline with a country prior (ISO alpha-2, "auto" or None) and a confidence
    threshold (None: the default of data/confidence.toml), as the commands build it."""
    options = {"place": {"country": country}} if country else {}
    config = PipelineConfig(options=options, keep_doubtful=keep_doubtful)
    if min_confidence is not None:
        config.min_confidence = min_confidence
    return Pipeline(config)
