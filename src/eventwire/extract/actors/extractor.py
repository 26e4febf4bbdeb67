"""Actors: who acted (actor1) and who was acted upon (actor2), named as ACLED names them.

Mentions come from the actor dictionary (data/actors.toml), with clan and ethnic militias named
as such (clans.py, ethnic.py). Each mention's role is read from the dependency parse of its
sentence (parse_roles.py), else from the order of a clash (order.py). Mentions are weighted by
sentence (earlier and casualty-bearing sentences count more, hedged analysis and the aftermath
less), named actors outrank generic ones, and generic militants ("gunmen", "fighters") refer to
the named armed group of the same report when there is one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date
from functools import cache

from eventwire.data import load_toml
from eventwire.extract.actors.allies import demote_allies, fold_strikes, is_strike
from eventwire.extract.actors.blasts import planted_by, stepped_on_device, unattributed_blast
from eventwire.extract.actors.claims import CLAIMANT_INTER, frame_claimant
from eventwire.extract.actors.clans import with_clans
from eventwire.extract.actors.interception import interceptor_first
from eventwire.extract.actors.mention import Mention
from eventwire.extract.actors.order import surface_role
from eventwire.extract.actors.parse_roles import AGENT, TARGET, mention_role
from eventwire.extract.actors.rules import (
    Match,
    countries_in,
    country_before,
    country_overrides,
    display_country,
    fill_name,
    find_matches,
    inter_in_period,
    name_in_period,
    state_forces_country,
)
from eventwire.extract.actors.status import (
    civilian_status,
    forces_hit_mine,
    forces_property,
    own_post,
    property_starts,
)
from eventwire.extract.actors.units import fold_units, unit_name
from eventwire.extract.actors.unlisted import is_unlisted, with_unlisted
from eventwire.extract.frame import EventFrame
from eventwire.models import Actor
from eventwire.nlp.analysis import Sentence

STATE_KINDS = frozenset({"military", "police"})
IDENTIFYING = frozenset({"named", "separatists"})
"""Kinds of mention that say who generic attackers ("gunmen", "assailants") were."""
NON_STATE_INTERS = frozenset({2, 3, 4, 8})
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
"""An armed side among the victims makes the event a fight with it (ACLED codes it actor2)."""
HEDGE = re.compile(r"\b(?:might|could|would|may|suggest\w*|posit(?:s|ed|ing)?|fear\w*|if)\b", re.I)
"""Hedged analysis ("might", "it is posited"); not "position", which only starts alike."""
REACTION_LEAD = re.compile(
    r"\s*(?:afterwards|after that|subsequently|then|later|in response|in retaliation|"
    r"following (?:the|this|that) (?:explosion|blast|attack|incident|bombing)s?)\b",
    re.IGNORECASE,
)
"""A later sentence that opens on the event's aftermath ("Afterwards, soldiers fired"):
whoever acts there reacted and did not start the event."""
REACTION_WEIGHT = 0.3

# --- weighting and selection ------------------------------------------------------------------


def sentence_weight(sentence: Sentence, rank: int) -> float:
    weight = 1.0 / (1.0 + 0.35 * rank)
    if "casualty" in sentence.cues:
        weight *= 1.3
    if HEDGE.search(sentence.text):
        weight *= 0.3
    return weight


def event_country(frame: EventFrame) -> str | None:
    """The event's country: the place extractor's, else the one the report names most."""
    if frame.location and frame.location.country:
        return display_country(frame.location.country)
    for texts in ([s.text for s in frame.sentences], [s.text for s in frame.doc.sentences]):
        found = countries_in(" ".join(texts))
        if found:
            return max(found, key=lambda c: (found.count(c), -found.index(c)))
    return None


CIVILIANS = "Civilians ({country})"


def _resolve(match: Match, sentence: Sentence, country: str | None) -> tuple[str, int]:
    entry = match.entry
    if civilian_status(match, sentence.text):
        return fill_name(CIVILIANS, country), 7
    unit = unit_name(match, sentence.text)
    if unit:
        return unit, entry.inter
    override = country_overrides().get((country or "", entry.kind))
    if override and override.terms and override.terms.fullmatch(match.surface.lower()):
        return fill_name(override.entry.name, country), override.entry.inter
    if entry.kind in STATE_KINDS:
        own = country_before(sentence.text, match.start, country)
        if own and country and own != country:
            return fill_name(entry.name, own), 8
        return fill_name(entry.name, own or country), entry.inter
    if entry.kind == "civilians" and entry.inter == 7:
        return fill_name(entry.name, _civilians_country(match, sentence, country)), entry.inter
    return fill_name(entry.name, country), entry.inter


FOREIGN_INTER = 8


def _in_period(name: str, inter: int, when: date | None, country: str | None) -> tuple[str, int]:
    """The name and inter code on the event's day; a named state's forces acting outside their
    country ("IDF" in Lebanon) are external forces."""
    inter = inter_in_period(name, inter, when)
    name = name_in_period(name, when)
    own = state_forces_country(name)
    if inter == 1 and own and country and own != country:
        inter = FOREIGN_INTER
    return name, inter


FOREIGN = re.compile(r"\bforeign(?:ers?)?\b", re.IGNORECASE)
INTERNATIONAL = "International"


def _civilians_country(match: Match, sentence: Sentence, country: str | None) -> str | None:
    """ACLED names civilians by their nationality: "a Togolese driver" are Civilians (Togo),
    foreigners of unstated nationality Civilians (International)."""
    own = country_before(sentence.text, match.start, country)
    if own:
        return own
    before = sentence.text[max(0, match.start - 12) : match.end]
    return INTERNATIONAL if FOREIGN.search(before) else country


def collect_mentions(frame: EventFrame, country: str | None) -> list[Mention]:
    """The actor mentions of the frame's sentences (computed once per frame, country and date:
    the actors, event-type and crowd steps all read them; callers must not change them)."""
    when = frame.event_date or frame.published
    key = ("mentions", country, when, tuple(s.index for s in frame.sentences))
    if key not in frame.memo:
        frame.memo[key] = _collect_mentions(frame, country, when)
    return frame.memo[key]  # type: ignore[return-value]


def _collect_mentions(frame: EventFrame, country: str | None, when: date | None) -> list[Mention]:
    mentions = []
    for rank, sentence in enumerate(_actor_sentences(frame)):
        weight = sentence_weight(sentence, rank)
        found = []
        things = set[int]()
        matches = with_unlisted(
            with_clans(find_matches(sentence.text, country), sentence.text), sentence.text
        )
        for match in matches:
            if own_post(match, sentence.text) or match.start in things:
                continue
            role = _match_role(match, sentence)
            if is_unlisted(match) and role != AGENT:
                continue  # a name that does not act may be anything ("the World Bank Group")
            things.update(property_starts(match, sentence.text))
            name, inter = _in_period(*_resolve(match, sentence, country), when, country)
            score = weight * match.entry.weight * (1.0 if role else 0.4)
            if match.entry.kind == "named":
                score *= 1.5
            mention = Mention(match.entry, name, inter, match.surface, role, score)
            mention.clash_side = surface_role(sentence.text, match.start, match.end) is not None
            if role == AGENT and rank and REACTION_LEAD.match(sentence.text):
                mention.role, mention.score = None, mention.score * REACTION_WEIGHT
            found.append((match, mention))
        demote_allies(sentence.text, found, AGENT)
        fold_strikes(found)
        mentions.extend(mention for _, mention in found)
    return _fold_generic_armed(fold_units(mentions))


def _match_role(match: Match, sentence: Sentence) -> str | None:
    """The parse's role, else the clash order; a thing of the forces that was hit is a target."""
    if is_strike(match) or planted_by(match.end, sentence.text):
        return AGENT
    if forces_hit_mine(match, sentence.text) or stepped_on_device(match.end, sentence.text):
        return TARGET
    role = mention_role(sentence, match.start, match.end)
    role = role or surface_role(sentence.text, match.start, match.end)
    if role is None and forces_property(match, sentence.text):
        return TARGET
    return role


