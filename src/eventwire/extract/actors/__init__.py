"""Actors: who acted (actor1) and who was acted upon (actor2), named and coded as ACLED does.

`extractor` chooses the sides from the roles `parse_roles` reads in the parse (`order` when the
parse gives none); `rules` matches the actor dictionary (data/actors.toml); `mention` is the
shared record of one matched actor; `allies`, `claims`, `clans`, `communal`, `ethnic`, `gangs`,
`identity`, `interception`, `status` and `french` each settle one convention.
"""

from collections.abc import Callable

from eventwire.extract.actors.communal import name_communal_militias
from eventwire.extract.actors.extractor import (
    AGENT,
    STATE_KINDS,
    TARGET,
    collect_mentions,
    event_country,
    extract_actors,
    make_actor_extractor,
    sentence_weight,
)
from eventwire.extract.actors.gangs import name_gangs
from eventwire.extract.actors.identity import name_identity_militias
from eventwire.extract.actors.mention import Mention
from eventwire.extract.actors.rules import fill_name, find_matches, fold
from eventwire.registry import register

register("actors")(make_actor_extractor)


@register("actor_names")
def make_name_spans() -> Callable[[str], list[tuple[int, int]]]:
    """Spans of the dictionary's named actors in a text (for the place extractor, whose place
    words inside such a name are no place)."""

    def name_spans(text: str) -> list[tuple[int, int]]:
        return [(m.start, m.end) for m in find_matches(text) if m.entry.kind == "named"]

    return name_spans


__all__ = [
    "AGENT",
    "STATE_KINDS",
    "TARGET",
    "Mention",
    "collect_mentions",
    "event_country",
    "extract_actors",
    "fill_name",
    "find_matches",
    "fold",
    "make_actor_extractor",
    "name_communal_militias",
    "name_gangs",
    "name_identity_militias",
    "sentence_weight",
]
