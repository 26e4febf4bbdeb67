"""Perpetrators among the dead: "in addition to the two bombers, 16 people were killed", "aside
from the assailant, there were no casualties", "the attackers were the only reported casualties".

GTD counts the perpetrators in nkill and ACLED counts every reported death, so the attackers named
this way are a `killed` claim of their own (victims `militants`), in the same sentence as the
other figures, which reconciliation adds up. How many: the figure on the noun ("the two
bombers"), "both", one for a singular noun, or for a bare plural ("the assailants") the last
figure that counted attackers earlier in the document ("Two gunmen stormed ...").
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from eventwire.extract.casualties.numbers import is_number_word, word_value
from eventwire.extract.casualties.syntax import lemma, word_set
from eventwire.extract.casualties.victims import victim_class

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_FIGURE = r"(\d+|[a-z]+(?:-[a-z]+)?)"


def perpetrator_counts(doc: Doc, preceding: str, has_toll: bool) -> list[int]:
    """How many attackers each "in addition to / aside from" phrase (in a sentence with a death
    toll, `has_toll`) or "were the only casualties" sentence adds."""
    counts = []
    for token in doc:
        if not (has_toll and _named_besides(token)) and not _only_casualties(token):
            continue
        count = _how_many(token, preceding)
        if count:
            counts.append(count)
    return counts


def _named_besides(token: Token) -> bool:
    """The object of "in addition to", "aside from", "apart from", "besides"."""
    if token.dep_ != "pobj" or victim_class(token) != "militants":
        return False
    prep = token.head
    word = prep.lower_
    if word in ("besides", "beside"):
        return True
    head = prep.head
    if word == "to" and lemma(head) == "addition":
        return True
    before = prep.doc[prep.i - 1].lower_ if prep.i > 0 else ""
    return word == "from" and bool({"aside", "apart"} & {head.lower_, before})


def _only_casualties(token: Token) -> bool:
    """ "the assailants were the only reported casualties": the subject of that sentence."""
    if token.dep_ != "nsubj" or victim_class(token) != "militants":
        return False
    for attr in token.head.children:
        if attr.dep_ == "attr" and lemma(attr) in word_set("kinds", "both", "nouns") | {
            "fatality", "death"
        }:  # fmt: skip
            return any(t.lower_ == "only" for t in attr.subtree)
    return False


def _how_many(noun: Token, preceding: str) -> int | None:
    for child in noun.children:
        if child.dep_ == "nummod" and is_number_word(child):
            return word_value([child.lower_])
        if child.lower_ == "both":
            return 2
    if noun.tag_ in ("NN", "NNP"):
        return 1
    return _earlier_count(noun, preceding)


def _earlier_count(noun: Token, preceding: str) -> int | None:
    """ "Two female suicide bombers detonated ... the assailants were the only casualties"."""
    nouns = "|".join(sorted(word_set("victims", "militants")))
    pattern = re.compile(rf"\b{_FIGURE}\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})s?\b", re.IGNORECASE)
    found = None
    for match in pattern.finditer(preceding):
        value = word_value([match.group(1)]) if _is_count(match.group(1)) else None
        if value and value < 1000:
            found = value
    return found


def _is_count(word: str) -> bool:
    return word.lower() not in ("a", "an") and word_value([word]) is not None