def _actor_sentences(frame: EventFrame) -> list[Sentence]:
    """The event sentences, then claims of responsibility stated on their own."""
    chosen = {s.index for s in frame.sentences}
    claims = [
        s for s in frame.doc.sentences if "responsibility" in s.cues and s.index not in chosen
    ]
    return list(frame.sentences) + claims


def _fold_generic_armed(mentions: list[Mention]) -> list[Mention]:
    """ "Gunmen", "fighters", "militants" are the named armed group when the report names one."""
    named = [m for m in mentions if m.entry.kind in IDENTIFYING and m.inter in (2, 3)]
    if not named:
        return mentions
    group = max(named, key=lambda m: m.score)
    for mention in mentions:
        opposed = {mention.role, group.role} == {AGENT, TARGET}
        if mention.entry.kind == "armed" and not opposed:
            mention.name, mention.inter = group.name, group.inter
    return mentions


def _best(mentions: Iterable[Mention], exclude: str | None = None) -> str | None:
    totals: dict[str, float] = {}
    for m in mentions:
        if m.name != exclude:
            totals[m.name] = totals.get(m.name, 0.0) + m.score
    return max(totals, key=lambda n: totals[n]) if totals else None


def choose_sides(mentions: list[Mention]) -> tuple[str | None, str | None]:
    agents = [m for m in mentions if m.role == AGENT]
    targets = [m for m in mentions if m.role == TARGET]
    first = _best(agents)
    target_names = {m.name for m in targets}
    if first is None:
        first = _best(m for m in mentions if m.clash_side and m.inter in NON_STATE_INTERS)
    if first is None:
        first = _best(m for m in mentions if m.role is None and m.inter in (2, 3, 4, 5, 6, 8))
    if first is None:
        unroled = [m for m in mentions if m.role is None and m.inter != 7]
        first = _best(m for m in unroled if m.name not in target_names)
    armed_targets = [m for m in targets if m.inter in ARMED_INTERS]
    second = _best(armed_targets, exclude=first) or _best(targets, exclude=first)
    if second is None:
        second = _best(agents, exclude=first)
    if second is None:
        second = _best((m for m in mentions if m.role is None and m.inter in (1, 7)), first)
    return first, second


