"""The place extractor: find the toponyms, geocode them offline, choose the event's location.

1. Mentions (`mentions`): spaCy GPE/LOC/FAC plus gazetteer n-grams over capitalised words.
2. Country context: countries and demonyms named anywhere in the article ("Mali's capital",
   "Burkinabe soldiers"), counted double in the event sentences, plus the countries of the places
   that are unambiguous.
3. Resolution: each mention's candidate is scored by context country, population, primary name,
   admin co-mentions ("Djibo, in Soum province") and region/settlement words around it.
4. Choice: the mention attached to the event ("attacks ... in X", "near X") in the event
   sentences wins over reaction seats ("the embassy in X"), background and foreign countries.

Geo precision (ACLED): 1 a town is named; 2 "near/outside X", "N km from X", or a district of a
town; 3 only a region is named (its centre: the region's largest town).
A country alone gives a Location with name/country/iso3 and no coordinates nor precision (ACLED
would not code it as a point, but the actor extractor still gets the country).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable

from eventwire.extract.frame import EventFrame, alpha2_of
from eventwire.extract.place.brackets import Bracket, find_brackets
from eventwire.extract.place.context import country_context, elsewhere, title_context
from eventwire.extract.place.mentions import Mention, coded_precision, cues, find_mentions
from eventwire.geo import Country, Gazetteer, Place, acled_name, admin2_of, get_gazetteer
from eventwire.models import Location
from eventwire.nlp.analysis import Sentence
from eventwire.registry import create

NameSpans = Callable[[str], Iterable[tuple[int, int]]]
"""Spans of the organisation names in a sentence's text."""

PRIOR_WEIGHT = 3.0
"""Weight of the user's `country` option: as much as the country named twice in the event."""
MIN_EVIDENCE = 0.5
"""Below this weight, a country the text points at does not yet rule out places elsewhere."""
FOREIGN_MIN_POPULATION = 100_000
"""A place in a country the text gives no evidence for must be at least this large."""


def make_place_extractor(
    country: str | None = None, names: str | None = "actor_names", **_options: object
) -> PlaceExtractor:
    """`country`: ISO alpha-2, alpha-3 or name of the country the input is about (a prior for
    texts that never name it, e.g. one country's conflict notes); "auto" to learn it from the
    run itself (see `CountryTally`); None for none. `names`: the registered component that
    finds the spans of organisation names in a sentence (the actor dictionary's), whose place
    words are no place ("Volunteers for the Defence of the Homeland"); None for none."""
    return PlaceExtractor(country=country, names=names)


class CountryTally:
    """The country a run of documents is about, learnt as it goes: once `min_events` events have
    been placed on a map and one country holds `min_share` of them, that country is the prior for
    the rest (a feed or an archive about one country, whose later texts name only villages). A
    mixed feed never reaches the share, and gets no prior."""

    def __init__(self, min_events: int = 20, min_share: float = 0.6) -> None:
        self.counts: Counter[str] = Counter()
        self.min_events = min_events
        self.min_share = min_share

    def add(self, location: Location | None) -> None:
        if location is None or location.geo_precision is None or not location.iso3:
            return
        self.counts[alpha2_of(location.iso3) or location.iso3] += 1

    def prior(self) -> dict[str, float]:
        total = sum(self.counts.values())
        if total < self.min_events:
            return {}
        code, count = self.counts.most_common(1)[0]
        return {code: PRIOR_WEIGHT} if count / total >= self.min_share else {}


def country_code(value: str, gaz: Gazetteer | None = None) -> str:
    """Alpha-2 code of a country given as alpha-2, alpha-3 or name; ValueError if unknown."""
    import pycountry

    text = value.strip()
    found = None
    if len(text) == 2:
        found = pycountry.countries.get(alpha_2=text.upper())
    elif len(text) == 3:
        found = pycountry.countries.get(alpha_3=text.upper())
    if found is not None:
        return found.alpha_2
    named = (gaz or get_gazetteer()).country_named(text)
    if named is None:
        try:
            return pycountry.countries.lookup(text).alpha_2
        except LookupError:
            raise ValueError(f"unknown country: {value!r}") from None
    return named.alpha2


