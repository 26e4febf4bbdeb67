"""The actor dictionary (data/actors.toml): compiled matchers, country names, mention finding.

Named actors and generic actor templates are matched on an accent-folded copy of the text (same
length, so offsets carry over). Overlapping matches keep the longest.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache
from typing import Any

from eventwire.data import data_path, load_toml
from eventwire.extract.prefilter import literal_starts, may_match, word_starts
from eventwire.geo import country_by_name

ACTORS_FILE = "actors.toml"
ACRONYM_MAX = 6


@dataclass(frozen=True)
class ActorEntry:
    key: str
    name: str
    """Canonical name; may hold "{country}"."""
    inter: int
    kind: str
    """"named" for a dictionary actor, else the generic kind (military, armed, civilians...)."""
    weight: float = 1.0
    parent: str | None = None
    """The group this one is a component of ("Katiba Macina" of JNIM)."""
    countries: frozenset[str] | None = None
    """The countries whose events the actor is named in (an acronym that means another group
    elsewhere: "SNA" in Somalia and in Syria); None for anywhere."""
    unit_name: str | None = None
    """The name of one of its local units, "{unit}" the unit's place (units.py)."""
    local_name: str | None = None
    """The name of its unnamed local units."""


@dataclass(frozen=True)
class Match:
    entry: ActorEntry
    start: int
    end: int
    surface: str


def fold(text: str) -> str:
    """Strip accents character by character, keeping the length (and so the offsets)."""
    return "".join(_fold_char(c) for c in text)


@cache
def _fold_char(char: str) -> str:
    if char.isascii():
        return char
    base = unicodedata.normalize("NFD", char)[0]
    return base if len(base) == 1 else char


def _alias_regex(alias: str) -> str:
    parts = []
    for char in fold(alias):
        if char in "'’‘`ʼ":
            parts.append("['’‘`ʼ]?")
        elif char == "-":
            parts.append(r"[-‐–\s]?")
        elif char == " ":
            parts.append(r"[\s\-]+")
        else:
            parts.append(re.escape(char))
    return "".join(parts)


def _is_acronym(alias: str) -> bool:
    letters = alias.replace("-", "")
    return letters.isupper() and len(letters) <= ACRONYM_MAX and " " not in alias


def _bounded(alternatives: list[str], flags: int) -> re.Pattern[str] | None:
    if not alternatives:
        return None
    ordered = sorted(set(alternatives), key=len, reverse=True)
    return re.compile(r"(?<![\w])(?:" + "|".join(ordered) + r")(?![\w])", flags)


@dataclass(frozen=True)
class Matcher:
    entry: ActorEntry
    insensitive: re.Pattern[str] | None
    sensitive: re.Pattern[str] | None
    starts: frozenset[str] | None = None
    """The lower-cased first two letters every match begins with (a match starts a word), so a
    sentence without such a word skips this matcher; None when some alias has no literal start."""

    def find(self, folded: str, original: str) -> list[Match]:
        found = []
        for pattern in (self.insensitive, self.sensitive):
            if pattern is None:
                continue
            for m in pattern.finditer(folded):
                found.append(Match(self.entry, m.start(), m.end(), original[m.start() : m.end()]))
        return found


def _named_matcher(index: int, spec: dict[str, Any]) -> Matcher:
    countries = frozenset(spec["countries"]) if "countries" in spec else None
    entry = ActorEntry(
        f"named:{index}",
        spec["name"],
        int(spec["inter"]),
        "named",
        parent=spec.get("parent"),
        countries=countries,
        unit_name=spec.get("unit_name"),
        local_name=spec.get("local_name"),
    )
    aliases = list(spec.get("aliases", []))
    loose = [_alias_regex(a) for a in aliases if not _is_acronym(a)]
    exact = [_alias_regex(a) for a in aliases if _is_acronym(a)]
    starts = literal_starts([fold(a) for a in aliases], regex=False)
    return Matcher(entry, _bounded(loose, re.IGNORECASE), _bounded(exact, 0), starts)


