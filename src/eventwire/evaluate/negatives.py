"""False events: what the pipeline finds in texts that report no event.

A no-event document is a text with no gold event: a JSONL line in the contract's input shape
(news that reports no political violence, e.g. business or sport) or a gold document with
`"events": []`. Every event predicted for one is a false event. The report gives the share of
such documents that get at least one event and the false events per type (aggregates only); the
worst cases (standard output) list the documents that got events, most confident first.

    print(no_event_section(result))       # Markdown table
    print(false_event_cases(result, 20))  # for `eventwire eval --errors 20`
"""

from __future__ import annotations

import re
from collections import Counter

from eventwire.evaluate.markdown import div, pct, table
from eventwire.evaluate.runner import EvalResult
from eventwire.evaluate.scoring import FalseEvents
from eventwire.models import EVENT_TYPES, Event

TEXT_WIDTH = 240
EVENTS_SHOWN = 3
"""Events listed per document in the worst cases (the rest are counted)."""
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[\"'“‘(]?[A-Z0-9])")


def false_event_rows(result: EvalResult) -> list[tuple[str, str, str]]:
    scored = result.scored
    documents = scored.no_event_documents
    hit = len(scored.false_events)
    events = sum(len(item.events) for item in scored.false_events)
    per_document = div(events, documents)
    return [
        (
            "no-event documents with at least one event (false-event share)",
            pct(div(hit, documents)),
            f"{hit} of {documents}",
        ),
        ("false events", str(events), str(documents)),
        ("false events per no-event document", f"{per_document or 0:.2f}", str(documents)),
    ]


def type_rows(result: EvalResult) -> list[tuple[str, str, str]]:
    """False events per event type, in ACLED's order: count and share of the false events."""
    counts = Counter(e.event_type for item in result.scored.false_events for e in item.events)
    total = sum(counts.values())
    known = [name for name in EVENT_TYPES if name in counts]
    names = known + sorted(set(counts) - set(known))
    return [(name, str(counts[name]), pct(div(counts[name], total))) for name in names]


def no_event_section(result: EvalResult) -> str:
    """The false-event table of a data set with no-event documents ("" when it has none)."""
    if not result.scored.no_event_documents:
        return ""
    lines = [
        "No-event documents (no gold event; every event predicted is a false event):",
        "",
        table(["metric", "value", "n"], false_event_rows(result)),
    ]
    types = type_rows(result)
    if types:
        lines += ["", table(["false events by type", "events", "share"], types)]
    return "\n".join(lines) + "\n"


def false_event_cases(result: EvalResult, count: int) -> str:
    """The `count` no-event documents whose events are the most confident, with the events'
    type, confidence, summary and the sentence they come from (for standard output)."""
    items = result.scored.false_events
    if count <= 0 or not items:
        return ""
    ranked = sorted(items, key=lambda item: (-_top_confidence(item), -len(item.events)))
    lines = [
        f"#### false events: {len(items)} of {result.scored.no_event_documents} no-event "
        "document(s) got events",
        "",
    ]
    for item in ranked[:count]:
        lines += _document_lines(item)
    return "\n".join(lines) + "\n"


def _top_confidence(item: FalseEvents) -> float:
    return max(event.confidence for event in item.events)


def _document_lines(item: FalseEvents) -> list[str]:
    title = f" · {_short(item.title, 100)}" if item.title else ""
    lines = [f"- {item.origin} ({item.document_id}){title}: {len(item.events)} event(s)"]
    for event in sorted(item.events, key=lambda e: -e.confidence)[:EVENTS_SHOWN]:
        lines.append(
            f"  - {event.event_type} / {event.sub_event_type} · confidence "
            f"{event.confidence:.2f} · {_short(event.summary, 160)}"
        )
        sentence = evidence(event, item.text)
        if sentence:
            lines.append(f"    > {_short(sentence, TEXT_WIDTH)}")
    more = len(item.events) - EVENTS_SHOWN
    if more > 0:
        lines.append(f"  - ... and {more} more")
    return lines


def evidence(event: Event, text: str) -> str:
    """The sentence an event was read from, as near as the event record tells: a casualty
    claim's quote, else the first sentence naming one of its actors' words or its place."""
    for claim in event.claims:
        if claim.quote:
            return claim.quote
    actors = [actor for actor in (event.actor1, event.actor2) if actor]
    words = [alias for actor in actors for alias in actor.aliases_seen]
    if event.location and event.location.name:
        words.append(event.location.name)
    for sentence in _SENTENCE_END.split(" ".join(text.split())):
        if any(word and word in sentence for word in words):
            return sentence
    return ""


def _short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"
