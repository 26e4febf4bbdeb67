"""Name normalisation shared by the gazetteer index and the place extractor."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

_APOSTROPHES = re.compile(r"[\u2019\u2018'`\u00b4\u02bc\u02bb\u02b9\u2032\u02be\u02bf]")
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015_./,()]+")
_SPECIAL = str.maketrans({"ø": "o", "ł": "l", "đ": "d", "ı": "i", "ð": "d", "þ": "th", "æ": "ae"})


@lru_cache(maxsize=65536)
def normalize(name: str) -> str:
    """Casefold, strip accents, drop apostrophes, turn hyphens/dots into spaces, drop a leading
    'the': 'N’Djaména' -> 'ndjamena', 'Bobo-Dioulasso' -> 'bobo dioulasso'."""
    text = name.casefold()
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch)).translate(_SPECIAL)
    text = _SEPARATORS.sub(" ", _APOSTROPHES.sub("", text)).strip()
    return text[4:] if text.startswith("the ") else text


def is_latin(name: str) -> bool:
    """True when every character is in the Latin blocks (drops CJK, Arabic, Cyrillic names)."""
    return all(ord(ch) < 0x250 or ch in "\u2019\u2018\u02bc\u02bb" for ch in name)


def name_keys(primary: str, alternates: list[str]) -> Iterator[tuple[str, int]]:
    """Normalised keys for a place: its primary name, plus its useful Latin-script alternates."""
    seen: set[str] = set()
    for index, name in enumerate([primary, *alternates]):
        if index and not useful_alternate(name):
            continue
        key = normalize(name)
        if len(key) >= 2 and key not in seen:
            seen.add(key)
            yield key, int(index == 0)


def useful_alternate(name: str) -> bool:
    if len(name) < 3 or not is_latin(name) or any(ch.isdigit() for ch in name):
        return False
    if not any(ch.isupper() for ch in name):
        return False  # romanised junk ('bmqw', 'ba ma ke') that news text never writes
    return not (name.isupper() and len(name) <= 4)  # airport/ISO codes
