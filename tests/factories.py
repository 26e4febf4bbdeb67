"""Hand-built documents and events for tests that do not need the extractors."""

from __future__ import annotations

from datetime import date

from eventwire.models import Actor, Claim, Document, Event, Figures, Location


def document(doc_id: str = "doc-1", text: str = "Gunmen attacked a convoy near Gao.") -> Document:
    return Document(id=doc_id, text=text, published=date(2024, 5, 3), source="Test Wire")


def event(
    event_id: str = "ev-1",
    doc_id: str = "doc-1",
    country: str = "Mali",
    iso3: str = "MLI",
    when: date = date(2024, 5, 1),
    event_type: str = "Battles",
    killed: tuple[int, int | None] = (5, 5),
) -> Event:
    claim = Claim(
        kind="killed",
        low=killed[0],
        high=killed[1],
        qualifier="exact" if killed[0] == killed[1] else "at_least",
        victims="state_forces",
        source="the army",
        document_id=doc_id,
        span=(0, 34),
        quote="Gunmen attacked a convoy near Gao.",
        reported_at=date(2024, 5, 3),
    )
    return Event(
        id=event_id,
        document_ids=[doc_id],
        event_type=event_type,
        sub_event_type="Armed clash" if event_type == "Battles" else "Attack",
        event_date=when,
        date_precision="day",
        actor1=Actor("Unidentified Armed Group (Mali)", 3, ["gunmen"]),
        actor2=Actor("Military Forces of Mali", 1, ["convoy"]),
        location=Location(
            name="Gao",
            country=country,
            iso3=iso3,
            admin1="Gao",
            latitude=16.27,
            longitude=-0.04,
            geo_precision=2,
            geonames_id=2457163,
        ),
        fatalities=Figures(killed[0], killed[0], killed[1]),
        claims=[claim],
        summary="On 01 May 2024, gunmen attacked a convoy near Gao.",
        confidence=0.8,
        sources=["Test Wire"],
    )