def _generic_matcher(index: int, spec: dict[str, Any]) -> Matcher:
    entry = ActorEntry(
        f"generic:{index}",
        spec["name"],
        int(spec["inter"]),
        spec["kind"],
        float(spec.get("weight", 1.0)),
    )
    exact = [fold(t) for t in spec.get("case_sensitive_terms", [])]
    loose = [
        fold(t) for t in spec.get("terms", []) if t not in set(spec.get("case_sensitive_terms", []))
    ]
    terms = list(spec.get("terms", [])) + list(spec.get("case_sensitive_terms", []))
    starts = literal_starts(terms)
    return Matcher(entry, _bounded(loose, re.IGNORECASE), _bounded(exact, 0), starts)


@cache
def matchers() -> tuple[Matcher, ...]:
    data = load_toml(ACTORS_FILE)
    named = [_named_matcher(i, spec) for i, spec in enumerate(data.get("actor", []))]
    generic = [_generic_matcher(i, spec) for i, spec in enumerate(data.get("generic", []))]
    return tuple(named + generic)


@lru_cache(maxsize=4096)
def find_matches(text: str, country: str | None = None) -> tuple[Match, ...]:
    """All dictionary matches in `text`, overlaps resolved in favour of the longest (remembered:
    the actors, crowd and reaction steps read the same sentences). With `country`, actors named
    only in other countries are left out."""
    return tuple(_find_matches(text, country))


def _find_matches(text: str, country: str | None) -> list[Match]:
    folded = fold(text)
    present = word_starts(folded)
    candidates = [
        m
        for matcher in matchers()
        if may_match(matcher.starts, present) and _named_in(matcher.entry, country)
        for m in matcher.find(folded, text)
    ]
    candidates.sort(key=lambda m: (-(m.end - m.start), m.start, m.entry.kind != "named"))
    kept: list[Match] = []
    for match in candidates:
        if all(match.end <= k.start or match.start >= k.end for k in kept):
            kept.append(match)
    ordered = sorted(kept, key=lambda m: m.start)
    either = _merge_adjacent(ordered, text, _join_alternatives)
    return _drop_head_nouns(_merge_adjacent(either, text, _join_parent), text)


def _named_in(entry: ActorEntry, country: str | None) -> bool:
    return entry.countries is None or country is None or country in entry.countries


def _drop_head_nouns(matches: list[Match], text: str) -> list[Match]:
    """ "Operation Barkhane forces", "Wagner troops": a state-forces word right after a named actor
    is its head noun, not a second actor (the country's army). Other generic words after a name
    ("ISGS militants") stay: the actors extractor folds them into the name with their role."""
    kept: list[Match] = []
    for match in matches:
        previous = kept[-1] if kept else None
        head_noun = (
            previous is not None
            and previous.entry.kind == "named"
            and match.entry.kind in ("military", "police")
            and not text[previous.end : match.start].strip(" -")
        )
        if not head_noun:
            kept.append(match)
    return kept


_PARENT_OPEN = re.compile(r"\s*\(\s*")
_PARENT_CLOSE = re.compile(r"\s*(?:faction\s*)?\)")


def _abbreviates(short: str, long: str) -> bool:
    """ "ADF" abbreviates "Ambazonia Defense Forces": the parenthesis names the same group."""
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z]+", long)).upper()
    letters = re.sub(r"[^A-Za-z]", "", short).upper()
    return len(letters) > 1 and initials.startswith(letters)


Join = Callable[[Match, Match, str], Match | None]


def _merge_adjacent(matches: list[Match], text: str, join: Join) -> list[Match]:
    """Fold each match into the one before it when `join` says the two name one actor."""
    merged: list[Match] = []
    for match in matches:
        previous = merged[-1] if merged else None
        joined = None
        if (
            previous is not None
            and previous.entry.kind == match.entry.kind == "named"
            and previous.entry.key != match.entry.key
        ):
            joined = join(previous, match, text)
        if joined is None:
            merged.append(match)
        else:
            merged[-1] = joined
    return merged


def _join_parent(previous: Match, match: Match, text: str) -> Match | None:
    """ "Katiba Macina (JNIM) militants": ACLED codes the parent group, the component is seen."""
    if not _PARENT_OPEN.fullmatch(text[previous.end : match.start]):
        return None
    close = _PARENT_CLOSE.match(text, match.end)
    if close is None:
        return None
    end = close.end()
    component = previous.entry.parent == match.entry.name
    keep_first = component or _abbreviates(match.surface, previous.surface)
    entry = previous.entry if keep_first else match.entry
    return Match(entry, previous.start, end, text[previous.start : end])


