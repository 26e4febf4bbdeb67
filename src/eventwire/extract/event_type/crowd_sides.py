"""The other side of a crowd event (Protests, Riots): actor2 as ACLED codes it.

- Peaceful protest: none.
- Protest with intervention, excessive force: the forces that broke up or fired on the crowd.
  Forces a report names only as "security forces" or "authorities" are the police, and the
  police are the side when the report states the intervention without naming who intervened.
- Violent demonstration: the forces the crowd fought or that intervened; the people the crowd
  attacked; none when the crowd only damaged property or blocked roads, or when the forces are
  themselves the crowd (soldiers who mutiny, police on a sit-in).
- Mob violence: the forces the mob attacked or that stopped it; the other group when two groups
  fought (rioters on both sides); otherwise the people the mob attacked (civilians).
Words: data/actors.toml, [crowd].
"""

from __future__ import annotations

import re
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors import (
    AGENT,
    STATE_KINDS,
    TARGET,
    Mention,
    collect_mentions,
    event_country,
    fill_name,
    find_matches,
    fold,
)
from eventwire.extract.event_type.rules import Scores, feature_patterns
from eventwire.extract.frame import EventFrame
from eventwire.models import Actor

PRESENT = 0.25
POLICE = "Police Forces of {country}"
RIOTERS = "Rioters ({country})"
CIVILIANS = "Civilians ({country})"
INTERVENED = frozenset({"Protest with intervention", "Excessive force against protesters"})
CROWD_INTERS = frozenset({5, 6, 7})


@cache
def _words() -> dict[str, re.Pattern[str]]:
    spec = load_toml("actors.toml")["crowd"]
    return {
        key: re.compile(r"(?:" + "|".join(spec[key]) + r")", re.IGNORECASE)
        for key in ("policing", "premises")
    }


def _is(kind: str, mention: Mention) -> bool:
    return bool(_words()[kind].fullmatch(fold(mention.surface)))


def _force_actor(mention: Mention, country: str | None) -> Actor:
    """The force's actor; a force named only by its role in keeping order is the police."""
    if mention.entry.kind == "military" and _is("policing", mention):
        return Actor(fill_name(POLICE, country), 1, [mention.surface])
    return Actor(mention.name, mention.inter, [mention.surface])


def _forces(mentions: list[Mention]) -> list[Mention]:
    """State forces as people, best first: a police station burned is property, not a side."""
    people = [m for m in mentions if m.inter == 1 and not _is("premises", m)]
    return sorted(people, key=lambda m: -m.score)


def _protests_by_forces(frame: EventFrame) -> list[bool]:
    """For each sentence that states a protest: whether it names state forces and nobody else."""
    protest = feature_patterns()["protest"]
    return [
        {m.entry.kind in STATE_KINDS for m in find_matches(sentence.text)} == {True}
        for sentence in frame.sentences
        if protest.search(sentence.text)
    ]


def others_protest(frame: EventFrame) -> bool:
    """A protest stated in a sentence that names no state forces, or names people besides them
    ("soldiers fired on protesters"): the crowd is someone else."""
    return not all(_protests_by_forces(frame))


def forces_protest(frame: EventFrame) -> bool:
    """Every sentence that states the protest names the forces: they are the protesters."""
    by_forces = _protests_by_forces(frame)
    return bool(by_forces) and all(by_forces)


def _forces_are_crowd(frame: EventFrame, mentions: list[Mention], s: Scores) -> bool:
    """Soldiers who mutiny or police on a sit-in: the forces act and nobody else does."""
    if s.get("intervention") >= PRESENT:
        return False
    if s.get("mutiny") >= PRESENT or forces_protest(frame):
        return True
    if any(m.inter in (5, 6) for m in mentions):
        return False
    agents = [m for m in mentions if m.role == AGENT]
    state = any(m.inter == 1 for m in agents)
    return state and not any(m.inter in CROWD_INTERS for m in agents)


def _attacked_people(mentions: list[Mention], inters: frozenset[int]) -> Mention | None:
    """The best person (not a building or a car) the crowd acted on."""
    hit = [
        m
        for m in mentions
        if m.role == TARGET and m.inter in inters and m.entry.weight >= 1.0 and m.inter != 1
    ]
    return max(hit, key=lambda m: m.score) if hit else None


def crowd_side(frame: EventFrame, sub_event_type: str, s: Scores) -> Actor | None:
    if sub_event_type == "Peaceful protest":
        return None
    country = event_country(frame)
    mentions = collect_mentions(frame, country)
    forces = _forces(mentions)
    if _forces_are_crowd(frame, mentions, s):
        forces = []
    intervened = s.get("intervention") >= PRESENT
    if sub_event_type in INTERVENED:
        return _force_actor(forces[0], country) if forces else _police(country)
    targeted = [m for m in forces if m.role == TARGET]
    if targeted:
        return _force_actor(targeted[0], country)
    if sub_event_type == "Mob violence":
        return _mob_side(frame, mentions, forces, s, country)
    if intervened:
        return _force_actor(forces[0], country) if forces else _police(country)
    victim = _attacked_people(mentions, frozenset({2, 3, 4, 7, 8}))
    return Actor(victim.name, victim.inter, [victim.surface]) if victim else None


def _mob_side(
    frame: EventFrame, mentions: list[Mention], forces: list[Mention], s: Scores, country
) -> Actor:
    if s.get("clash") >= PRESENT:
        return Actor(fill_name(RIOTERS, country), 5, [])
    if forces and s.get("intervention") >= PRESENT:
        return _force_actor(forces[0], country)
    victim = _attacked_people(mentions, frozenset({2, 3, 4, 7, 8}))
    if victim:
        return Actor(victim.name, victim.inter, [victim.surface])
    return Actor(fill_name(CIVILIANS, country), 7, [])


def _police(country: str | None) -> Actor:
    return Actor(fill_name(POLICE, country), 1, [])
