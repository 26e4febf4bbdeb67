"""French documents: parsed with the French model, read by the French-aware extractors."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.models import Document
from eventwire.nlp.analysis import analyze, document_language
from eventwire.pipeline import Pipeline

pytest.importorskip("fr_core_news_sm")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def _event(pipeline: Pipeline, text: str, published: date, language: str | None = None):
    events = pipeline.process(Document(id="t", text=text, published=published, language=language))
    assert len(events) == 1
    return events[0]


def test_french_documents_use_the_french_model() -> None:
    text = "Des hommes armés ont tué trois villageois lundi près de Djibo, selon des habitants."
    analyzed = analyze(Document(id="fr", text=text))
    assert analyzed.language == "fr"
    assert analyzed.sentences[0].parse is not None
    assert analyzed.sentences[0].parse.lang_ == "fr"
    english = analyze(Document(id="en", text="Gunmen killed three villagers near Djibo on Monday."))
    assert english.language == "en"
    assert english.sentences[0].parse.lang_ == "en"


def test_declared_language_wins_over_detection() -> None:
    assert document_language(Document(id="a", text="the of and", language="fr")) == "fr"
    assert document_language(Document(id="b", text="le la les des", language="en")) == "en"
    undeclared = Document(id="c", text="Les soldats ont été tués dans la nuit.")
    assert document_language(undeclared) == "fr"


def test_attack_on_civilians(pipeline: Pipeline) -> None:
    text = (
        "Au moins neuf civils ont été tués jeudi par des individus armés dans le village de "
        "Bankilaré, dans la région de Tillabéri, selon un élu local. Les assaillants ont aussi "
        "incendié des greniers."
    )
    event = _event(pipeline, text, date(2024, 3, 9))
    assert (event.event_type, event.sub_event_type) == ("Violence against civilians", "Attack")
    assert event.actor1.name == "Unidentified Armed Group (Niger)"
    assert event.actor2.name == "Civilians (Niger)"
    assert event.fatalities.best == 9
    claim = next(c for c in event.claims if c.kind == "killed")
    assert (claim.low, claim.qualifier, claim.victims) == (9, "at_least", "civilians")
    assert "Au moins neuf civils ont été tués" in claim.quote
    assert event.event_date == date(2024, 3, 7)
    assert event.location.name == "Bankilaré" and event.location.admin1 == "Tillabéri"


def test_ambush_sums_both_sides(pipeline: Pipeline) -> None:
    text = (
        "Une embuscade tendue mardi contre une patrouille de l'armée près de Titao a fait cinq "
        "morts parmi les militaires. Une douzaine d'assaillants ont été neutralisés lors de la "
        "riposte, selon l'état-major."
    )
    event = _event(pipeline, text, date(2024, 6, 13))
    assert event.event_type == "Battles"
    sides = {event.actor1.name, event.actor2.name}
    assert sides == {"Military Forces of Burkina Faso", "Unidentified Armed Group (Burkina Faso)"}
    assert event.fatalities.best == 17
    kinds = sorted((c.victims, c.low) for c in event.claims if c.kind == "killed")
    assert kinds == [("militants", 12), ("state_forces", 5)]
    assert event.event_date == date(2024, 6, 11)
    assert event.location.name == "Titao"


def test_improvised_explosive_device(pipeline: Pipeline) -> None:
    text = (
        "Deux gendarmes ont perdu la vie et trois autres ont été blessés samedi quand leur "
        "véhicule a sauté sur un engin explosif improvisé à une dizaine de kilomètres de Gao."
    )
    event = _event(pipeline, text, date(2024, 2, 20))
    assert event.sub_event_type == "Remote explosive/landmine/IED"
    assert event.fatalities.best == 2
    assert event.injuries.best == 3
    assert event.event_date == date(2024, 2, 17)
    assert event.location.name == "Gao" and event.location.country == "Mali"


def test_protest_and_named_date(pipeline: Pipeline) -> None:
    text = (
        "Des centaines de manifestants ont marché le 12 mars dans les rues de Niamey pour "
        "dénoncer la vie chère. La marche s'est déroulée sans incident."
    )
    event = _event(pipeline, text, date(2024, 3, 14))
    assert event.event_type == "Protests"
    assert event.actor1.name == "Protesters (Niger)"
    assert event.event_date == date(2024, 3, 12)
    assert event.location.name == "Niamey"


def test_no_victim_is_zero(pipeline: Pipeline) -> None:
    text = (
        "Des hommes armés ont attaqué dimanche un poste de douane à Sebba. Aucune victime n'a "
        "été signalée."
    )
    event = _event(pipeline, text, date(2024, 7, 25))
    assert event.fatalities.best == 0
    assert any(c.kind == "killed" and c.low == 0 for c in event.claims)


def test_english_document_is_unchanged(pipeline: Pipeline) -> None:
    text = (
        "Gunmen killed at least 12 civilians near Djibo on Tuesday, local sources said. "
        "Five others were wounded."
    )
    event = _event(pipeline, text, date(2024, 3, 14))
    assert event.actor1.name == "Unidentified Armed Group (Burkina Faso)"
    assert event.fatalities.best == 12
    assert event.event_date == date(2024, 3, 12)
    assert all(s.language == "en" for s in analyze(Document(id="e", text=text)).sentences)