class PlaceExtractor:
    def __init__(
        self,
        gazetteer: Gazetteer | None = None,
        country: str | None = None,
        names: str | None = None,
    ) -> None:
        self._gaz = gazetteer
        self._names_component = names
        self._names: NameSpans | None = None
        self.tally = CountryTally() if country == "auto" else None
        fixed = country and country != "auto"
        self.prior = {country_code(country, gazetteer): PRIOR_WEIGHT} if fixed else {}

    @property
    def gaz(self) -> Gazetteer:
        if self._gaz is None:
            self._gaz = get_gazetteer()
        return self._gaz

    @property
    def names(self) -> NameSpans | None:
        # looked up on first use: the component lives in a sibling package that place may not
        # import, and is registered once the pipeline has imported every component
        if self._names is None and self._names_component:
            self._names = create(self._names_component)
        return self._names

    def __call__(self, frame: EventFrame) -> None:
        prior = self.tally.prior() if self.tally else self.prior
        location, reason = locate(frame, self.gaz, prior, self.names)
        if self.tally:
            self.tally.add(location)
        frame.location = location
        frame.notes.append(f"place: {reason}")


def locate(
    frame: EventFrame,
    gaz: Gazetteer,
    prior: dict[str, float] | None = None,
    names: NameSpans | None = None,
) -> tuple[Location | None, str]:
    sentences = frame.doc.sentences
    event_ids = {s.index for s in frame.sentences}
    prior = prior or {}
    found = find_mentions(sentences, gaz)
    if names is not None:
        found = _outside_names(found, sentences, names)
    evidence = country_context(sentences, found, event_ids, gaz)
    evidence.update(title_context(frame.doc.document.title, gaz))
    evidence.update(coherence(found))
    evidence.update(prior)
    brackets = find_brackets(sentences, gaz, evidence)
    mentions = _with_brackets(found, brackets, sentences)
    for bracket in brackets:
        evidence[bracket.place.country_code] += 3 if bracket.sentence in event_ids else 1.5
    strict = bool(prior)
    for mention in mentions:
        mention.resolved = resolve(mention, mentions, evidence, evidence, strict)
    context = evidence + _place_countries(mentions, event_ids)
    for mention in mentions:
        mention.resolved = resolve(mention, mentions, context, evidence, strict)
    best = choose(mentions, event_ids, context, sentences)
    if best is None:
        return _country_only(context, gaz), "no place mention; country from context"
    return to_location(best, gaz), f"{best.text!r} in sentence {best.sentence}"


def _outside_names(
    mentions: list[Mention], sentences: list[Sentence], names: NameSpans
) -> list[Mention]:
    """Drop the places (not the countries) named inside a longer organisation name: its
    "Homeland" or "Tripoli" says who acted, not where."""
    by_index = {s.index: s for s in sentences}
    spans: dict[int, list[tuple[int, int]]] = {}
    kept = []
    for mention in mentions:
        sentence = by_index[mention.sentence]
        if sentence.index not in spans:
            spans[sentence.index] = list(names(sentence.text))
        start, end = mention.start - sentence.start, mention.end - sentence.start
        inside = any(
            a <= start and end <= b and (a, b) != (start, end) for a, b in spans[sentence.index]
        )
        if not inside or mention.country is not None:
            kept.append(mention)
    return kept


def _with_brackets(
    mentions: list[Mention], brackets: list[Bracket], sentences: list[Sentence]
) -> list[Mention]:
    """The bracketed places replace whatever the gazetteer matched at their names."""
    if not brackets:
        return mentions
    spans = [(b.start, b.end) for b in brackets]
    kept = [m for m in mentions if not any(a < m.end and m.start < b for a, b in spans)]
    texts = {s.index: s for s in sentences}
    for bracket in brackets:
        sentence = texts[bracket.sentence]
        kept.append(
            Mention(
                text=bracket.name,
                start=bracket.start,
                end=bracket.end,
                sentence=bracket.sentence,
                places=[bracket.place],
                label="GPE",
                before=sentence.text[: bracket.start - sentence.start].lower(),
                after=sentence.text[bracket.end - sentence.start :].lower(),
                resolved=bracket.place,
            )
        )
    return sorted(kept, key=lambda m: m.start)


