"""The time extractor: the event's date and its precision (ACLED time_precision day/week/month).

    resolve_dates(text, published) -> [DateMention]     (rules: find and resolve dates)
    create("time")(frame)                               (sets frame.event_date, date_precision)

Which date is the event's: every date of the article is classed by what it attaches to, using the
spaCy parse when the sentence has one (the head the date hangs from: "attacked on Sunday",
"Tuesday's attacks", "the attack on 12 March") and lexical proximity otherwise:
- event: the date is on an event word (attack, kill, clash, ambush, ...);
- statement: the date is on a reporting or reaction word ("On Thursday, security sources
  confirmed ...", "police said on Monday", "condemned on Friday"): when it was said, not done;
- neutral: neither.
The choice, best first: an event or neutral date in the event's sentences; an event date elsewhere
in the article ("Tuesday's attack underscores ..."); a neutral date in the lead sentence or in one
right beside an event sentence. Within that: the most precise (an approximate day counts as a
day), then the earliest sentence, then an event date before a neutral one, then the value most
often repeated, then the earliest in the sentence. Bound dates ("since 2012") and dates after
publication (plus a day) are never chosen, and nor are stale dates: a news report tells of recent
events, so a date whose whole period ended long before publication ("assassinated in 1987", "the
October 2014 insurrection", "killed in March" in a May report) is history, not the event's day.
"Long" is `stale_days` after the end of a month or year and `stale_day_dates` after a day or week
(options; the defaults leave room for the weeks-late reports of aggregated summaries).

Fallbacks, chosen to stay honest rather than complete:
- only a statement date in the event's sentences: that date, with precision `week` (the event
  happened on or shortly before it), and a note;
- no usable date at all (or only relative words and no publication date): event_date None and
  date_precision None, with a note. The publication date is never used as a silent default.

Texts with no date expression at all (a quarter of ACLED's Burkina Faso notes, mostly before
2018; every GTD summary once its date prefix is cut) stay undated by default: the contract's
event_date is the day of the event, not of the report, and a publication date coded as the event
day would pass for a fact in time series and in deduplication. A user who needs every event on a
timeline can opt in with the option `undated="published"` (config `{"time": {"undated":
"published"}}`): the publication date with precision `week` (the event happened on it or in the
days before, as ACLED codes a report that gives no date), and a note saying so. Measured on the
ACLED dev notes (published = gold + 3 days), the opt-in changes no exact or ±1-day hit: it is
right to the day only when the report appears the day of the event.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from eventwire.extract.frame import EventFrame, Extractor
from eventwire.extract.time.anchor import Anchor, report_anchor
from eventwire.extract.time.calendar import weekday_before
from eventwire.extract.time.lexicon import time_lexicon
from eventwire.extract.time.rules import DateMention, resolve_dates
from eventwire.models import DateEvidence
from eventwire.nlp.analysis import Sentence

__all__ = [
    "DateMention",
    "attachment",
    "choose_date",
    "make_time_extractor",
    "reanchored",
    "resolve_dates",
]

EVENT, STATEMENT, NEUTRAL = "event", "statement", "neutral"
STATEMENT_TIER = 4
PRECISION_RANK = {"day": 0, "week": 1, "month": 2, "year": 3}
_FUNCTION_POS = frozenset({"ADP", "DET", "PART", "PUNCT", "CCONJ", "SCONJ", "NUM", "ADJ", "ADV"})
_ARGUMENTS = frozenset({"nsubj", "nsubjpass", "dobj"})
_WORD = re.compile(r"[^\W\d_][\w’'-]*|\d+|[,;:()]")
_WINDOW = 8
_CLAUSE_PENALTY = 3


@dataclass(frozen=True)
class Candidate:
    mention: DateMention
    attached_to: str
    tier: int
    sentence: int


def cue_class(word: str) -> str | None:
    """event / statement / None for one word or lemma (prefix match on the lexicon's cues)."""
    word = word.lower()
    lexicon = time_lexicon()
    if word.startswith(lexicon.event_cues):
        return EVENT
    if word.startswith(lexicon.statement_cues):
        return STATEMENT
    return None


def attachment(sentence: Sentence, mention: DateMention) -> str:
    """What the date attaches to in its sentence: event, statement or neutral."""
    start, end = mention.start - sentence.start, mention.end - sentence.start
    lexical = _lexical_attachment(sentence.text, start, end, mention.possessive)
    if sentence.parse is not None:
        found = _parse_attachment(sentence, start, end)
        if found == STATEMENT and lexical == EVENT and _opens(sentence.text, start):
            return EVENT  # "Il y a une semaine, des hommes armés ont tué ..., a rappelé une ONG"
        if found != NEUTRAL:
            return found
    return lexical


def _opens(text: str, start: int) -> bool:
    """Whether the date opens its sentence ("On Monday, ...", "Lundi, ...")."""
    return len(_WORD.findall(text[:start])) <= 1


def _parse_attachment(sentence: Sentence, start: int, end: int) -> str:
    doc = sentence.parse
    inside = [token for token in doc if start <= token.idx < end]
    if not inside:
        return NEUTRAL
    ids = {token.i for token in inside}
    root = next((t for t in inside if t.head.i not in ids or t.head.i == t.i), inside[0])
    node = root
    for _step in range(6):
        if node.head.i == node.i:
            return NEUTRAL
        node = node.head
        if node.i in ids or node.pos_ in _FUNCTION_POS:
            continue
        if _cited(node):
            return STATEMENT
        found = cue_class(node.lemma_) or cue_class(node.text)
        if found:
            return found
        if node.pos_ in {"VERB", "AUX"}:
            return _subject_class(node)
    return NEUTRAL


def _cited(node: object) -> bool:
    """A source cited with a reporting preposition ("selon des sources jointes lundi"): a date
    on it is when they spoke."""
    return any(
        child.dep_ == "case" and cue_class(child.text) == STATEMENT
        for child in node.children  # type: ignore[attr-defined]
    )


def _subject_class(verb: object) -> str:
    """A neutral verb whose subject or object is an event word: "the attack came on Tuesday",
    "staged a protest on Monday", "carried out an ambush on Friday"."""
    for child in verb.children:  # type: ignore[attr-defined]
        if child.dep_ in _ARGUMENTS and cue_class(child.lemma_) == EVENT:
            return EVENT
    return NEUTRAL


def _lexical_attachment(text: str, start: int, end: int, possessive: bool) -> str:
    words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
    before = [w for s, w in words if s < start]
    after = [w for s, w in words if s >= end]
    if possessive:
        for word in after[:4]:
            found = cue_class(word)
            if found:
                return found
    best: tuple[int, int, str] | None = None
    for side, sequence in ((0, list(reversed(before))), (1, after)):
        distance = 0
        for position, word in enumerate(sequence[: _WINDOW + 4]):
            if word in ",;:()":
                distance += _CLAUSE_PENALTY
                continue
            distance += 1
            found = cue_class(word)
            if found == STATEMENT and _purpose(sequence, position, side):
                continue  # "marched on Monday to denounce ...": the aim, not a statement
            if found and distance <= _WINDOW:
                rank = (distance, side if found == EVENT else side + 2, found)
                best = min(best, rank) if best else rank
                break
    return best[2] if best else NEUTRAL


def _purpose(sequence: list[str], position: int, side: int) -> bool:
    """Whether the word at `position` follows "to" or "pour" in the text (`sequence` runs
    backwards from the date when `side` is 0)."""
    previous = position + 1 if side == 0 else position - 1
    return 0 <= previous < len(sequence) and sequence[previous].lower() in _PURPOSE


_PURPOSE = frozenset({"to", "pour"})


@dataclass(frozen=True)
class Staleness:
    """How long after its period ends a date stops being news: coarse (month, year) and fine."""

    coarse_days: int = 31
    fine_days: int = 180

    def is_stale(self, mention: DateMention, published: date | None) -> bool:
        if published is None or mention.value is None:
            return False
        if mention.precision in ("month", "year"):
            return (published - period_end(mention)).days > self.coarse_days
        return (published - mention.value).days > self.fine_days


def period_end(mention: DateMention) -> date:
    """The last day of the period a month- or year-precision mention stands for."""
    value = mention.value
    assert value is not None
    if mention.precision == "year":
        return date(value.year, 12, 31)
    following = date(value.year + value.month // 12, value.month % 12 + 1, 1)
    return following - timedelta(days=1)


def candidates(
    frame: EventFrame,
    mentions: list[DateMention],
    staleness: Staleness | None = None,
    anchor: date | None = None,
) -> list[Candidate]:
    """Usable dates of the article, each with its attachment and tier (lower is better).
    `anchor`: the report's date (default: the publication date)."""
    staleness = staleness or Staleness()
    anchor = anchor or frame.published
    in_frame = {sentence.index for sentence in frame.sentences}
    latest = anchor + timedelta(days=1) if anchor else None
    found: list[Candidate] = []
    position = 0
    for sentence in frame.doc.sentences:
        while position < len(mentions) and mentions[position].start < sentence.start:
            position += 1
        index = position
        while index < len(mentions) and mentions[index].end <= sentence.end:
            mention = mentions[index]
            index += 1
            if mention.value is None or mention.background:
                continue
            if latest and mention.value > latest:
                continue
            if staleness.is_stale(mention, anchor):
                continue
            attached = attachment(sentence, mention)
            tier = _tier(attached, sentence.index in in_frame, _near(sentence.index, in_frame))
            if tier is not None:
                found.append(Candidate(mention, attached, tier, sentence.index))
    return found


def _tier(attached: str, in_frame: bool, near: bool) -> int | None:
    if in_frame:
        return {EVENT: 0, NEUTRAL: 1, STATEMENT: STATEMENT_TIER}[attached]
    if attached == EVENT:
        return 2
    return 3 if attached == NEUTRAL and near else None


def _near(index: int, in_frame: set[int]) -> bool:
    """The lead sentence, or one right beside an event sentence."""
    return index == 0 or index - 1 in in_frame or index + 1 in in_frame


def choose_date(found: list[Candidate]) -> Candidate | None:
    if not found:
        return None
    votes = Counter(c.mention.value for c in found if c.tier < STATEMENT_TIER)

    def key(candidate: Candidate) -> tuple[float, ...]:
        mention = candidate.mention
        return (
            0 if candidate.tier < 2 else candidate.tier,
            _rank(mention),
            candidate.sentence,
            candidate.tier,
            -votes[mention.value],
            mention.start,
        )

    return min(found, key=key)


def _rank(mention: DateMention) -> float:
    """Precision rank for the choice: an approximate day counts as a day; a day counted from
    another ("the night before", "a day before") comes after a day given outright, as it is
    most often another event's ("protesting against the arrests of the day before")."""
    if mention.approximate:
        return 0
    if mention.kind == "prior":
        return 0.5
    return PRECISION_RANK.get(mention.precision or "year", 3)


def make_time_extractor(
    tolerance_days: int = 7,
    month_first: bool = False,
    undated: str = "none",
    stale_days: int = 31,
    stale_day_dates: int = 180,
) -> Extractor:
    """`tolerance_days`: how far after publication a yearless date may fall ("on December 30").
    `stale_days` / `stale_day_dates`: how long after its end a month/year or a day/week date is
    history rather than the event's date (see the module docstring).
    `month_first`: read ambiguous numeric dates as 09/10/2024 = 10 September.
    `undated`: "none" (default) leaves a text without any date empty; "published" dates it at
    the publication date with precision `week` (see the module docstring)."""
    if undated not in ("none", "published"):
        raise ValueError(f"undated must be 'none' or 'published', not {undated!r}")
    staleness = Staleness(stale_days, stale_day_dates)

    def extract(frame: EventFrame) -> None:
        text = frame.doc.document.text
        page = report_anchor(text, frame.published)
        anchor = page.anchor.value
        mentions = [
            m
            for m in _mentions(text, anchor, tolerance_days, month_first)
            if not page.is_clutter(m)
        ]
        chosen = choose_date(candidates(frame, mentions, staleness, anchor))
        if chosen is None:
            frame.event_date, frame.date_precision = None, None
            if undated == "published" and anchor is not None and not mentions:
                frame.event_date, frame.date_precision = anchor, "week"
                frame.notes.append("time: no date in the text; publication date, week precision")
                return
            frame.notes.append(_no_date_note(anchor, mentions))
            return
        chosen, reference, source = reanchored(frame, chosen, mentions, anchor)
        mention = chosen.mention
        frame.event_date = mention.value
        frame.date_precision = mention.precision
        frame.date_evidence = _evidence(frame, mention, page.anchor, reference, source)
        if chosen.tier == STATEMENT_TIER:
            frame.date_precision = "week" if mention.precision == "day" else mention.precision
            frame.notes.append(f"time: only a statement date ({mention.text!r}); event on/before")
        else:
            frame.notes.append(f"time: {mention.text!r} ({chosen.attached_to}) -> {mention.value}")

    return extract


@lru_cache(maxsize=32)
def _mentions(
    text: str, anchor: date | None, tolerance_days: int, month_first: bool
) -> tuple[DateMention, ...]:
    """The article's date mentions (cached: every frame of an article reads the same ones)."""
    return tuple(
        resolve_dates(text, anchor, tolerance_days=tolerance_days, month_first=month_first)
    )


def reanchored(
    frame: EventFrame, chosen: Candidate, mentions: list[DateMention], anchor: date | None
) -> tuple[Candidate, DateMention | None, str | None]:
    """The chosen date counted from the date the text spoke of with it, rather than from the
    report's date: (candidate, the reference mention, "statement" or "reference").
    - An event weekday told with the day a source spoke ("gunmen killed seven people on
      Monday, residents said on Thursday") is the latest such day on or before the speaking
      day: a report that comes days late still tells of the Monday before.
    - "the previous day", "la veille" count from the day a source spoke in the sentence, else
      from the nearest day the text named before them."""
    mention = chosen.mention
    if mention.value is None or mention.kind not in ("weekday", "prior"):
        return chosen, None, None
    sentence = next((s for s in frame.doc.sentences if s.index == chosen.sentence), None)
    if sentence is None:
        return chosen, None, None
    days = [
        m for m in mentions if m is not mention and m.value is not None and m.precision == "day"
    ]
    said = [
        m
        for m in days
        if sentence.start <= m.start
        and m.end <= sentence.end
        and attachment(sentence, m) == STATEMENT
    ]
    spoken = min(said, key=lambda m: m.value or date.max) if said else None
    if mention.kind == "prior":
        return _prior(chosen, spoken, days, anchor)
    if spoken is None or spoken.value is None or mention.value <= spoken.value:
        return chosen, None, None
    value = weekday_before(spoken.value, mention.value.weekday())
    return replace(chosen, mention=replace(mention, value=value)), spoken, "statement"


def _prior(
    chosen: Candidate,
    spoken: DateMention | None,
    days: list[DateMention],
    anchor: date | None,
) -> tuple[Candidate, DateMention | None, str | None]:
    mention = chosen.mention
    earlier = [m for m in days if m.end <= mention.start and m.kind != "prior"]
    reference, source = (spoken, "statement") if spoken else (None, None)
    if reference is None and earlier:
        reference, source = earlier[-1], "reference"
    if reference is None or reference.value is None or anchor is None or mention.value is None:
        return chosen, None, None
    value = reference.value + (mention.value - anchor)
    return replace(chosen, mention=replace(mention, value=value)), reference, source


def _evidence(
    frame: EventFrame,
    mention: DateMention,
    anchor: Anchor,
    reference: DateMention | None,
    source: str | None,
) -> DateEvidence:
    document_id = frame.doc.document.id
    span = (mention.start, mention.end)
    if reference is not None:
        return DateEvidence(
            mention.text, span, document_id, reference.value, source, reference.text
        )
    if not mention.relative:
        return DateEvidence(mention.text, span, document_id)
    return DateEvidence(mention.text, span, document_id, anchor.value, anchor.source, anchor.quote)


def _no_date_note(anchor: date | None, mentions: list[DateMention]) -> str:
    if anchor is None and any(m.relative for m in mentions):
        return "time: relative dates only and no publication date; event_date left empty"
    return "time: no usable date expression; event_date left empty"


def event_date(frame: EventFrame) -> tuple[date | None, str | None]:
    """Convenience for callers and tests: run the default extractor and return its result."""
    make_time_extractor()(frame)
    return frame.event_date, frame.date_precision
