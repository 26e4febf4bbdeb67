"""The report's own date (datelines, bylines), the page's dates that are never the event's, and
dates counted from the day a source spoke; the wording kept with the event."""

from __future__ import annotations

from datetime import date

from eventwire.extract.time.anchor import report_anchor
from eventwire.extract.time.rules import resolve_dates
from eventwire.models import Document, Event
from eventwire.pipeline import Pipeline
from eventwire.registry import create
from tests.helpers import make_frame

BODY = "Gunmen killed six herders near the village of Lomba on Sunday, officials said."


def run(text: str, published: str | None) -> tuple[date | None, str | None]:
    frame = make_frame(text, published)
    create("time")(frame)
    return frame.event_date, frame.date_precision


def test_a_dateline_with_its_year_is_the_anchor_without_a_publication_date() -> None:
    text = f"GAROUA, April 9, 2024 (Reuters) - {BODY}"
    page = report_anchor(text, None)
    assert (page.anchor.value, page.anchor.source) == (date(2024, 4, 9), "dateline")
    assert page.anchor.quote == "GAROUA, April 9, 2024 (Reuters)"
    assert run(text, None) == (date(2024, 4, 7), "day")


def test_a_yearless_dateline_is_read_against_the_publication_date_when_they_agree() -> None:
    text = f"GAROUA, April 9 (Reuters) - {BODY}"
    assert report_anchor(text, date(2024, 4, 15)).anchor.value == date(2024, 4, 9)
    assert run(text, "2024-04-15") == (date(2024, 4, 7), "day")
    far = report_anchor(text, date(2024, 6, 1)).anchor
    assert (far.value, far.source) == (date(2024, 6, 1), "published")


def test_a_yearless_dateline_alone_gives_no_date() -> None:
    text = f"GAROUA, April 9 (Reuters) - {BODY}"
    assert report_anchor(text, None).anchor.value is None
    assert run(text, None) == (None, None)


def test_a_byline_gives_the_first_publication_date_not_the_update() -> None:
    body = (
        "Des hommes armés ont tué six éleveurs près du village de Lomba dimanche, selon la mairie."
    )
    text = "Publié le 2 mai 2024 à 18h05\nMis à jour le 3 mai 2024 à 09h12\n\n" + body
    page = report_anchor(text, None)
    assert (page.anchor.value, page.anchor.source) == (date(2024, 5, 2), "byline")
    assert run(text, None) == (date(2024, 4, 28), "day")


def test_a_story_sentence_naming_a_publication_is_no_byline() -> None:
    text = "A report published on 3 March 2024 said militants had burned the clinic in Lomba."
    assert report_anchor(text, None).anchor.source == "none"


def test_dates_in_related_links_and_bylines_are_never_the_event_date() -> None:
    text = (
        "By A. Writer | 12 May 2024\n\n"
        "Militants burned the market in Lomba on Friday, residents said.\n\n"
        "Read more:\nSoldiers killed in ambush near Lomba (2 May 2024)"
    )
    page = report_anchor(text, None)
    dated = [m for m in resolve_dates(text, page.anchor.value) if page.is_clutter(m)]
    assert [m.text for m in dated] == ["12 May 2024", "2 May 2024"]
    assert run(text, None) == (date(2024, 5, 10), "day")


def test_an_event_weekday_is_counted_from_the_day_a_source_spoke() -> None:
    text = "Gunmen killed nine traders at the Lomba market on Tuesday, survivors said on Friday."
    assert run(text, "2024-05-21") == (date(2024, 5, 14), "day")


def test_the_previous_day_counts_from_the_day_a_source_spoke() -> None:
    text = "Police said on Friday that gunmen had shot dead two guards the previous day in Lomba."
    assert run(text, "2024-05-20") == (date(2024, 5, 16), "day")


def test_an_overnight_raid_on_a_weekday_is_that_weekday() -> None:
    text = "Rebels killed eleven villagers in an overnight raid on Lomba on Friday, officials said."
    assert run(text, "2024-05-20") == (date(2024, 5, 17), "day")


def test_a_protest_held_to_denounce_something_is_dated_at_the_protest() -> None:
    text = "Hundreds of traders protested in Lomba on Monday to denounce new market taxes."
    assert run(text, "2024-05-22") == (date(2024, 5, 20), "day")


def test_the_event_keeps_the_wording_of_its_date_and_of_its_anchor() -> None:
    text = f"GAROUA, April 9, 2024 (Reuters) - {BODY}"
    (event,) = Pipeline().process(Document(id="lomba", text=text))
    evidence = event.date_evidence
    assert evidence is not None
    assert (evidence.quote, evidence.anchor, evidence.anchor_source) == (
        "Sunday",
        date(2024, 4, 9),
        "dateline",
    )
    assert text[evidence.span[0] : evidence.span[1]] == "Sunday"
    record = event.to_record()
    assert record["date_evidence"]["anchor_quote"] == "GAROUA, April 9, 2024 (Reuters)"
    assert Event.from_record(record).date_evidence == evidence
