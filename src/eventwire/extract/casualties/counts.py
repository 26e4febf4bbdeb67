"""Does a figure count people? Only then can it be a casualty claim.

A number in a report is as often a date part ("Around 9 May 2020", "on Aug 19"), an age ("aged
54", "a 24-year-old", "5 yr old child"), a year, money ("$1.3bn"), a percentage, a score ("won
3-1"), a measure ("12 km"), a label ("Densus 88", "Half-Life 2", "Route 9") or a count of things
("168 public bodies", "58 oxen", "six awards"). `not_people(figure, counted)` says a figure is
one of those, from its neighbouring words and the noun it counts; the word lists are in
`data/lexicons/casualties.toml` ([not_counts]).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from eventwire.extract.casualties.numbers import Figure, lexicon
from eventwire.extract.casualties.syntax import Attachment, lemma, word_set
from eventwire.extract.time import time_lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

CURRENCY = frozenset({"$", "€", "£", "¥", "usd", "eur", "cfa", "fcfa", "naira", "dollars"})
CLOCK = frozenset({":", "am", "pm", "a.m.", "p.m.", "o'clock", "hrs", "gmt", "h"})
PERSON_GROUPS = ("state_forces", "civilians", "militants")


@cache
def _words(key: str) -> frozenset[str]:
    return frozenset(lexicon()["not_counts"][key])


def not_people(figure: Figure, counted: Token | None) -> bool:
    """The figure is a date part, an age, a year, money, a percentage, a score, a measure, a
    label or a count of things: never a count of people."""
    return (
        _unit_next_to(figure)
        or is_date_part(figure, counted)
        or is_age(figure)
        or is_score(figure)
        or is_label(figure, counted)
        or looks_like_year(figure, counted)
        or counts_things(_direct_noun(figure, counted))
    )


def _direct_noun(figure: Figure, counted: Token | None) -> Token | None:
    """The noun the number itself is on: "members" in "three members of the council" (people,
    whatever the council is), the counted noun otherwise."""
    head = figure.head
    if head.dep_ == "nummod" and counted is not None and counted is not head.head:
        return head.head
    return counted


def _before(token: Token, step: int = 1) -> Token | None:
    i = token.i - step
    return token.doc[i] if i >= 0 else None


def _after(token: Token, step: int = 1) -> Token | None:
    i = token.i + step
    return token.doc[i] if i < len(token.doc) else None


def _lower(token: Token | None) -> str:
    return token.lower_ if token is not None else ""


def _unit_next_to(figure: Figure) -> bool:
    """Money, percentages and clock times: "$5m", "40 dollars", "12%", "10:30", "6 pm"."""
    first, last = figure.tokens[0], figure.tokens[-1]
    before, after = _lower(_before(first)), _lower(_after(last))
    if before in CURRENCY or after in CURRENCY or after in ("%", "percent", "per"):
        return True
    return after in _words("units") or after in CLOCK


def is_month(token: Token | None) -> bool:
    """An English month name, capitalised ("May", "Sept.", "DEC"): lower-case "may" is a verb."""
    if token is None or not token.text[:1].isupper():
        return False
    return token.lower_.rstrip(".") in time_lexicon().english_months


def is_date_part(figure: Figure, counted: Token | None) -> bool:
    """ "9 May 2020", "Around 1 December", "Aug 19", "December 1, 2023", "coded to 4 November":
    a day beside a month name. A figure after a month that counts people by name ("in May 12
    soldiers were killed") stays a count."""
    first, last = figure.tokens[0], figure.tokens[-1]
    after = _after(last)
    if is_month(after) or (_lower(after) == "of" and is_month(_after(last, 2))):
        return True  # "9 May", "the 9 of May"
    if figure.head.dep_ == "nummod" and is_month(figure.head.head):
        return True
    before = _before(first)
    if before is not None and before.lower_ == "," and is_month(_before(first, 2)):
        return False  # "in May, 12 soldiers": the comma ends the date
    if is_month(before):
        return counted is None or counted is figure.head or not _person_noun(counted)
    return False


def is_age(figure: Figure) -> bool:
    """ "aged 54", "at the age of 87", "a 23-year-old", "5 yr old child", "in his 50s"."""
    first, last = figure.tokens[0], figure.tokens[-1]
    before, before2 = _lower(_before(first)), _lower(_before(first, 2))
    if before in _words("age_before") or (before == "of" and before2 in ("age", "ages")):
        return True
    after, after2 = _lower(_after(last)), _lower(_after(last, 2))
    if after in ("-", "–"):
        after, after2 = after2, _lower(_after(last, 3))
    if after.startswith(("year", "yr", "month")) and (
        after2 in ("old", "-", "of") or "old" in after
    ):
        return True
    return before == "at" and _died_at(figure.head)  # "has died in Germany at 50"


def _died_at(number: Token) -> bool:
    prep = number.head
    return prep.lower_ == "at" and lemma(prep.head) in ("die", "pass")


def is_score(figure: Figure) -> bool:
    """ "won 3-1", "a 2-0 defeat": a range is written low to high, a score any way round; "by 84
    votes to 40" is counted by its noun."""
    words = [t.lower_ for t in figure.tokens]
    if "-" not in words and "–" not in words:
        return False
    values = [t for t in figure.tokens if t.like_num]
    digits = len(values) == 2 and all(v.text.isdigit() for v in values)
    if digits and int(values[0].text) > int(values[1].text):
        return True
    after = _lower(_after(figure.tokens[-1]))
    before = _lower(_before(figure.tokens[0]))
    return after in _words("score_nouns") or before in _words("score_verbs")


def is_label(figure: Figure, counted: Token | None) -> bool:
    """A number naming something: "Densus 88", "Half-Life 2", "Route 9", "No. 3", "page 12",
    "flight 370". It follows a proper noun or a label word directly and counts no noun after it."""
    first = figure.tokens[0]
    before = _before(first)
    if before is None or (counted is not None and counted.i > figure.tokens[-1].i):
        return False
    if before.lower_.rstrip(".") in _words("label_words"):
        return True
    if before.tag_ not in ("NNP", "NNPS") or is_month(before) or before.i == 0:
        return False
    return before.lower_ not in time_lexicon().weekdays and not before.is_sent_start


def looks_like_year(figure: Figure, counted: Token | None) -> bool:
    """ "1998", "the deaths of the 2014 uprising": a bare four-digit number in the range of years
    is a year unless it counts people by name ("2014 people")."""
    text = figure.head.text
    if not (len(text) == 4 and text.isdigit() and 1900 <= int(text) <= 2100):
        return False
    return counted is None or counted is figure.head or not _person_noun(counted)


def _person_noun(token: Token) -> bool:
    """The noun itself names people (its modifiers do not count: "the 2014 student uprising")."""
    words = {lemma(token), token.lower_}
    if any(words & word_set("victims", group) for group in PERSON_GROUPS):
        return True
    return bool(words & (word_set("persons", "singular") | {"people", "other", "individual"}))


def counts_things(counted: Token | None) -> bool:
    """The counted noun names things, animals or institutions: "168 public bodies", "58 oxen",
    "six awards", "thousands of pigs"."""
    if counted is None:
        return False
    words = {lemma(counted), counted.lower_}
    if words & (word_set("non_person", "nouns") | _words("things")):
        return True
    modifiers = {lemma(c) for c in counted.children if c.dep_ in ("amod", "compound")}
    return bool(words & {"body", "bodies"}) and bool(modifiers & _words("institution_modifiers"))


def saves_lives(attachment: Attachment) -> bool:
    """ "save six million lives", "spared 40 lives": lives kept, not lost."""
    predicate = attachment.predicate
    if lemma(predicate) != "life" or predicate.dep_ not in ("dobj", "nsubjpass"):
        return False
    return lemma(predicate.head) in _words("saving_verbs")
