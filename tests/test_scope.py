from __future__ import annotations

from datetime import date

from eventwire.extract.scope import dated_elsewhere
from eventwire.pipeline import Pipeline
from tests.helpers import make_doc

ARTICLE = (
    "Gunmen killed at least 14 villagers in an attack on Kolo, in western Niger, on Sunday, "
    "local officials said on Tuesday. "
    "A regional official put the toll at 17. "
    "In March 2021, raids on two nearby villages killed around 60 people. "
    "Monitors recorded more than 1,800 deaths in the region in 2023. "
    "Residents said on Monday that 17 people had been buried."
)


def test_claims_of_earlier_events_and_yearly_totals_are_dropped() -> None:
    (event,) = Pipeline().events_of(make_doc(ARTICLE, "2024-05-14"))
    assert event.event_date == date(2024, 5, 12)
    killed = sorted((c.low, c.high) for c in event.claims if c.kind == "killed")
    assert killed == [(14, None), (17, 17)]
    assert event.fatalities.high == 17


def test_a_sentence_dated_near_the_event_keeps_its_claims() -> None:
    sunday = date(2024, 5, 12)
    assert not dated_elsewhere("On Sunday, 14 people were killed.", sunday, date(2024, 5, 14))
    assert not dated_elsewhere("Twelve people were killed.", sunday, date(2024, 5, 14))
    assert not dated_elsewhere("It was the worst attack since 2019.", sunday, date(2024, 5, 14))
    assert dated_elsewhere("In 2019, 30 people were killed.", sunday, date(2024, 5, 14))
    assert dated_elsewhere("In April, 9 people died there.", sunday, date(2024, 5, 14))


BACKGROUND = (
    "Gunmen killed at least 14 villagers in an attack on Kolo, in western Niger, on Sunday, "
    "local officials said. "
    "A regional official said 17 people had died. "
    "More than 5,000 people have been killed in the region, according to monitors. "
    "Around two million people are displaced across the country. "
    "In the following months, similar raids killed hundreds more. "
    "The attack came a year after gunmen killed 40 people at a market in Ayorou. "
    "At least 20 people have been wounded in the attack, a nurse said."
)


def test_standing_totals_and_history_give_no_claims() -> None:
    (event,) = Pipeline().events_of(make_doc(BACKGROUND, "2024-05-14"))
    figures = sorted((c.kind, c.low) for c in event.claims)
    assert figures == [("injured", 20), ("killed", 14), ("killed", 17)]
    assert event.fatalities.high == 17


def test_a_present_tense_toll_in_the_lede_is_the_events() -> None:
    (event,) = Pipeline().events_of(
        make_doc("At least 12 people have been killed in Konduga, police said.", "2024-05-14")
    )
    assert [(c.kind, c.low) for c in event.claims] == [("killed", 12)]


def test_history_and_stale_dates_past_the_lede_are_not_parsed() -> None:
    from eventwire.extract.scope import worth_parsing
    from eventwire.models import Document
    from eventwire.nlp.analysis import analyze

    text = (
        "Gunmen killed 14 villagers in an attack on Kolo on Sunday. "
        "Officials said 17 people had died. "
        "The army sent reinforcements. "
        "Residents fled to Niamey. "
        "In March 2021, raids on two nearby villages killed around 60 people. "
        "In the following months, similar raids killed hundreds more. "
        "A nurse said on Monday that 20 people had been wounded."
    )
    document = Document(id="kolo", text=text, published=date(2024, 5, 14))
    verdicts = [worth_parsing(s, document) for s in analyze(document, parse=False).sentences]
    assert verdicts == [True, True, True, True, False, False, True]