_TARGETED_SITE = re.compile(
    r"\b(?:near|at|outside|attacked|targeted|stormed|bombed|raided)\s+(?:the\s+)?"
    r"(?:[\w-]+\s+){0,3}(?:embassy|consulate|ministry|headquarters)\s+in\W*$",
    re.IGNORECASE,
)
"""'an attack near the Iranian Embassy in Vienna': the seat is the site attacked, not a speaker."""


COHERENCE_WEIGHT = 0.75
"""Weight of each further place name a country has a candidate for, beyond the first."""


def coherence(mentions: list[Mention]) -> Counter[str]:
    """Countries where several of the names a text gives have a place ('Leon' and 'San Miguel'
    are in many countries, with 'Masaya' only one of them is): each name beyond the first
    counts `COHERENCE_WEIGHT`."""
    names: dict[str, set[str]] = {}
    for mention in mentions:
        if mention.country is None and mention.places:
            key = mention.text.casefold()
            names.setdefault(key, set()).update(p.country_code for p in mention.places)
    counts: Counter[str] = Counter()
    for countries in names.values():
        counts.update(countries)
    return Counter({c: COHERENCE_WEIGHT * (n - 1) for c, n in counts.items() if n > 1})


def _place_countries(mentions: list[Mention], event_ids: set[int]) -> Counter[str]:
    weights: Counter[str] = Counter()
    for mention in mentions:
        countries = {p.country_code for p in mention.places}
        if mention.resolved is not None and len(countries) == 1:
            weights[mention.resolved.country_code] += 1 if mention.sentence in event_ids else 0.5
    return weights


def resolve(
    mention: Mention,
    mentions: list[Mention],
    context: Counter[str],
    evidence: Counter[str] | None = None,
    strict: bool = False,
) -> Place | None:
    if mention.country is not None and not _is_region(mention):
        return None  # "Niger" the country, not Niger State
    places = [p for p in mention.places if _plausible(p, evidence, strict)]
    if not places:
        return None
    total = sum(context.values()) or 1.0
    admins = {
        (m.resolved.country_code, m.resolved.admin1_code)
        for m in mentions
        if m.resolved is not None and m.resolved.kind != "city" and m is not mention
    }
    admin2 = {m.resolved.admin2 for m in mentions if m.resolved is not None and m is not mention}
    return max(places, key=lambda p: _candidate_score(p, mention, context, total, admins, admin2))


def _plausible(place: Place, evidence: Counter[str] | None, strict: bool = False) -> bool:
    """Once the text points at some country, a place elsewhere needs evidence of its own (its
    country named) unless it is a large town under its own name: an obscure foreign homonym is
    worse than no match. `strict` (the run has a country prior: its inputs are about one
    country) drops that exception: a village "Sana" in a Burkina Faso feed is not Yemen's
    capital, nor its admin unit, unless the text names Yemen."""
    if not evidence or evidence.get(place.country_code) or place.kind == "bracket":
        return True
    if max(evidence.values()) < MIN_EVIDENCE:
        return place.primary  # a faint hint only (a foreign army's demonym): no country yet
    if strict:
        return False
    return place.kind == "adm1" or (place.primary and place.population >= FOREIGN_MIN_POPULATION)


def _candidate_score(
    place: Place,
    mention: Mention,
    context: Counter[str],
    total: float,
    admins: set[tuple[str, str | None]],
    admin2: set[str | None],
) -> float:
    score = math.log10(place.population + 10)
    weight = context.get(place.country_code, 0)
    score += 6 * weight / max(total, 1.0)
    score += 2 * min(weight, 1.0)
    score += 1 if place.primary else 0
    if (place.country_code, place.admin1_code) in admins or (place.admin2 in admin2 - {None}):
        score += 2
    is_admin = place.kind in ("adm1", "adm2")
    if _is_region(mention):
        score += 8 if is_admin else 0
    elif is_admin:
        score -= 1.5
    if is_admin and place.kind == "adm1":
        score += 0.5
    return score


def _is_region(mention: Mention) -> bool:
    c = cues()
    if _is_city_part(mention):
        return False  # "a district of X": X is a town
    return bool(c.region_after.search(mention.after) or c.region_before.search(mention.before))


