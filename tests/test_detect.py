"""Detection that can say no: words of violence in other kinds of news state no event, while
reports of a literal act (however terse or wordy) still do. Every text is invented."""

from __future__ import annotations

import pytest

from eventwire.extract.detect import DETECTION, Detection, detect_frames
from tests.helpers import make_doc

NO_EVENT = {
    "football": (
        "Rovers striker Dan Ekwe was shot down by a late tackle in Saturday's top-of-the-table "
        "clash with Albion and faces a month out with a knee injury. The manager said the attack "
        "had lacked a cutting edge all season, and the club will fight for the title."
    ),
    "markets": (
        "Shares in the shipping firm shot up 12% on Tuesday after it won a takeover battle for "
        "its smaller rival. Analysts said a price war with Asian carriers could kill profits."
    ),
    "earthquake": (
        "An earthquake killed at least 40 people in the mountain town of Sarvan on Monday, and "
        "rescuers were still pulling bodies from collapsed homes, officials said."
    ),
    "bus crash": (
        "Twelve passengers died and 30 were injured when a bus crashed into a ravine near "
        "Kelomo on Friday night, police said."
    ),
    "obituary": (
        "The actor Mara Velin, star of three decades of stage drama, has died at the age of 84 "
        "after a long illness, her family said."
    ),
    "court": (
        "A court heard on Wednesday that the businessman was shot dead outside his home, as the "
        "trial of his former partner opened in the capital."
    ),
    "policy metaphor": (
        "The opposition attacked the government's budget plans on Thursday, saying the proposals "
        "would hurt families and kill off small businesses."
    ),
    "threatened strike": (
        "Rail unions could strike next month if talks over pensions fail, their leaders warned."
    ),
    "history": (
        "Survivors gathered at the memorial, where in 1994 militiamen killed hundreds of "
        "villagers who had sought shelter in the church."
    ),
    "quote": '"We will fight them on every street," the minister told parliament.',
    "years ago": (
        "The singer was fined on Monday over a brawl with two photographers outside a Berlin "
        "hotel three years ago."
    ),
    "prevention": (
        "The new unit will help the police prevent terror attacks on railway stations, the "
        "minister said, denying claims of a clash with the army over its budget."
    ),
    "film pirates": "Video pirates sold copies of the film in the market before its premiere.",
    "video game": (
        "In the new console game, players battle soldiers and zombies with rocket launchers "
        "and grenades across five levels; the studio says sales have doubled."
    ),
}

EVENT = {
    "wire report": (
        "Gunmen killed five villagers and wounded three in an attack on Tessit on Tuesday, a "
        "local official told reporters."
    ),
    "terse note": "On 4 May 2023, an unidentified group killed a man in Kouri.",
    "body found": (
        "The body of a farmer was found with his hands tied near Morbe on Sunday, residents said."
    ),
    "protest dispersed": (
        "Police fired tear gas to disperse hundreds of students who marched on the ministry in "
        "Lowa on Monday to demand unpaid grants."
    ),
    "sit-in": (
        "Hundreds of teachers staged a sit-in in front of the education office in Banra on "
        "Thursday over three months of salary arrears."
    ),
    "explosion": (
        "On 2 June 2024, there was an explosion near the council office in Teyin. No casualties "
        "were reported."
    ),
    "forces on the move": (
        "Movement of forces: on 9 March 2025, around 40 militants were seen gathering on the "
        "outskirts of Dalo village."
    ),
}


@pytest.mark.parametrize("name", sorted(NO_EVENT))
def test_words_of_violence_in_other_news_state_no_event(name: str) -> None:
    assert detect_frames(make_doc(NO_EVENT[name], "2024-06-05")) == []


@pytest.mark.parametrize("name", sorted(EVENT))
def test_a_literal_act_is_an_event(name: str) -> None:
    frames = detect_frames(make_doc(EVENT[name], "2024-06-05"))
    assert len(frames) == 1
    detection = frames[0].memo[DETECTION]
    assert isinstance(detection, Detection) and detection.anchors


def test_a_riot_at_a_match_is_an_event_with_its_armed_actor() -> None:
    text = (
        "Visiting fans clashed with riot police outside the stadium in Kerra after the cup final "
        "on Sunday, and twelve people were injured. The club condemned the violence, and the "
        "league said the match would be replayed; the coach praised his players."
    )
    frames = detect_frames(make_doc(text, "2024-06-05"))
    assert len(frames) == 1


def test_an_article_about_something_else_is_flagged_on_its_frames() -> None:
    text = (
        "The striker's goal won the match, and the club's shares rose. Later the team bus was "
        "attacked by gunmen near Orsa, and two players were wounded, the league said. The coach "
        "said the season, the title race and the cup final were now secondary."
    )
    [frame] = detect_frames(make_doc(text, "2024-06-05"))
    detection = frame.memo[DETECTION]
    assert detection.other_news
    assert "armed_act" in detection.anchors
