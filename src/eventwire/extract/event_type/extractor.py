"""Event type: ACLED's 6 event types and 25 sub-event types, by transparent rules.

Follows ACLED's codebook distinctions, reading the lexicon features of the event sentences
(data/lexicons/event_types.toml) and the inter codes of the actors found before:
- crowds first: a mob or lynching is Riots/Mob violence, protesters who turn violent Riots/Violent
  demonstration, protesters killed by forces Excessive force, dispersed or arrested Protest with
  intervention, otherwise a Peaceful protest;
- a device as the means (IED, suicide bomber, air or drone strike, shelling, grenade) makes
  Explosions/Remote violence whoever the victims are; gunfire and "explosions" heard during an
  assault do not;
- territory taken by a non-state actor or retaken by the state is a Battle of its own kind;
- otherwise the target decides: armed (state forces, rebels, militias, external forces) is
  Battles/Armed clash, unarmed is Violence against civilians (Attack, Abduction, Sexual
  violence); arrests, looting and property destruction without violence against people are
  Strategic developments.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from eventwire.extract.actors import (
    collect_mentions,
    event_country,
    fill_name,
    name_communal_militias,
    name_gangs,
    name_identity_militias,
)
from eventwire.extract.detect import detection_patterns
from eventwire.extract.event_type.crowd_sides import crowd_side
from eventwire.extract.event_type.crowds import (
    crowd_against_forces,
    crowd_event,
    crowd_looting,
    mutiny_event,
    unorganised_event,
)
from eventwire.extract.event_type.decision import (
    ARMED,
    NON_STATE,
    PRESENT,
    UNIDENTIFIED,
    Decision,
    guessed,
    hurt,
    inter,
    sure,
)
from eventwire.extract.event_type.rules import Scores, score_frame
from eventwire.extract.frame import EventFrame
from eventwire.models import POLITICAL_VIOLENCE_TYPES, Actor

COMPLEX_MEANS = frozenset(
    {"Remote explosive/landmine/IED", "Shelling/artillery/missile attack", "Grenade"}
)
"""Devices that open an assault: with small-arms fire on armed men, ACLED codes a Battle."""


def _remote_event(frame: EventFrame, s: Scores) -> Decision | None:
    best = s.best_means()
    if best is None:
        return None
    sub, score = best
    violence = max(s.get("violence"), score)
    if score < PRESENT or score < 0.3 * violence:
        return None
    if sub in COMPLEX_MEANS and _complex_assault(frame, s):
        return None
    if _fought_with_devices(frame, s, sub):
        return None
    return Decision("Explosions/Remote violence", sub, 0.8, f"device as the means ({sub})")


def _complex_assault(frame: EventFrame, s: Scores) -> bool:
    """An IED or rockets followed by gunfire against forces or militia: a Battle."""
    armed = inter(frame.actor2) in ARMED or s.get("clash") >= PRESENT
    return armed and s.get("small_arms") >= PRESENT


def _fought_with_devices(frame: EventFrame, s: Scores, sub: str) -> bool:
    """Two armed sides stated as fighting, with shelling, air strikes, a grenade or an IED along
    the way ("clashed with the militants, supported by air strikes", "exchanged mortar fire"):
    ACLED codes the clash, a Battle. Not a suicide bombing, and not a fight named only as the
    setting ("shelled the town amid clashes")."""
    clash = s.get("clash_acted")
    if sub in ("Suicide bomb", "Chemical weapon") or clash < max(PRESENT, 0.5 * s.means[sub]):
        return False
    return inter(frame.actor2) in ARMED or inter(frame.actor1) in ARMED


def _territory_event(frame: EventFrame, s: Scores) -> Decision | None:
    regain, overtake = s.get("regain"), s.get("overtake")
    if max(regain, overtake) < PRESENT:
        return None
    if inter(frame.actor1) == 1 and regain >= PRESENT:
        return Decision("Battles", "Government regains territory", 0.7, "retaken by the state")
    if inter(frame.actor1) != 1 and overtake >= PRESENT:
        if s.get("clash") < PRESENT and s.get("violence") < PRESENT and not hurt(s):
            return Decision(
                "Strategic developments",
                "Non-violent transfer of territory",
                0.6,
                "taken without a fight",
            )
        return Decision("Battles", "Non-state actor overtakes territory", 0.7, "taken by militants")
    return None


def _civilian_target(frame: EventFrame, s: Scores) -> bool:
    inter2 = inter(frame.actor2)
    if inter2 is not None:
        return inter2 == 7
    return s.get("people_victims") >= PRESENT and s.get("clash_acted") < PRESENT


def _disrupted_event(s: Scores) -> Decision | None:
    """A suicide bomber who blows up early is still a suicide bomb (ACLED counts those where
    the bomber is the only casualty)."""
    if s.get("interception") >= PRESENT and "Suicide bomb" not in s.means:
        return Decision(
            "Strategic developments", "Disrupted weapons use", 0.6, "projectile stopped"
        )
    if s.get("disrupted") >= PRESENT and not hurt(s):
        return Decision("Strategic developments", "Disrupted weapons use", 0.6, "device defused")
    return None


def _violence_event(frame: EventFrame, s: Scores) -> Decision | None:
    violent = s.get("violence") >= PRESENT or hurt(s)
    civilians = _civilian_target(frame, s)
    armed_target = inter(frame.actor2) in ARMED
    if civilians and s.get("sexual") >= PRESENT:
        return Decision("Violence against civilians", "Sexual violence", 0.7, "sexual violence")
    if not armed_target and s.get("abduction") >= PRESENT and s.get("lethal") < PRESENT:
        return Decision(
            "Violence against civilians", "Abduction/forced disappearance", 0.75, "abduction"
        )
    calm = not hurt(s) and s.get("violence") < PRESENT
    if s.get("arrest") >= PRESENT and inter(frame.actor1) == 1 and calm:
        return Decision("Strategic developments", "Arrests", 0.65, "arrests by state forces")
    if inter(frame.actor2) in NON_STATE and s.get("abduction") >= PRESENT:
        return Decision("Battles", "Armed clash", sure(frame, 0.6), "militiamen abducted")
    empty_post = s.get("unoccupied") >= PRESENT
    damaged = s.get("looting") >= PRESENT or empty_post
    people_attacked = s.get("people_attacked") >= PRESENT
    if damaged and not hurt(s) and (empty_post or not (armed_target or people_attacked)):
        return Decision(
            "Strategic developments", "Looting/property destruction", 0.6, "property destroyed"
        )
    if not violent:
        return None
    executed = s.get("execution") >= PRESENT and not armed_target
    if (executed or s.get("defenceless") >= PRESENT) and s.get("clash_acted") < PRESENT:
        return Decision("Violence against civilians", "Attack", sure(frame, 0.75), "execution")
    if s.get("communal") >= PRESENT and inter(frame.actor1) not in (1, 2, 8):
        return Decision("Battles", "Armed clash", sure(frame, 0.6), "communal fighting")
    if s.get("clash_acted") >= PRESENT or armed_target:
        return Decision("Battles", "Armed clash", sure(frame, 0.85), "armed target")
    if civilians or frame.actor2 is None:
        return Decision("Violence against civilians", "Attack", sure(frame, 0.8), "unarmed target")
    return Decision("Battles", "Armed clash", sure(frame, 0.55), "fighting, target unclear")


def _fallback_event(frame: EventFrame, s: Scores) -> Decision | None:
    if s.get("arrest") >= PRESENT:
        return Decision("Strategic developments", "Arrests", 0.5, "arrests")
    if s.get("looting") >= PRESENT:
        return Decision("Strategic developments", "Looting/property destruction", 0.5, "looting")
    if s.get("abduction") >= PRESENT:
        return Decision(
            "Violence against civilians", "Abduction/forced disappearance", 0.5, "abduction"
        )
    return _development_event(frame, s)


def _development_event(frame: EventFrame, s: Scores) -> Decision | None:
    """Nothing violent matched: ACLED's catch-all for a stated non-violent development."""
    strategic = detection_patterns()["strategic"]
    if not any(strategic.search(sentence.text) for sentence in frame.sentences):
        return None
    if s.get("agreement") >= PRESENT:
        return Decision("Strategic developments", "Agreement", 0.45, "agreement")
    if s.get("base") >= PRESENT:
        return Decision(
            "Strategic developments", "Headquarters or base established", 0.45, "base set up"
        )
    if s.get("measure") >= PRESENT:
        return Decision(
            "Strategic developments", "Change to group/activity", 0.4, "security measure"
        )
    return Decision("Strategic developments", "Other", 0.3, "no violence stated")


