"""Communal militias: local people who take up arms, named after their place as ACLED does.

ACLED codes villagers, youths or residents who fight a battle as "<Place> Communal Militia
(<Country>)", after the village they come from when the report says so ("youths from the village
of Koumbara"), else after the event's town; "Unidentified Communal Militia" when neither is known.
An armed group the report calls local ("a local armed group", "a self-defence group") is one in
any violent event. Words: data/lexicons/communal.toml.
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors.rules import fill_name
from eventwire.extract.frame import EventFrame
from eventwire.models import POLITICAL_VIOLENCE_TYPES, Actor

MILITIA_INTER = 4
CIVILIAN_INTER = 7
UNIDENTIFIED_INTER = 3


@cache
def _spec() -> dict[str, object]:
    spec = load_toml("lexicons/communal.toml")
    return {
        "template": spec["template"],
        "unplaced": spec["unplaced"],
        "unidentified": spec["unidentified"],
        "people": re.compile("(?:" + "|".join(spec["local_people"]) + ")", re.IGNORECASE),
        "armed": re.compile("(?:" + "|".join(spec["local_armed"]) + ")", re.IGNORECASE),
        "origin": [re.compile(p) for p in spec["origin_after"]],
    }


def name_communal_militias(frame: EventFrame, event_type: str, country: str | None) -> None:
    """Rename the sides that are local people fighting (or a local armed group) in place; other
    civilians who attack are an unidentified armed group (ACLED: civilians are never actor1)."""
    for side in ("actor1", "actor2"):
        actor = getattr(frame, side)
        if actor is not None and _communal(frame, actor, event_type, side == "actor1"):
            setattr(frame, side, _militia(frame, actor, country))
    attacker = frame.actor1
    if event_type in POLITICAL_VIOLENCE_TYPES and attacker and attacker.inter == CIVILIAN_INTER:
        name = fill_name(str(_spec()["unidentified"]), country)
        frame.actor1 = Actor(name, UNIDENTIFIED_INTER, list(attacker.aliases_seen))


def _communal(frame: EventFrame, actor: Actor, event_type: str, attacker: bool) -> bool:
    """Local people who fight a battle, or who attack (in any violent event)."""
    if event_type in POLITICAL_VIOLENCE_TYPES and _called_local(frame, actor):
        return True
    people: re.Pattern[str] = _spec()["people"]  # type: ignore[assignment]
    local = actor.inter == CIVILIAN_INTER and any(people.fullmatch(a) for a in actor.aliases_seen)
    return local and (
        event_type == "Battles" or (attacker and event_type in POLITICAL_VIOLENCE_TYPES)
    )


def _called_local(frame: EventFrame, actor: Actor) -> bool:
    """The report calls the side's armed group local ("a local armed group")."""
    armed: re.Pattern[str] = _spec()["armed"]  # type: ignore[assignment]
    for sentence in frame.sentences:
        for found in armed.finditer(sentence.text):
            if any(alias in found.group(0) for alias in actor.aliases_seen):
                return True
    return False


def _militia(frame: EventFrame, actor: Actor, country: str | None) -> Actor:
    place = _origin(frame, actor) or _event_town(frame)
    spec = _spec()
    if place is None:
        name = fill_name(str(spec["unplaced"]), country)
    else:
        name = fill_name(str(spec["template"]).replace("{place}", place), country)
    return Actor(name, MILITIA_INTER, list(actor.aliases_seen))


def _origin(frame: EventFrame, actor: Actor) -> str | None:
    """The place named right after the people's word ("youths from the village of X")."""
    for sentence in frame.sentences:
        for alias in actor.aliases_seen:
            start = sentence.text.find(alias)
            if start < 0:
                continue
            after = sentence.text[start + len(alias) :]
            for pattern in _spec()["origin"]:  # type: ignore[union-attr]
                found = pattern.match(after)
                if found:
                    return found.group(1)
    return None


def _event_town(frame: EventFrame) -> str | None:
    """The event's town when it is placed at one (not only at a region or a country)."""
    location = frame.location
    if location is None or location.latitude is None or location.geo_precision not in (1, 2):
        return None
    return location.name
