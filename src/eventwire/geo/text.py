"""Name normalisation shared by the gazetteer index and the place extractor."""

from __future__ import annotations

import re
import unicodedata
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
