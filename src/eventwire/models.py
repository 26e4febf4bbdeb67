"""The records that flow through eventwire: one `Document` in, `Event`s out.

Field names follow the output contract (shared/contract/EVENT_RECORD.md); `to_record()` gives the
contract's JSON shape.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Literal

ClaimKind = Literal["killed", "injured", "abducted", "missing", "arrested", "displaced"]
Qualifier = Literal["exact", "at_least", "more_than", "about", "up_to", "estimate", "vague"]
Victims = Literal["civilians", "state_forces", "militants", "mixed", "unknown"]
DatePrecision = Literal["day", "week", "month", "year"]

POLITICAL_VIOLENCE_TYPES = frozenset(
    {"Battles", "Violence against civilians", "Explosions/Remote violence"}
)
"""ACLED's violent event types: there is always an attacker and a target, named or not."""

EVENT_TYPES: dict[str, tuple[str, ...]] = {
    "Battles": (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    "Violence against civilians": (
        "Sexual violence",
        "Attack",
        "Abduction/forced disappearance",
    ),
    "Explosions/Remote violence": (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    "Protests": (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    "Riots": ("Violent demonstration", "Mob violence"),
    "Strategic developments": (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}


def text_id(text: str) -> str:
    """A stable id for a text: the first 16 hex digits of its SHA-256."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Document:
    """One input article, as in the contract's input document."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: date | None = None
    source: str | None = None
    language: str | None = None
    origin: str = "-"
    """Where the document was read from (a path, a path:line, or '-'); used in error messages."""


@dataclass
class Claim:
    """One reported casualty figure, with where it came from."""

    kind: ClaimKind
    low: int | None
    high: int | None
    qualifier: Qualifier
    victims: Victims = "unknown"
    source: str | None = None
    document_id: str = ""
    span: tuple[int, int] = (0, 0)
    quote: str = ""
    reported_at: date | None = None

    def to_record(self) -> dict[str, Any]:
        record = asdict(self)
        record["span"] = list(self.span)
        record["reported_at"] = self.reported_at.isoformat() if self.reported_at else None
        return record


@dataclass
class Actor:
    name: str
    inter: int | None = None
    aliases_seen: list[str] = field(default_factory=list)

    def to_record(self) -> dict[str, Any]:
        return {"name": self.name, "inter": self.inter, "aliases_seen": list(self.aliases_seen)}


@dataclass
class Location:
    name: str
    country: str | None = None
    iso3: str | None = None
    admin1: str | None = None
    admin2: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    geo_precision: int | None = None
    geonames_id: int | None = None

    def to_record(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Figures:
    """Reconciled low/best/high for one casualty kind; all None when nothing was reported."""

    low: int | None = None
    best: int | None = None
    high: int | None = None

    def to_record(self) -> dict[str, int | None]:
        return {"low": self.low, "best": self.best, "high": self.high}


@dataclass
class Reaction:
    """A reaction to the event (condemnation, condolence, call, denial, claim of responsibility):
    recorded on the event, never an event of its own."""

    kind: str
    actor: str | None
    quote: str
    span: tuple[int, int]
    document_id: str = ""

    def to_record(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "actor": self.actor,
            "quote": self.quote,
            "span": list(self.span),
            "document_id": self.document_id,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Reaction:
        return cls(
            kind=record["kind"],
            actor=record.get("actor"),
            quote=record.get("quote", ""),
            span=tuple(record.get("span", (0, 0))),  # type: ignore[arg-type]
            document_id=record.get("document_id", ""),
        )


@dataclass(frozen=True)
class DateEvidence:
    """Where the event's date came from (extra field `date_evidence` of the record): the words
    it was read from, and the date those words were counted from ("on Sunday" in a story whose
    dateline says March 3)."""

    quote: str
    """The date's wording, verbatim ("on Sunday night" gives "Sunday")."""
    span: tuple[int, int]
    """Character offsets of `quote` in the document's text."""
    document_id: str = ""
    anchor: date | None = None
    """The report date relative words were resolved against (None for an absolute date)."""
    anchor_source: str | None = None
    """published (the document's date), dateline, byline (a date in the page), statement
    (the day a source spoke: "killed on Monday, residents said on Thursday") or reference (a
    day the text named before: "the previous day")."""
    anchor_quote: str | None = None
    """The dateline's or byline's wording, when the anchor came from the text."""

    def to_record(self) -> dict[str, Any]:
        return {
            "quote": self.quote,
            "span": list(self.span),
            "document_id": self.document_id,
            "anchor": self.anchor.isoformat() if self.anchor else None,
            "anchor_source": self.anchor_source,
            "anchor_quote": self.anchor_quote,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any] | None) -> DateEvidence | None:
        if not record:
            return None
        return cls(
            quote=record.get("quote", ""),
            span=tuple(record.get("span", (0, 0))),  # type: ignore[arg-type]
            document_id=record.get("document_id", ""),
            anchor=_parse_date(record.get("anchor")),
            anchor_source=record.get("anchor_source"),
            anchor_quote=record.get("anchor_quote"),
        )


@dataclass
class Event:
    id: str
    document_ids: list[str]
    event_type: str
    sub_event_type: str
    event_date: date | None = None
    date_precision: DatePrecision | None = None
    actor1: Actor | None = None
    actor2: Actor | None = None
    location: Location | None = None
    fatalities: Figures = field(default_factory=Figures)
    injuries: Figures = field(default_factory=Figures)
    claims: list[Claim] = field(default_factory=list)
    summary: str = ""
    confidence: float = 0.0
    sources: list[str] = field(default_factory=list)
    """Outlet names of the reporting documents (extra field, used by the ACLED export)."""
    reactions: list[Reaction] = field(default_factory=list)
    """Condemnations, condolences, calls, denials and claims of responsibility (extra field)."""
    doubtful: bool = False
    """Below the confidence threshold, kept only on request (`--keep-doubtful`; extra field)."""
    date_evidence: DateEvidence | None = None
    """The wording the event date was read from and what it was counted from (extra field)."""

    def to_record(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "document_ids": list(self.document_ids),
            "event_date": self.event_date.isoformat() if self.event_date else None,
            "date_precision": self.date_precision,
            "event_type": self.event_type,
            "sub_event_type": self.sub_event_type,
            "actor1": self.actor1.to_record() if self.actor1 else None,
            "actor2": self.actor2.to_record() if self.actor2 else None,
            "location": self.location.to_record() if self.location else None,
            "fatalities": self.fatalities.to_record(),
            "injuries": self.injuries.to_record(),
            "claims": [claim.to_record() for claim in self.claims],
            "summary": self.summary,
            "confidence": round(self.confidence, 3),
            "sources": list(self.sources),
            "reactions": [reaction.to_record() for reaction in self.reactions],
            "doubtful": self.doubtful,
            "date_evidence": self.date_evidence.to_record() if self.date_evidence else None,
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> Event:
        """Inverse of `to_record` (used by the store and by tests)."""

        def actor(value: dict[str, Any] | None) -> Actor | None:
            return Actor(**value) if value else None

        claims = [
            Claim(
                **{
                    **claim,
                    "span": tuple(claim["span"]),
                    "reported_at": _parse_date(claim.get("reported_at")),
                }
            )
            for claim in record.get("claims", [])
        ]
        location = record.get("location")
        return cls(
            id=record["id"],
            document_ids=list(record["document_ids"]),
            event_type=record["event_type"],
            sub_event_type=record["sub_event_type"],
            event_date=_parse_date(record.get("event_date")),
            date_precision=record.get("date_precision"),
            actor1=actor(record.get("actor1")),
            actor2=actor(record.get("actor2")),
            location=Location(**location) if location else None,
            fatalities=Figures(**record.get("fatalities", {})),
            injuries=Figures(**record.get("injuries", {})),
            claims=claims,
            summary=record.get("summary", ""),
            confidence=float(record.get("confidence", 0.0)),
            sources=list(record.get("sources", [])),
            reactions=[Reaction.from_record(r) for r in record.get("reactions", [])],
            doubtful=bool(record.get("doubtful", False)),
            date_evidence=DateEvidence.from_record(record.get("date_evidence")),
        )


def _parse_date(value: str | None) -> date | None:
    return date.fromisoformat(value[:10]) if value else None