def decide(frame: EventFrame, scores: Scores) -> Decision | None:
    return (
        mutiny_event(frame, scores)
        or crowd_event(frame, scores)
        or unorganised_event(frame, scores)
        or crowd_against_forces(frame, scores)
        or crowd_looting(frame, scores)
        or _disrupted_event(scores)
        or _remote_event(frame, scores)
        or _territory_event(frame, scores)
        or _violence_event(frame, scores)
        or _fallback_event(frame, scores)
    )


def _crowd_actor(frame: EventFrame, inter: int) -> Actor:
    template = "Protesters ({country})" if inter == 6 else "Rioters ({country})"
    for actor in (frame.actor1, frame.actor2):
        if actor and actor.inter in (5, 6):
            return Actor(fill_name(template, event_country(frame)), inter, actor.aliases_seen)
    return Actor(fill_name(template, event_country(frame)), inter, [])


UNNAMED_ATTACKER = POLITICAL_VIOLENCE_TYPES
"""Event types that have an attacker even when the report names none."""


def _implied(frame: EventFrame, template: str, inter: int) -> Actor:
    return Actor(fill_name(template, event_country(frame)), inter, [])


GOVERNMENT = "Government of {country}"


def _fill_implied_actors(frame: EventFrame, decision: Decision, s: Scores) -> None:
    """Sides the codebook implies when the report leaves them unnamed: civilian victims of
    violence against civilians and of looting by armed groups, the police that broke up a
    protest, an unidentified armed group behind an attack, the government that took a measure
    (a curfew, a closure) or whose officials decided a development."""
    sub, civilians = decision.sub_event_type, "Civilians ({country})"
    decided = max(s.get("government"), s.get("measure")) >= PRESENT
    unnamed = frame.actor1 is None or guessed(frame.actor1)
    by_government = s.get("government") >= PRESENT and (unnamed or inter(frame.actor1) == 1)
    if sub in ("Other", "Change to group/activity") and (
        (frame.actor1 is None and decided) or by_government
    ):
        frame.actor1 = _implied(frame, GOVERNMENT, 1)
    if frame.actor2 is None:
        looted = sub == "Looting/property destruction" and inter(frame.actor1) in NON_STATE
        if decision.event_type == "Violence against civilians" or looted:
            frame.actor2 = _implied(frame, civilians, 7)
        elif sub == "Protest with intervention":
            frame.actor2 = _implied(frame, "Police Forces of {country}", 1)
    if frame.actor1 is None and decision.event_type in UNNAMED_ATTACKER:
        frame.actor1 = _implied(frame, UNIDENTIFIED, 3)