@dataclass(frozen=True)
class Rename:
    """ACLED names an actor otherwise before or from a day: a component before it is named on its
    own is its parent group, a renamed actor keeps its earlier name before the change, and a
    group that takes power becomes the state's forces from then on."""

    day: date
    other: str
    other_inter: int | None
    before: bool
    """True when `other` is the name used before `day`, False when it is used from `day`."""

    def applies(self, when: date) -> bool:
        return (when < self.day) == self.before


@cache
def _renames() -> dict[str, Rename]:
    renames = {}
    for spec in load_toml(ACTORS_FILE).get("actor", []):
        earlier = spec.get("earlier_name") or spec.get("parent")
        if "named_from" in spec and earlier:
            inter = spec.get("earlier_inter")
            renames[spec["name"]] = Rename(spec["named_from"], earlier, inter, True)
        if "named_until" in spec and "later_name" in spec:
            inter = spec.get("later_inter")
            renames[spec["name"]] = Rename(spec["named_until"], spec["later_name"], inter, False)
    return renames


def name_in_period(name: str, when: date | None) -> str:
    """The name ACLED gives an actor on `when`: a component before it is named on its own is
    its parent group ("Katiba Macina" events of 2019 are JNIM's), a renamed actor keeps its
    earlier name, a group in power is the state's forces ("Taliban" after August 2021). Each
    side of "A and/or B"."""
    if when is None or not _renames():
        return name
    parts = [_part_in_period(part, when) for part in name.split(" and/or ")]
    return " and/or ".join(dict.fromkeys(parts))


def inter_in_period(name: str, inter: int, when: date | None) -> int:
    """The inter code of `name` (as matched, before `name_in_period`) on `when`."""
    rename = _rename_of(name)
    if when is None or rename is None or rename.other_inter is None:
        return inter
    return rename.other_inter if rename.applies(when) else inter


_COUNTRY_PART = re.compile(r"\(([^()]+)\)$")


def _rename_of(part: str) -> Rename | None:
    country = _COUNTRY_PART.search(part)
    template = _COUNTRY_PART.sub("({country})", part) if country else part
    return _renames().get(part) or _renames().get(template)


def _part_in_period(part: str, when: date) -> str:
    rename = _rename_of(part)
    if rename is None or not rename.applies(when):
        return part
    country = _COUNTRY_PART.search(part)
    return fill_name(rename.other, country.group(1) if country else None)


_EITHER = re.compile(r"\s*(?:\(\w+\)\s*)?(?:and/or|or|/)\s*")


def _join_alternatives(previous: Match, match: Match, text: str) -> Match | None:
    """ "JNIM or ISGS militants": ACLED codes one actor, "A and/or B" (dictionary order)."""
    if " and/or " in previous.entry.name or not _EITHER.fullmatch(text[previous.end : match.start]):
        return None
    first, second = sorted((previous.entry, match.entry), key=_entry_order)
    entry = ActorEntry(
        f"{first.key}|{second.key}",
        f"{first.name} and/or {second.name}",
        first.inter,
        "named",
    )
    return Match(entry, previous.start, match.end, text[previous.start : match.end])


def _entry_order(entry: ActorEntry) -> int:
    return int(entry.key.split(":")[1])


# --- country overrides ------------------------------------------------------------------------


@dataclass(frozen=True)
class Override:
    entry: ActorEntry
    terms: re.Pattern[str] | None


@cache
def country_overrides() -> dict[tuple[str, str], Override]:
    """(country, generic kind) -> the actor ACLED codes there for that kind of mention."""
    result = {}
    for country, kinds in load_toml(ACTORS_FILE).get("country_overrides", {}).items():
        for kind, spec in kinds.items():
            entry = ActorEntry(f"override:{country}:{kind}", spec["name"], int(spec["inter"]), kind)
            terms = _bounded([fold(t) for t in spec.get("terms", [])], re.IGNORECASE)
            result[(country, kind)] = Override(entry, terms)
    return result


# --- countries --------------------------------------------------------------------------------


