"""Crowds: ACLED's Protests (peaceful, with intervention, excessive force) and Riots (violent
demonstration, mob violence), with the forces that mutiny or protest themselves."""

from __future__ import annotations

from eventwire.extract.event_type.crowd_sides import forces_protest, others_protest
from eventwire.extract.event_type.decision import (
    ARMED,
    NON_STATE,
    PRESENT,
    Decision,
    guessed,
    hurt,
    inter,
    unidentified,
)
from eventwire.extract.event_type.rules import Scores, feature_patterns
from eventwire.extract.frame import EventFrame


def _riot(s: Scores) -> float:
    """Riot words; riot police count only where no protest is stated (they watch a protest)."""
    forces = s.get("riot_forces") if s.get("protest") < PRESENT else 0.0
    return s.get("riot") + forces


def crowd_event(frame: EventFrame, s: Scores) -> Decision | None:
    inters = {inter(frame.actor1), inter(frame.actor2)}
    crowd = s.get("protest") + _riot(s) + s.get("mob")
    seen_armed = frame.actor1 is not None and bool(frame.actor1.aliases_seen)
    unknown_unarmed = unidentified(frame.actor1) and s.get("firearm") < PRESENT and hurt(s)
    named_armed = (
        seen_armed
        and inter(frame.actor1) in (2, 3, 8)
        and s.get("protest") < PRESENT
        and not unknown_unarmed
    )
    if named_armed or not (inters & {5, 6} or crowd >= PRESENT):
        return None
    arrests_only = s.get("arrest_acted") >= PRESENT and s.get("dispersal") < PRESENT
    if not inters & {5, 6} and inter(frame.actor1) == 1 and arrests_only:
        return None
    if s.get("mob") >= PRESENT and s.get("mob") >= s.get("protest"):
        return Decision("Riots", "Mob violence", 0.75, "mob or lynching")
    if _riot(s) >= PRESENT or 5 in inters:
        return riot_decision(frame, s, 0.75, "violent crowd")
    if s.get("protest") < PRESENT and 6 not in inters:
        return None
    if _crowd_violent(frame, s) or _armed_forces_protest(frame, s):
        return Decision("Riots", "Violent demonstration", 0.65, "protesters turned violent")
    killed_there = s.get("lethal_acted") >= PRESENT
    if killed_there and (1 in inters or s.get("intervention") >= PRESENT):
        return Decision("Protests", "Excessive force against protesters", 0.7, "protesters killed")
    if max(s.get("intervention_acted"), s.get("air_shots")) >= PRESENT:
        return Decision("Protests", "Protest with intervention", 0.75, "protest dispersed")
    return Decision("Protests", "Peaceful protest", 0.75, "protest without violence")


def demonstrating(s: Scores) -> bool:
    """The crowd makes a demand: a protest, a strike, a blockade, a mutiny, a stated grievance."""
    return any(s.get(name) >= PRESENT for name in ("protest", "mutiny", "blockade", "demands"))


def _attacks_people_over_grievance(frame: EventFrame, s: Scores) -> bool:
    """A crowd that beats or kills people over a grievance, with no protest, march or blockade
    of its own ("residents beat a suspected thief, angry over a spate of burglaries"): a mob."""
    held = max(s.get(name) for name in ("protest", "blockade", "mutiny", "crowd_forces"))
    if held >= PRESENT or 1 in (inter(frame.actor1), inter(frame.actor2)):
        return False
    return inter(frame.actor2) == 7 or (hurt(s) and s.get("people_victims") >= PRESENT)


def _facing_forces(frame: EventFrame, s: Scores) -> bool:
    """The crowd takes on the forces themselves: not forces that came to raid the place, nor
    forces that stepped in after the crowd had attacked someone."""
    if 1 not in (inter(frame.actor1), inter(frame.actor2)):
        return False
    after = ("raid_context", "intervention", "crowd_agent")
    return all(s.get(name) < PRESENT for name in after)


def riot_decision(frame: EventFrame, s: Scores, confidence: float, reason: str) -> Decision:
    """ACLED's two riots: demonstrators who turn violent or destructive (a violent demonstration)
    or a crowd that attacks people, or fights another crowd, with no demonstration (mob violence).
    Rival crowds fighting are a mob even over a grievance; a crowd facing the forces is a violent
    demonstration unless the forces came to raid the place; damage alone, with no demand stated,
    is a violent demonstration when it hits the authorities' property, mob violence otherwise."""
    rivals = s.get("rival") >= PRESENT and s.get("protest") < PRESENT
    if not rivals and demonstrating(s) and not _attacks_people_over_grievance(frame, s):
        return Decision("Riots", "Violent demonstration", confidence, f"{reason}, demonstrating")
    if not rivals and _facing_forces(frame, s):
        return Decision("Riots", "Violent demonstration", confidence, f"{reason}, against forces")
    if rivals or hurt(s) or s.get("clash") >= PRESENT:
        return Decision("Riots", "Mob violence", confidence, f"{reason}, no demonstration")
    kind = "Violent demonstration" if s.get("public_target") >= PRESENT else "Mob violence"
    return Decision("Riots", kind, confidence * 0.9, f"{reason}, damage")