def _is_city_part(mention: Mention) -> bool:
    """The text locates a part of this place: "a district of X", "X's Y neighbourhood"."""
    c = cues()
    return bool(c.part_before.search(mention.before) or c.part_after.search(mention.after))


def _is_near(mention: Mention) -> bool:
    """The text locates something close to this place: "near X", "the X area", "N km from X"."""
    c = cues()
    return bool(c.near.search(mention.before) or c.near_after.search(mention.after))


def choose(
    mentions: list[Mention], event_ids: set[int], context: Counter[str], sentences: list[Sentence]
) -> Mention | None:
    candidates = [
        m
        for m in mentions
        if m.resolved is not None or (m.country is not None and not elsewhere(m))
    ]
    if not candidates:
        return None
    home = _event_country(candidates, event_ids, context)
    order = {s.index: rank for rank, s in enumerate(sentences)}
    return max(candidates, key=lambda m: _mention_score(m, event_ids, home, order))


def _event_country(candidates: list[Mention], event_ids: set[int], context: Counter[str]) -> str:
    votes: Counter[str] = Counter()
    for mention in candidates:
        code = mention.country.alpha2 if mention.country else mention.resolved.country_code
        votes[code] += 3 if mention.sentence in event_ids else 1
    votes.update(context)
    return votes.most_common(1)[0][0]


def _mention_score(
    mention: Mention, event_ids: set[int], home: str, order: dict[int, int]
) -> float:
    c = cues()
    score = 4.0 if mention.sentence in event_ids else 0.0
    if c.locative.search(mention.before):
        score += 2
    if c.reaction.search(mention.before) and not _TARGETED_SITE.search(mention.before):
        score -= 5
    if mention.qualifies:
        score -= 3  # "(Kaya, Sanmatenga)" qualifies another place, the one the text locates
    if c.part_of_next.search(mention.after):
        score -= 3  # "Y, a district of X": the town X is the location
    code = mention.country.alpha2 if mention.country else mention.resolved.country_code
    if code != home:
        score -= 4
    elif coded_precision(mention) is not None:
        score += 8  # the coder's own statement of the location (a namesake abroad is not it)
    if mention.country is not None and mention.resolved is None:
        score -= 2.5  # a country is the weakest location
    elif mention.resolved.kind in ("adm1", "adm2"):
        score -= 1
    if mention.label is None:
        score -= 0.3
    return score - 0.05 * order.get(mention.sentence, 0) - mention.start * 1e-6


def precision_of(mention: Mention) -> int:
    place = mention.resolved
    assert place is not None
    stated = coded_precision(mention)
    if stated:
        return max(stated, place.precision)
    if place.kind in ("adm1", "adm2"):
        return 3
    if _is_near(mention) or _is_city_part(mention) or mention.qualifies:
        return max(2, place.precision)
    return place.precision


def to_location(mention: Mention, gaz: Gazetteer) -> Location:
    place = mention.resolved
    if place is None:
        assert mention.country is not None
        return _country_location(mention.country)
    country = gaz.country(place.country_code)
    admin1 = (
        place.name
        if place.kind == "adm1"
        else gaz.admin1_name(place.country_code, place.admin1_code)
    )
    return Location(
        name=place.name,
        country=acled_name(country.alpha2, country.name) if country else None,
        iso3=country.alpha3 if country else None,
        admin1=admin1,
        admin2=admin2_of(place, gaz),
        latitude=place.latitude,
        longitude=place.longitude,
        geo_precision=precision_of(mention) if place.latitude is not None else None,
        geonames_id=place.geonames_id,
    )


def _country_only(context: Counter[str], gaz: Gazetteer) -> Location | None:
    ranked = context.most_common(2)
    if not ranked or (len(ranked) == 2 and ranked[0][1] == ranked[1][1]):
        return None  # no country, or a tie between two: do not guess
    country = gaz.country(ranked[0][0])
    return None if country is None else _country_location(country)


def _country_location(country: Country) -> Location:
    """A location that is only a country, named as ACLED names it."""
    name = acled_name(country.alpha2, country.name) or country.name
    return Location(name=name, country=name, iso3=country.alpha3)
