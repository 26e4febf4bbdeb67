"""Reactions: recorded on the event with their kind and reacting party, never as events."""

from __future__ import annotations

from datetime import date

import pytest

from eventwire.extract.reactions import sentence_reactions
from eventwire.models import Document, Event, text_id
from eventwire.nlp.analysis import Sentence
from eventwire.pipeline import Pipeline
from eventwire.store import Store


def reactions_of(text: str) -> list[tuple[str, str | None]]:
    sentence = Sentence(0, 0, len(text), text, frozenset())
    return [(r.kind, r.actor) for r in sentence_reactions(sentence, "doc")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The attack was claimed by the Islamic State West Africa Province in a statement.",
            [("claim_of_responsibility", "ISWAP: Islamic State West Africa Province")],
        ),
        (
            "The African Union Commission strongly condemned the killings on Monday.",
            [("condemnation", "African Union Commission")],
        ),
        (
            "Condolences poured in from the Economic Community of West African States.",
            [("condolence", "Economic Community of West African States")],
        ),
        (
            "Rights groups called for an independent inquiry into the shootings.",
            [("call", "Rights groups")],
        ),
        ("No group has claimed responsibility for the ambush.", []),
    ],
)
def test_reaction_kind_and_party(text: str, expected: list[tuple[str, str | None]]) -> None:
    assert reactions_of(text) == expected


ARTICLE = (
    "Gunmen killed 11 villagers in an attack on the village of Tassia in central Mali on "
    "Sunday, local officials said. The United Nations mission condemned the killings and called "
    "for the perpetrators to be brought to justice. The government declared three days of "
    "national mourning."
)


def test_reactions_ride_on_the_event_and_are_not_events(store_url: str) -> None:
    document = Document(id=text_id(ARTICLE), text=ARTICLE, published=date(2024, 3, 12))
    events = Pipeline().process(document)
    assert len(events) == 1
    kinds = [r.kind for r in events[0].reactions]
    assert kinds.count("condemnation") == 1 and "condolence" in kinds and "call" in kinds
    assert all(ARTICLE[slice(*r.span)] == r.quote for r in events[0].reactions)
    store = Store(store_url)
    store.save(document, events)
    stored = store.event(events[0].id)
    assert stored is not None and stored.reactions == events[0].reactions
    assert Event.from_record(events[0].to_record()).reactions == events[0].reactions


TWO_EVENTS = (
    "Gunmen killed 11 villagers in an attack on the village of Tassia in central Mali on Sunday. "
    "The United Nations mission condemned the killings. "
    "In a separate incident, a roadside bomb killed four soldiers near Gao on Monday. "
    "The army's spokesman called for calm."
)


def test_in_a_two_event_article_each_reaction_goes_to_the_event_before_it() -> None:
    document = Document(id=text_id(TWO_EVENTS), text=TWO_EVENTS, published=date(2024, 3, 12))
    events = Pipeline().process(document)
    assert len(events) == 2
    assert [[r.kind for r in event.reactions] for event in events] == [["condemnation"], ["call"]]


def test_a_merge_keeps_both_reports_reactions_and_a_split_gives_them_back(store_url: str) -> None:
    other_text = ARTICLE.replace("The United Nations mission", "The European Union").replace(
        "Gunmen killed 11", "Armed men killed 12"
    )
    store = Store(store_url)
    store.dedup_enabled = False
    pipeline = Pipeline()
    first = Document(id="first", text=ARTICLE, published=date(2024, 3, 12))
    second = Document(id="second", text=other_text, published=date(2024, 3, 12))
    (kept,) = pipeline.process(first)
    (other,) = pipeline.process(second)
    store.save(first, [kept])
    store.save(second, [other])
    merge_id = store.merge(kept.id, other.id, by="analyst")
    merged = store.event(kept.id)
    assert merged is not None
    assert {r.document_id for r in merged.reactions} == {"first", "second"}
    restored_id = store.split(merge_id, by="analyst")
    assert {r.document_id for r in store.event(kept.id).reactions} == {"first"}
    assert {r.document_id for r in store.event(restored_id).reactions} == {"second"}
