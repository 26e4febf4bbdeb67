"""Clan militias named after their lineage (fixtures written for these tests: invented places and
wordings)."""

from __future__ import annotations

import pytest

from eventwire.extract.actors.clans import clan_matches
from eventwire.extract.actors.ethnic import ethnic_matches
from eventwire.extract.actors.extractor import extract_actors
from eventwire.models import Location
from tests.helpers import make_frame


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Gunmen of the Abgal clan militia stormed a market.", ["Hawiye-Abgal Sub-Clan Militia"]),
        ("Marehan clan militiamen opened fire.", ["Darod-Marehan Sub-Clan Militia"]),
        ("Daarood Ogaden clan militia moved in.", ["Darod-Ogaden Sub-Clan Militia"]),
        (
            "Dir-Surre Qubeys sub-clan militia fought Habar Jeclo clan militia.",
            ["Dir-Surre Qubeys Sub-Clan Militia", "Isaaq-Habar Jeclo Sub-Clan Militia"],
        ),
        ("The Korobe clan militia raided cattle.", ["Korobe Clan Militia"]),
        ("two rival clan militias exchanged fire", ["Unidentified Clan Militia"]),
        ("The army clashed with militants.", []),
    ],
)
def test_clan_names(text: str, names: list[str]) -> None:
    found = [m.entry.name.replace(" ({country})", "") for m in clan_matches(text)]
    assert found == names


def test_clan_militias_are_the_sides_of_their_clash() -> None:
    text = "On 4 June, Hawadle clan militia clashed with Abgal clan militia near Buulo Xaaji."
    frame = make_frame(text, "2025-06-06", all_sentences=True)
    frame.location = Location(name="Buulo Xaaji", country="Somalia")
    extract_actors(frame)
    assert frame.actor1 is not None and frame.actor2 is not None
    assert (frame.actor1.name, frame.actor1.inter) == (
        "Hawiye-Hawadle Sub-Clan Militia (Somalia)",
        4,
    )
    assert frame.actor2.name == "Hawiye-Abgal Sub-Clan Militia (Somalia)"


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Tsamai ethnic militia burned two hamlets.", ["Tsamai Ethnic Militia"]),
        ("a Konso tribal militia ambushed herders", ["Konso Ethnic Militia"]),
        ("The village was attacked by ethnic militias.", ["Unidentified Ethnic Militia"]),
        ("Members of the Tsamai community marched.", []),
    ],
)
def test_ethnic_militias_named_as_such(text: str, names: list[str]) -> None:
    found = [m.entry.name.replace(" ({country})", "") for m in ethnic_matches(text)]
    assert found == names


def test_ethnic_militia_attacker() -> None:
    text = "On 9 May, a Tsamai ethnic militia attacked Hamar herders near Weyto, killing two."
    frame = make_frame(text, "2020-05-11", all_sentences=True)
    frame.location = Location(name="Weyto", country="Ethiopia")
    extract_actors(frame)
    assert frame.actor1 is not None
    assert (frame.actor1.name, frame.actor1.inter) == ("Tsamai Ethnic Militia (Ethiopia)", 4)


def test_both_lineages_before_one_militia_word_are_militias() -> None:
    text = "Darod-Marehan and Hawiye-Abgal sub-clan militias clashed near Dusamareb."
    found = [m.entry.name.replace(" ({country})", "") for m in clan_matches(text)]
    assert found == ["Darod-Marehan Sub-Clan Militia", "Hawiye-Abgal Sub-Clan Militia"]
