"""Detection on terse notes from the world's conflicts, and on news that looks back, argues or
negotiates. Every text is invented (places and people too)."""

from __future__ import annotations

import pytest

from eventwire.extract.detect import detect_frames
from eventwire.extract.detect.literal import only_hypothetical, tells_the_past
from tests.helpers import make_doc

TERSE = {
    "missile, no casualties": (
        "On 3 May 2024, a military helicopter fired a guided missile at the hills near Varto. "
        "There were no casualties."
    ),
    "rocket fell": "On 3 May 2024, a rocket fell near the Sarra crossing. Casualties unknown.",
    "gunboats struck": (
        "On 3 May 2024, navy gunboats struck the shore of Belin. Casualties unknown."
    ),
    "shelling": "On 3 May 2024, smoke rose over Kerch harbour after shelling by artillery units.",
    "factional clash": (
        "On 3 May 2024, two factions of a student league clashed using sticks at Toran college "
        "over a committee post."
    ),
    "clans battle": "Rival clans battle over a water point in Wajid.",
    "forces gather": "Movement of forces: On 3 May 2024, the militants gathered in Elbo village.",
    "patrol": "On 3 May 2024, coalition forces conducted a military patrol near the town of Rasaf.",
    "demolition": "On 3 May 2024, the army demolished four houses in Qarim village.",
    "trees cut": "On 3 May 2024, settlers cut down 40 olive trees on farmland near Sahel village.",
    "caning": "On 3 May 2024, religious police caned two civilians in Bireun for gambling.",
    "relocated": "On 3 May 2024, occupying forces forcibly relocated 30 patients from Oleshky.",
    "background year": (
        "On 12 Feb, in Tirru, families of people who disappeared in 2009 held a protest march "
        "to the district office."
    ),
    "a count, not a year": "Over 2000 students staged a protest at Kandel University on Monday.",
    "plan of the police, act of the crowd": (
        "On 4 May 2024, protesters blocked the streets of Orra despite a warning from the police "
        "that they would not allow any protest."
    ),
    "police who act": (
        "On 6 October, police in Kisa fired tear gas at crowds near the election office."
    ),
    "solidarity gathering": (
        "On 3 May 2024, people gathered near the central station in Lenn to express solidarity "
        "with the victims of the war."
    ),
}

LOOKS_BACK = {
    "statistics": (
        "More than 3,000 civilians were killed in the fighting in the north last year, a rights "
        "group said in a report on Monday."
    ),
    "anniversary": (
        "Church bells rang on Sunday to mark the anniversary of the market bombing that killed 30 "
        "people in Samet."
    ),
    "commemoration": (
        "Relatives gathered in Dorra on Sunday, twenty years since soldiers killed dozens of "
        "villagers there in 2004."
    ),
    "claim of a past attack": (
        "The group claimed last year's attack on the pipeline at Arvo in a statement on Monday."
    ),
    "analysis": (
        "Analysts say the militants now rely on drones and roadside bombs rather than assaults on "
        "towns."
    ),
    "denial": (
        "The army denied that soldiers had fired on protesters in the capital, saying an inquiry "
        "had found no evidence."
    ),
    "sanctions": "The bloc imposed travel bans on ten officials of the military government.",
    "diplomatic protest": (
        "The foreign ministry summoned the ambassador on Thursday to protest against remarks "
        "about the islands."
    ),
    "flood": (
        "Floodwaters swept through six villages on Sunday, killing 12 people, the governor said."
    ),
    "bus crash": (
        "A bus plunged into a ravine near Sarat on Sunday, killing 20 passengers, police said."
    ),
    "team's attack": (
        "Northfield's attack tore the visitors apart on Saturday, the striker scoring twice "
        "before half-time."
    ),
}


@pytest.mark.parametrize("name", sorted(TERSE))
def test_a_terse_note_of_an_act_is_an_event(name: str) -> None:
    assert len(detect_frames(make_doc(TERSE[name], "2024-05-06"))) == 1


@pytest.mark.parametrize("name", sorted(LOOKS_BACK))
def test_news_that_looks_back_argues_or_negotiates_states_no_event(name: str) -> None:
    assert detect_frames(make_doc(LOOKS_BACK[name], "2024-05-06")) == []


def test_a_plan_hides_only_its_own_clause() -> None:
    assert only_hypothetical("Unions could strike next month if talks fail, their leaders said.")
    assert only_hypothetical("Protesters threatened to march on parliament.")
    assert not only_hypothetical(
        "Protesters blocked the road, although police had said they would arrest anyone who did."
    )


def test_an_old_year_is_history_unless_the_sentence_has_its_own_day() -> None:
    from datetime import date

    published = date(2024, 5, 6)
    assert tells_the_past("The 1994 massacre was remembered in silence.", published)
    assert not tells_the_past("On 3 May, survivors of the 1994 massacre marched.", published)
    assert not tells_the_past("Some 1990 people fled the town.", published)
