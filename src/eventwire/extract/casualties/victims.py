"""Who the counted people were: state forces, civilians, militants, mixed or unknown, read off
the counted noun, its modifiers ("volunteer fighters") and its coordinated nouns."""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from eventwire.extract.casualties.numbers import lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token


def _lemma(token: Token) -> str:
    return token.lemma_.lower()


def of_object(token: Token) -> Token | None:
    """The object of an "of" on `token`: "members of [the community]"."""
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for grandchild in child.children:
                if grandchild.dep_ == "pobj":
                    return grandchild
    return None


def victims_of(counted: Token | None) -> str:
    if counted is None:
        return "unknown"
    own = victim_class(counted)
    others = {victim_class(c) for c in counted.children if c.dep_ == "conj" and not _numbered(c)}
    classes = {own, *others} - {"unknown"}
    if len(classes) > 1:
        return "mixed"
    return own


def _numbered(token: Token) -> bool:
    return any(c.dep_ == "nummod" for c in token.children)


@cache
def _victim_words() -> dict[str, str]:
    return {w: group for group, words in lexicon()["victims"].items() for w in words}


def victim_class(token: Token) -> str:
    words = _victim_words()
    for word in (_lemma(token), token.lower_):
        if word in words:
            return words[word]
    for child in token.children:
        if child.dep_ in ("compound", "amod") and _lemma(child) in words:
            return words[_lemma(child)]
    found_of = of_object(token)
    if found_of is not None and _lemma(token) in ("member", "one", "other", "some", "body"):
        return victim_class(found_of)
    return "unknown"