def build_actor(name: str | None, mentions: list[Mention]) -> Actor | None:
    if name is None:
        return None
    mine = [m for m in mentions if m.name == name]
    inter = mine[0].inter if mine else None
    shown = [m for m in mine if m.role or m.entry.kind == "named"] or mine
    seen = list(dict.fromkeys(m.surface for m in shown))
    return Actor(name=name, inter=inter, aliases_seen=seen)


_VICTIM_KINDS = {
    "civilians": ("Civilians ({country})", 7),
    "state_forces": ("Military Forces of {country}", 1),
}


def _actor_from_claims(frame: EventFrame, country: str | None) -> Actor | None:
    for claim in frame.claims:
        if claim.victims in _VICTIM_KINDS:
            template, inter = _VICTIM_KINDS[claim.victims]
            return Actor(fill_name(template, country), inter, [])
    return None


def extract_actors(frame: EventFrame) -> None:
    country = event_country(frame)
    mentions = collect_mentions(frame, country)
    first, second = choose_sides(mentions)
    if _hit_by_blast(first, mentions, frame):
        first, second = None, second or first
    frame.actor1 = _claimed(frame, mentions, first) or build_actor(first, mentions)
    frame.actor2 = build_actor(second, mentions) or _actor_from_claims(frame, country)
    if frame.actor1 and frame.actor2 and _same_side(frame.actor1, frame.actor2, mentions):
        frame.actor2 = None
    premises = second is not None and _premises_only(second, mentions)
    if premises and frame.actor2 is not None and not _people_or_goods_hit(frame):
        frame.actor2 = None
    interceptor_first(frame, country)
    if frame.actor1 is None and frame.actor2 is not None and frame.actor2.inter in (1, 7):
        frame.actor1 = Actor(fill_name("Unidentified Armed Group ({country})", country), 3, [])
        frame.notes.append("actors: attacker not named; coded Unidentified Armed Group")


VICTIM_INTERS = frozenset({1, 7})


def _hit_by_blast(first: str | None, mentions: list[Mention], frame: EventFrame) -> bool:
    """The forces or civilians named beside a blast nobody set off are what it hit."""
    mine = [m for m in mentions if m.name == first]
    if not mine or any(m.role for m in mine) or mine[0].inter not in VICTIM_INTERS:
        return False
    return not any(m.role == AGENT for m in mentions) and unattributed_blast(frame.sentences)


@cache
def _premises() -> re.Pattern[str]:
    terms = load_toml("actors.toml")["civilian_premises"]["terms"]
    return re.compile("(?:" + "|".join(terms) + ")", re.IGNORECASE)


def _premises_only(name: str, mentions: list[Mention]) -> bool:
    """A civilian side named only by its places and things ("a bomb went off near a school")."""
    mine = [m for m in mentions if m.name == name]
    return bool(mine) and all(m.inter == 7 and _premises().fullmatch(m.surface) for m in mine)


_GOODS_HIT = re.compile(r"\b(?:burn|torch|set fire|set ablaze|loot|pillag|ransack)", re.I)


def _people_or_goods_hit(frame: EventFrame) -> bool:
    """Someone was hurt, or civilians' goods were burned or looted: the civilians are the side
    even when only their places are named."""
    return any(_GOODS_HIT.search(s.text) or _HURT.search(s.text) for s in frame.sentences)


_HURT = re.compile(r"\b(?:wounded|injured|killed|dead|died|hurt)\b", re.I)


def _claimed(frame: EventFrame, mentions: list[Mention], first: str | None) -> Actor | None:
    """A claimant missing from the dictionary names the attacker the dictionary left generic."""
    named = any(m.name == first and m.entry.kind == "named" for m in mentions)
    state = any(m.name == first and m.inter == 1 for m in mentions)
    if named or state:
        return None
    name = frame_claimant(frame)
    if name is None or any(m.entry.kind == "named" for m in find_matches(name)):
        return None
    return Actor(name=name, inter=CLAIMANT_INTER, aliases_seen=[name])


def _same_side(first: Actor, second: Actor, mentions: list[Mention]) -> bool:
    """One actor, or two state forces of one country acting together ("soldiers or gendarmes
    executed ..."): the second is never acted upon."""
    if first.name == second.name:
        return True
    if not first.inter == second.inter == 1 or _state_country(first) != _state_country(second):
        return False
    return not any(m.role == TARGET for m in mentions if m.name == second.name)


def _state_country(actor: Actor) -> str:
    return actor.name.partition(" of ")[2]


def make_actor_extractor() -> object:
    return extract_actors