def mutiny_event(frame: EventFrame, s: Scores) -> Decision | None:
    """Forces firing into the air or mutinying, facing nobody: ACLED's violent demonstration
    (the crowd side names them Rioters). Forces on patrol or dispersing a crowd are on duty."""
    if inter(frame.actor1) != 1 or frame.actor2 is not None:
        return None
    if max(s.get("air_shots"), s.get("mutiny")) < PRESENT or s.get("on_duty") >= PRESENT:
        return None
    if max(s.get("lethal_acted"), s.get("people_victims"), s.get("arrest_acted")) >= PRESENT:
        return None
    if others_protest(frame):
        return None
    return Decision("Riots", "Violent demonstration", 0.6, "forces firing into the air")


def _armed_forces_protest(frame: EventFrame, s: Scores) -> bool:
    """Soldiers or police protesting with gunfire ("gunfire rocked the capital in what was a
    protest by soldiers"): ACLED's violent demonstration."""
    shots = max(s.get("small_arms"), s.get("air_shots")) >= PRESENT
    return shots and s.get("intervention") < PRESENT and forces_protest(frame)


def unorganised_event(frame: EventFrame, s: Scores) -> Decision | None:
    """People without arms or organisation fighting (students, residents, rival camps): Riots.

    ACLED codes violence by unorganised civilians as Riots; identity groups (ethnic communities,
    hunters, self-defence groups) fighting each other are militias in Battles instead.
    """
    crowd_agent = s.get("crowd_agent") >= PRESENT
    acting = None if guessed(frame.actor1) else inter(frame.actor1)
    if crowd_agent and acting == 1 and _crowd_named_first(frame):
        acting = None  # the crowd acted; the police came after ("handed him over to the police")
    if acting not in (None, 7) or inter(frame.actor2) in NON_STATE:
        return None
    fighting = max(s.get("clash"), s.get("rival")) >= PRESENT and inter(frame.actor2) != 1
    if acting is None and not (crowd_agent or fighting):
        return None
    if not (s.get("violence") >= PRESENT or hurt(s)):
        return None
    if _armed_or_organised(s, crowd_agent) or s.best_means():
        return None
    return riot_decision(frame, s, 0.55, "unorganised people fighting")


def _crowd_named_first(frame: EventFrame) -> bool:
    """The unorganised crowd is named before the forces: the crowd is the subject ("a group of
    youths beat a thief, then police arrived"), not the forces' target ("police fired on a group
    of youths")."""
    text = " ".join(sentence.text for sentence in frame.sentences)
    found = feature_patterns()["crowd_agent"].search(text)
    if found is None or frame.actor1 is None:
        return False
    seen = [text.find(alias) for alias in frame.actor1.aliases_seen if alias in text]
    return found.start() < min(seen, default=len(text))


def _armed_or_organised(s: Scores, crowd_agent: bool) -> bool:
    """Arms or community ties that make fighters militiamen. With unorganised people stated as
    the attackers ("a number of farmers beat a Fulani herder"), only men under arms and militias
    do: a victim's community or a knife does not."""
    political_rivals = min(s.get("rival"), s.get("crowd_politics")) >= PRESENT
    if s.get("communal") >= PRESENT and not political_rivals:
        return militia_signs(s)  # "two factions of the party clashed" are rioters
    if crowd_agent:
        return max(s.get("armed_men"), s.get("organised")) >= PRESENT
    return max(s.get("firearm"), s.get("identity")) >= PRESENT


def crowd_against_forces(frame: EventFrame, s: Scores) -> Decision | None:
    """Residents, traders or youths fighting the police or soldiers, with no gunmen or militia
    among them: ACLED's riot (a Battle needs two organised armed sides)."""
    if s.get("crowd_forces") < PRESENT or s.best_means():
        return None
    if max(s.get("armed_men"), s.get("organised")) >= PRESENT:
        return None
    sides = [actor for actor in (frame.actor1, frame.actor2) if not guessed(actor)]
    if any(inter(actor) in NON_STATE for actor in sides):
        return None
    if demonstrating(s):
        return Decision("Riots", "Violent demonstration", 0.6, "demonstrators against the forces")
    return Decision("Riots", "Mob violence", 0.6, "unarmed people against the forces")


def militia_signs(s: Scores) -> bool:
    """What makes the sides of a communal fight militias rather than a mob: ethnic or tribal
    communities, militias, men under arms, gunfire. Two families or two villages fighting over a
    field with sticks and machetes are rioters ("a land dispute between two families turned
    violent"), ethnic communities clashing over the same field are communal militias."""
    names = ("identity", "kin", "organised", "armed_men", "small_arms")
    return max(s.get(name) for name in names) >= PRESENT


def crowd_looting(frame: EventFrame, s: Scores) -> Decision | None:
    """Looting or burning by nobody armed ("shops looted along the avenue", "residents
    ransacked the office"): ACLED codes the crowd as rioters, not a strategic development."""
    if s.get("looting") < PRESENT or s.get("firearm") >= PRESENT:
        return None
    if s.get("identity") >= PRESENT or s.get("communal") >= PRESENT:
        return None
    if inter(frame.actor1) not in (None, 7) or inter(frame.actor2) in ARMED:
        return None
    return Decision("Riots", "Violent demonstration", 0.5, "unarmed people looting")


def _crowd_violent(frame: EventFrame, s: Scores) -> bool:
    """Protesters who block roads, burn, loot or fight: ACLED's violent demonstration.

    Violence by the forces alone (tear gas, live rounds) leaves it a protest met by force.
    """
    if s.get("riot_act") < PRESENT:
        return False
    by_forces = inter(frame.actor1) == 1 and s.get("intervention") >= PRESENT
    return not by_forces or s.get("riot_act") >= 2 * PRESENT