@cache
def _display_names() -> dict[str, str]:
    data = load_toml(ACTORS_FILE)
    return {**data.get("gazetteer_country_names", {}), **data.get("country_names", {})}


def display_country(name: str) -> str:
    return _display_names().get(name, name)


def country_of_alpha2(alpha2: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    if country is None:
        return None
    return display_country(getattr(country, "common_name", None) or country.name)


@cache
def _country_surfaces() -> dict[str, str]:
    """Lower-cased country name or demonym -> display country name."""
    import pycountry

    surfaces: dict[str, str] = {}
    for country in pycountry.countries:
        display = country_of_alpha2(country.alpha_2) or country.name
        for name in (country.name, getattr(country, "common_name", None), display):
            if name and "," not in name:
                surfaces[fold(name).lower()] = display
    with data_path("gazetteer/demonyms.tsv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            display = country_of_alpha2(row["alpha2"])
            if display and fold(row["name"]).lower() not in surfaces:
                surfaces[fold(row["name"]).lower()] = display
    return surfaces


@cache
def _country_pattern() -> re.Pattern[str]:
    names = sorted(_country_surfaces(), key=len, reverse=True)
    return re.compile(r"(?<![\w])(" + "|".join(re.escape(n) for n in names) + r")(?![\w])", re.I)


def countries_in(text: str) -> list[str]:
    """Display names of the countries named (or implied by a demonym) in `text`, in order."""
    surfaces = _country_surfaces()
    found = []
    for m in _country_pattern().finditer(fold(text)):
        if _plausible(m.group(1)):
            found.append(surfaces[m.group(1).lower()])
    return found


def _plausible(surface: str) -> bool:
    """Short names ("US", "DRC") only in capitals, so the pronoun "us" is no country."""
    return len(surface.replace(".", "")) > 3 or surface.isupper()


_PRECEDING = 40


def country_before(text: str, start: int, prefer: str | None = None) -> str | None:
    """The country named right before a mention: "Malian soldiers", "Mali's army". Of several
    ("Burkinabe and French aircraft"), `prefer` (the event's country) if named, else the first."""
    window = fold(text[max(0, start - _PRECEDING) : start])
    pattern = _country_pattern()
    tail = re.compile(r"(?:['’]s)?\s+(?:the\s+|\w+\s+)?$")
    joined = re.compile(r"\s*(?:,|and|&)\s*$")
    run: list[re.Match[str]] = []
    for m in pattern.finditer(window):
        if not _plausible(m.group(1)):
            continue
        if run and not joined.fullmatch(window[run[-1].end() : m.start()]):
            run = []
        run.append(m)
        if tail.fullmatch(window[m.end() :]):
            break
    else:
        return None
    names = [_country_surfaces()[m.group(1).lower()] for m in run]
    return prefer if prefer in names else names[0]


@cache
def _with_article() -> frozenset[str]:
    return frozenset(load_toml(ACTORS_FILE).get("countries_with_article", []))


def fill_name(template: str, country: str | None) -> str:
    """The template with the country: "Military Forces of the Philippines" for the countries
    ACLED names with an article after "of", "Civilians (Philippines)" in a parenthesis."""
    if "{country}" not in template:
        return template
    if country:
        template = _regional(template, country)
        if country in _with_article():
            template = template.replace(" of {country}", " of the {country}")
        return template.replace("{country}", country)
    trimmed = template.replace(" ({country})", "").replace(" of {country}", "")
    return trimmed.replace("{country}", "").strip()


def _regional(template: str, country: str) -> str:
    """The template ACLED uses in the country's region (data/actor_regions.toml)."""
    for rule in _regional_rules():
        if rule["template"] == template:
            found = country_by_name(country)
            if found is not None and found.region not in rule["regions"]:
                return str(rule["otherwise"])
    return template


@cache
def _regional_rules() -> list[dict[str, Any]]:
    return list(load_toml("actor_regions.toml")["regional"])


_STATE_FORCES = re.compile(r"(?:Military|Police) Forces of (?:the )?([^()]+?)(?=\s*\(|$)")


def state_forces_country(name: str) -> str | None:
    """The country of a state-forces name ("Military Forces of Israel (2022-)" -> "Israel")."""
    found = _STATE_FORCES.match(name)
    return found.group(1) if found else None
