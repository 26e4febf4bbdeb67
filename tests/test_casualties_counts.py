"""A figure is a casualty claim only when it counts people: not a date's day, an age, a year,
money, a percentage, a score, a label or a count of things; one victim named twice is one; a
death that a protest is about is not the protest's own. Fixtures written for these tests."""

from __future__ import annotations

import pytest

from eventwire.extract.casualties.extractor import extract_casualties
from eventwire.models import Claim
from eventwire.reconcile import acled_fatalities
from tests.helpers import make_frame


def claims(text: str, published: str = "2023-06-12") -> list[Claim]:
    frame = make_frame(text, published, all_sentences=True)
    extract_casualties(frame)
    return frame.claims


def killed(text: str) -> int:
    return acled_fatalities(claims(text))


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # an ACLED-note-like summary: the day of an "(as reported)" date is no count
        (
            "Around 9 May 2020 (as reported), in Marrowvale (Deltan), a woman was found dead "
            "on a farm road. The woman had been shot twice. 1 fatality.",
            1,
        ),
        ("Around 3 March 2022 (as reported), in Korvel, two men were killed by gunmen.", 2),
        ("On Aug 14, a policeman and a poacher were killed in a shootout near Tamsin.", 2),
        ("On 15 December, 15 people died in fighting near the Oruba crossing.", 15),
        ("In May 12 soldiers were killed in the Kessa hills, the army said.", 12),
        ("Fatality coded to 4 November 2019. A farmer was shot dead in Lobati.", 1),
        # local press: ages are not tolls, and an aged victim is still one victim
        ("The chairman of the market union, aged 54, was shot dead outside his shop.", 1),
        ("A 5 yr old girl was killed when a shell hit the house in Dunmere.", 1),
        ("The 24-year-old was beaten to death by a mob in the Ketu quarter.", 1),
        ("The veteran singer has died in Valmont at 87, his agent said.", 1),
        # labels and names with numbers
        ("An officer of Brigade 7 and a smuggler were killed in the raid at Sorrel Creek.", 2),
        ("Unit 88 commandos killed three gunmen on Route 9 near Tamsin.", 3),
        # counts of things and animals
        ("Soldiers shot and killed about 40 goats and five oxen at the Wendo camp.", 0),
        ("Hundreds of pigs died of fever in the valley, herders said.", 0),
        ("Under the plan, 168 public bodies and 3,000 jobs would go by next spring.", 0),
        ("Lower speed limits could save 65 lives a year, the minister said.", 0),
        ("The striker scored twice as Rovers won 3-1 to lift the cup.", 0),
    ],
)
def test_only_counts_of_people_are_tolls(text: str, dead: int) -> None:
    assert killed(text) == dead


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        # one victim named twice in one sentence
        ("Residents of Kaloma attacked and killed a suspected thief, beating him to death.", 1),
        ("A crowd lynched and killed a young trader by burning him alive near the bus station.", 1),
        ("One rebel was killed near Ostrava Hill [one fatality split among 3 events].", 1),
        # a pronoun for a new victim in its own sentence is read as before
        ("Gunmen abducted four farmers and executed them outside the village.", 4),
    ],
)
def test_one_victim_mentioned_twice_counts_once(text: str, dead: int) -> None:
    assert killed(text) == dead


@pytest.mark.parametrize(
    "text",
    [
        "Students staged a sit-in at the Harlan campus against the killing of two classmates.",
        "Relatives of three young men who died in police custody marched to the courthouse.",
        "Taxi drivers demonstrated in Pelbo after one of their colleagues was killed in a crash.",
        "Hundreds gathered in Tomsk Square to commemorate the death of four students in 2019.",
        "Youths burned tyres in Arvo in response to the killing of five members of their clan.",
    ],
)
def test_a_protest_grievance_is_not_the_protest_toll(text: str) -> None:
    assert killed(text) == 0


@pytest.mark.parametrize(
    ("text", "dead"),
    [
        ("Police fired on protesters marching against fuel prices in Dorne, killing 3.", 3),
        ("It was a demonstration in which two people were killed by live rounds.", 2),
        ("Militants raided Sabo in revenge for the killing of their chief, killing 6 people.", 6),
        ("On 8 May 2021, suspected militants killed four traders on the Kessa road.", 4),
    ],
)
def test_the_event_toll_stays(text: str, dead: int) -> None:
    assert killed(text) == dead


def test_long_article_keeps_the_event_toll_and_drops_the_clutter() -> None:
    text = (
        "KORVEL, 12 June (Wire) - Gunmen killed 14 villagers in an overnight raid on Adda, a "
        "district official said on Sunday. "
        "The attackers, who arrived on 30 motorbikes at about 2 am, also stole 200 head of cattle. "
        "Adda, a village of some 3,000 people 45 km from the regional capital, had been spared "
        "until now. "
        "A 62-year-old elder, aged 62 according to his son, was among the dead. "
        "Page 3 of the district report lists 11 schools closed since 2019."
    )
    assert killed(text) == 14
