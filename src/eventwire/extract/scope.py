"""Claim scope: keep only the casualty figures that belong to this event's time.

News reports recall earlier attacks and yearly totals in the same breath as the event: "In 2019,
twin blasts near the same market killed around 30 people", "monitors recorded more than 3,500
fatalities in Mali in 2024". Such a sentence names its own date, and that date is not the event's.
A claim whose sentence dates itself away from the event date is dropped; a sentence that also
gives a date near the event's, or gives none, keeps its claims. Past the lede, a sentence that
tells history without a date ("in the following months", "a year after", "on that day, which has
become known as") loses its claims too.

Runs after `time` (it needs the event date) and `casualties` (it filters their claims).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import Any

from eventwire.data import load_toml
from eventwire.extract.frame import EventFrame
from eventwire.extract.time import DateMention, Staleness, resolve_dates
from eventwire.models import Claim, Document
from eventwire.nlp.analysis import LEDE_SENTENCES, Sentence
from eventwire.registry import register

DAY_TOLERANCE = 7
"""A day-precise mention within this many days of the event date is the event's own time."""


def _near(mention: DateMention, event_date: date) -> bool:
    value = mention.value
    assert value is not None
    if mention.precision == "year":
        return value.year == event_date.year
    if mention.precision == "month":
        return (value.year, value.month) == (event_date.year, event_date.month)
    return abs((value - event_date).days) <= DAY_TOLERANCE


def dated_elsewhere(text: str, event_date: date, published: date | None) -> bool:
    """Whether a sentence dates itself, and only away from the event date."""
    mentions = [
        m for m in resolve_dates(text, published) if m.value is not None and not m.background
    ]
    return bool(mentions) and not any(_near(m, event_date) for m in mentions)


@cache
def _history() -> re.Pattern[str]:
    phrases = load_toml("lexicons/time.toml")["words"]["history"]
    return re.compile(r"\b(?:" + "|".join(phrases) + r")\b", re.IGNORECASE)


def tells_history(text: str) -> bool:
    """ "In the following months, attacks killed hundreds more", "a year after bombings in Gwoza
    killed 30", "50 were killed on that day, which has become known as Black Thursday"."""
    return bool(_history().search(text))


def scope_claims(frame: EventFrame) -> None:
    if not frame.claims:
        return
    document = frame.doc.document
    verdicts: dict[tuple[int, int], bool] = {}
    lede_end = frame.doc.sentences[min(1, len(frame.doc.sentences) - 1)].end

    def keep(claim: Claim) -> bool:
        span = tuple(claim.span)
        if span not in verdicts:
            sentence = document.text[span[0] : span[1]]
            verdicts[span] = not (
                (span[0] >= lede_end and tells_history(sentence))
                or (
                    frame.event_date is not None
                    and dated_elsewhere(sentence, frame.event_date, frame.published)
                )
            )
        return verdicts[span]

    kept = [claim for claim in frame.claims if keep(claim)]
    dropped = len(frame.claims) - len(kept)
    if dropped:
        frame.notes.append(
            f"scope: dropped {dropped} claim(s) dated away from the event or history"
        )
    frame.claims = kept


@register("claim_scope")
def make_claim_scope(**_options: Any) -> Callable[[EventFrame], None]:
    return scope_claims


def worth_parsing(sentence: Sentence, document: Document) -> bool:
    """The parse screen: a cued sentence past the lede that tells history, or dates itself only
    long before publication, would give no claim of this event (`scope_claims` drops them), so
    it is not parsed. Lede sentences are always parsed."""
    if sentence.index < LEDE_SENTENCES:
        return True
    if tells_history(sentence.text):
        return False
    if document.published is None:
        return True
    staleness = Staleness()
    mentions = [
        m
        for m in resolve_dates(sentence.text, document.published)
        if m.value is not None and not m.background
    ]
    return not mentions or not all(staleness.is_stale(m, document.published) for m in mentions)
