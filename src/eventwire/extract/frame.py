"""The working record that the extractors fill in, one per event an article reports."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Protocol

from eventwire.models import Actor, Claim, DateEvidence, DatePrecision, Location, Reaction
from eventwire.nlp.analysis import AnalyzedDoc, Sentence


@dataclass
class EventFrame:
    doc: AnalyzedDoc
    sentences: list[Sentence]
    """The sentences that state this event (not reactions, background or analysis)."""
    claims: list[Claim] = field(default_factory=list)
    event_date: date | None = None
    date_precision: DatePrecision | None = None
    date_evidence: DateEvidence | None = None
    location: Location | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    event_type: str | None = None
    sub_event_type: str | None = None
    confidence: float = 0.0
    reactions: list[Reaction] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    """Free-form reasons the extractors give (kept for debugging and review)."""
    memo: dict[object, object] = field(default_factory=dict, repr=False, compare=False)
    """Results steps share for this frame (e.g. the actor mentions, read by several steps)."""

    @property
    def published(self) -> date | None:
        return self.doc.document.published

    @property
    def country_hint(self) -> str | None:
        """ISO alpha-2 of the event's country, once the place extractor has set it."""
        return alpha2_of(self.location.iso3) if self.location and self.location.iso3 else None


class Extractor(Protocol):
    """A pipeline component: reads the frame (and its document), fills in its own fields."""

    def __call__(self, frame: EventFrame) -> None: ...


@cache
def alpha2_of(iso3: str) -> str | None:
    """ISO alpha-2 of an alpha-3 code, None when pycountry knows none."""
    import pycountry

    country = pycountry.countries.get(alpha_3=iso3)
    return country.alpha_2 if country else None
