"""Language-neutral evidence of two reports: the names and figures they share, whatever language.

A French and an English report of one attack share few words, but they name the same places and
actors, give the same figures and often say it happened at night. `evidence_similarity` compares
the capitalised names (accents folded) and the figures (digits and number words) of two texts;
`translated` puts the French words of `data/dedup_words.toml` into English before the lexical
similarity; `at_night` says whether a text places the attack at night (overnight reports are
dated to either day).
"""

from __future__ import annotations

import math
import re
import unicodedata
from functools import cache, lru_cache
from typing import Any

from eventwire.data import load_toml

_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@cache
def _words() -> dict:
    return load_toml("dedup_words.toml")


def _fold_word(word: str) -> str:
    return unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()


def _bare(token: str) -> str:
    """The folded word without a French elision: "l'aube" -> "aube", "d'Arbinda" -> "arbinda"."""
    folded = _fold_word(token).replace("’", "'")
    head, _, tail = folded.rpartition("'")
    return tail if head and len(head) <= 2 and tail else folded


@lru_cache(maxsize=8192)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(_bare(token) for token in _TOKEN.findall(text))


@lru_cache(maxsize=8192)
def translated(text: str) -> str:
    """`text` with the French words of the lexicon replaced by their English equivalents."""
    table: dict[str, str] = _words()["fr_en"]
    return " ".join(table.get(word, word) for word in _tokens(text))


@lru_cache(maxsize=8192)
def figures(text: str) -> frozenset[int]:
    """The numbers a text gives, as digits or number words (years and tiny ones left out)."""
    table: dict[str, int] = _words()["numbers"]
    found: set[int] = set()
    for folded in _tokens(text):
        value = int(folded) if folded.isdigit() and len(folded) <= 4 else table.get(folded)
        if value is not None and 1 < value < 1900:
            found.add(value)
    return frozenset(found)


@lru_cache(maxsize=8192)
def names(text: str) -> frozenset[str]:
    """Capitalised words of three letters or more that are not common words: places, actors."""
    skip = frozenset(_words()["names"]["not_names"])
    found = set()
    for token in _TOKEN.findall(text):
        folded = _bare(token)
        shown = re.split(r"['’]", token)[-1] if folded != _fold_word(token) else token
        capital = shown[:1].isupper()
        if capital and len(folded) >= 3 and folded not in skip:
            found.add(folded)
    return frozenset(found)


@lru_cache(maxsize=8192)
def language_of(text: str) -> str:
    """'fr' or 'en', by the function words of the text (enough to tell the two apart)."""
    table = _words()["language"]
    words = _tokens(text)
    french = sum(word in table["fr"] for word in words)
    english = sum(word in table["en"] for word in words)
    return "fr" if french > english else "en"


@lru_cache(maxsize=8192)
def at_night(text: str) -> bool:
    night = frozenset(_words()["night"]["words"])
    return any(word in night for word in _tokens(text))


@lru_cache(maxsize=8192)
def canonical_names(text: str) -> frozenset[str]:
    """The names of `text` as the gazetteer and the actor dictionary know them, so that the
    spellings of two languages meet: a place word becomes its GeoNames id ("Mogadiscio" and
    "Mogadishu"), a country its ISO code ("Somalie"), a dictionary actor its canonical name
    ("des shebab" and "Al-Shabaab"). Other names stay as they are written (accents folded)."""
    from eventwire.extract.actors import find_matches
    from eventwire.geo import get_gazetteer

    gaz = get_gazetteer()
    actors = [m for m in find_matches(text) if m.entry.kind == "named"]
    found = {f"a:{m.entry.name}" for m in actors}
    in_actors = names(" ".join(m.surface for m in actors))
    for name in names(text) - in_actors:
        found.add(_canonical_name(gaz, name))
    return frozenset(found)


def _canonical_name(gaz: Any, name: str) -> str:
    country = gaz.country_named(name.title())
    if country is not None:
        return f"c:{country.alpha2}"
    places = gaz.lookup(name.title())
    return f"g:{places[0].geonames_id}" if places else f"n:{name}"


def evidence_similarity(first: str, second: str) -> float:
    """Cosine of the two texts' sets of names and figures, 0..1 (0 when either has none)."""
    a = set(canonical_names(first)) | {f"#{v}" for v in figures(first)}
    b = set(canonical_names(second)) | {f"#{v}" for v in figures(second)}
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))
