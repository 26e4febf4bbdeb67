"""How a predicted value is compared with a gold value: actor names, countries, admin1 names.

Actor names (both sides go through `actor_key`):
  1. accents stripped, case folded, every run of non-alphanumeric characters made one space;
  2. ACLED's period tags such as "(2015-)" or "(1987-2014)" removed (a sub-unit written after the
     tag, as in "Police Forces of Burkina Faso (2015-) Gendarmerie", is kept);
  3. a name, the name without a trailing parenthesis, or the parenthesised acronym, that is a name
     or an alias in data/actors.toml becomes that actor's canonical name.
  Two names match **exactly** when their keys are equal. They match **loosely** when they are equal
  after also dropping country parts ("(Burkina Faso)", " of Burkina Faso", "(International)") and
  the sub-unit after a period tag, or when one side is ACLED's joint attribution "A and/or B" and
  the other is A or B. Both sides empty is a match; one side empty is not.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import pycountry

from eventwire.data import load_toml
from eventwire.models import Location

PERIOD_TAG = re.compile(r"\(\s*\d{4}\s*-\s*(?:\d{4})?\s*\)")
PARENTHESIS = re.compile(r"\(([^()]*)\)")
ADMIN_WORDS = frozenset({"region", "province", "state", "department", "governorate", "prefecture"})
EXTRA_COUNTRY_WORDS = ("international",)


def norm(text: str | None) -> str:
    """Accents stripped, case folded, punctuation runs made single spaces."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", ascii_text).split())


@cache
def _aliases() -> dict[str, str]:
    """norm(alias or name) -> canonical name, for the named actors of data/actors.toml."""
    table: dict[str, str] = {}
    for spec in load_toml("actors.toml").get("actor", []):
        name = spec["name"]
        if "{country}" in name:
            continue
        for surface in (name, *spec.get("aliases", [])):
            table.setdefault(norm(surface), name)
    return table


@cache
def _country_names() -> frozenset[str]:
    names: set[str] = set(EXTRA_COUNTRY_WORDS)
    for country in pycountry.countries:
        for attribute in ("name", "common_name", "official_name"):
            value = getattr(country, attribute, None)
            if value:
                names.add(norm(value))
    for official, acled in load_toml("actors.toml").get("country_names", {}).items():
        names.update((norm(official), norm(acled)))
    return frozenset(names)


def _canonical(name: str) -> str:
    table = _aliases()
    without_period = PERIOD_TAG.sub(" ", name)
    candidates = [without_period, PARENTHESIS.sub(" ", without_period)]
    candidates += [m.group(1) for m in PARENTHESIS.finditer(without_period)]
    for candidate in candidates:
        found = table.get(norm(candidate))
        if found:
            return found
    return without_period


@cache
def actor_key(name: str | None) -> str:
    """The exact-match key of an actor name ('' for none)."""
    if not name or not name.strip():
        return ""
    return norm(_canonical(name))


@cache
def loose_key(name: str | None) -> str:
    """The loose-match key: the exact key without country parts or a sub-unit."""
    if not name or not name.strip():
        return ""
    canonical = _canonical(name)
    tag = PERIOD_TAG.search(name)
    if tag and canonical == PERIOD_TAG.sub(" ", name):
        canonical = name[: tag.start()]
    countries = _country_names()
    kept = PARENTHESIS.sub(
        lambda m: " " if norm(m.group(1)) in countries else m.group(0), canonical
    )
    key = norm(kept)
    for country in sorted(countries, key=len, reverse=True):
        if key.endswith(" of " + country):
            return key[: -len(" of " + country)]
    return key


def _parts(name: str) -> list[str]:
    return [part for part in re.split(r"\s+and/or\s+", name) if part.strip()]


def actor_match(gold: str | None, predicted: str | None) -> str | None:
    """'exact', 'loose' or None (no match)."""
    if actor_key(gold) == actor_key(predicted):
        return "exact"
    if not gold or not predicted:
        return None
    if loose_key(gold) == loose_key(predicted):
        return "loose"
    gold_parts, predicted_parts = _parts(gold), _parts(predicted)
    if len(gold_parts) > 1 or len(predicted_parts) > 1:
        gold_keys = {loose_key(p) for p in gold_parts}
        if gold_keys & {loose_key(p) for p in predicted_parts}:
            return "loose"
    return None


@cache
def country_key(value: str | None) -> str:
    """ISO 3166 alpha-3 of a country name or code, else its normalised name ('' for none)."""
    if not value or not value.strip():
        return ""
    text = value.strip()
    acled_to_official = {
        norm(v): k for k, v in load_toml("actors.toml").get("country_names", {}).items()
    }
    text = acled_to_official.get(norm(text), text)
    try:
        return pycountry.countries.lookup(text).alpha_3
    except LookupError:
        return norm(text)


def admin_key(value: str | None) -> str:
    """An admin1 name without generic words ("region", "province"...)."""
    return " ".join(w for w in norm(value).split() if w not in ADMIN_WORDS)


def same_admin1(gold_name: str, location: Location | None) -> bool:
    """The same first-level unit, spelt alike or known to the gazetteer under both names (the
    gold's "Extreme-North" is GeoNames' "Far North", "Adamawa" its "Adamaoua")."""
    if location is None or not location.admin1:
        return False
    if admin_key(gold_name) == admin_key(location.admin1):
        return True
    return bool(_admin1_units(gold_name) & _admin1_units(location.admin1))


@cache
def _admin1_units(name: str) -> frozenset[tuple[str, str | None]]:
    from eventwire.geo import get_gazetteer

    places = get_gazetteer().lookup(name)
    return frozenset((p.country_code, p.admin1_code) for p in places if p.kind == "adm1")