def _defusers_lead(frame: EventFrame) -> bool:
    """ "The army defused an IED planted by JNIM": the forces that defused the device act, the
    planters are the other side. An attacker the report names first ("an assailant threw a
    bomb, which police defused") stays the actor."""
    if inter(frame.actor2) != 1 or frame.actor1 is None:
        return False
    text = " ".join(s.text for s in frame.sentences)
    return _first_seen(text, frame.actor2) < _first_seen(text, frame.actor1)


def _forces_stopped_bomber(frame: EventFrame) -> bool:
    """ "Security forces identified and killed a suicide bomber": the bomber's side attacked."""
    return inter(frame.actor1) == 1 and inter(frame.actor2) in NON_STATE


def _bomber_side(frame: EventFrame) -> Actor | None:
    """The bomber, named by the group the report attributes the attack to when it names one."""
    named = [
        m
        for m in collect_mentions(frame, event_country(frame))
        if m.entry.kind == "named" and m.inter in NON_STATE
    ]
    if not named:
        return frame.actor2
    best = max(named, key=lambda m: m.score)
    return Actor(best.name, best.inter, [best.surface])


def _first_seen(text: str, actor: Actor) -> int:
    found = [text.find(alias) for alias in actor.aliases_seen if alias in text]
    return min(found, default=len(text))


def arrange_actors(frame: EventFrame, decision: Decision, scores: Scores | None = None) -> None:
    """ACLED puts the crowd first in Protests and Riots; the other side, if any, second."""
    scores = scores or score_frame(frame)
    if decision.event_type in ("Battles", "Violence against civilians"):
        communal = scores.get("communal") >= PRESENT
        named = name_identity_militias(frame, decision.event_type, communal, event_country(frame))
        if not named:
            name_communal_militias(frame, decision.event_type, event_country(frame))
    _fill_implied_actors(frame, decision, scores)
    name_gangs(frame, decision.event_type, event_country(frame))
    if decision.sub_event_type == "Disrupted weapons use" and _defusers_lead(frame):
        frame.actor1, frame.actor2 = frame.actor2, frame.actor1
    if decision.sub_event_type == "Suicide bomb" and _forces_stopped_bomber(frame):
        frame.actor1, frame.actor2 = _bomber_side(frame), frame.actor1
    if decision.event_type not in ("Protests", "Riots"):
        return
    inter = 6 if decision.event_type == "Protests" else 5
    crowd = _crowd_actor(frame, inter)
    other = crowd_side(frame, decision.sub_event_type, scores)
    frame.actor1, frame.actor2 = crowd, other


def extract_event_type(frame: EventFrame) -> None:
    scores = score_frame(frame)
    _apply(frame, decide(frame, scores), scores)


def _apply(frame: EventFrame, decision: Decision | None, scores: Scores | None = None) -> None:
    if decision is None:
        frame.notes.append("event_type: no rule matched")
        return
    frame.event_type = decision.event_type
    frame.sub_event_type = decision.sub_event_type
    frame.confidence = round(min(1.0, decision.confidence), 3)
    frame.notes.append(f"event_type: {decision.sub_event_type} ({decision.reason})")
    arrange_actors(frame, decision, scores)


def model_extractor(path: str) -> Callable[[EventFrame], None]:
    """Type with a classifier the user trained (`eventwire train`) instead of the rules."""
    from eventwire.extract.event_type.naive_bayes import NaiveBayes

    model = NaiveBayes.load(Path(path))

    def extract(frame: EventFrame) -> None:
        label, probability = model.predict(" ".join(s.text for s in frame.sentences))
        event_type, _, sub = label.partition("|")
        _apply(frame, Decision(event_type, sub, probability, f"model {Path(path).name}"))

    return extract


def make_event_type_extractor(model: str | None = None) -> Callable[[EventFrame], None]:
    """The transparent rules by default; `model`: a file written by `eventwire train`."""
    return model_extractor(model) if model else extract_event_type
