"""One casualty claim read in one sentence: the figure, with the sentence as its quote and span."""

from __future__ import annotations

from datetime import date

from eventwire.models import Claim
from eventwire.nlp.analysis import Sentence


def sentence_claim(
    sentence: Sentence,
    document_id: str,
    reported_at: date | None,
    figure: tuple[str, int, int | None, str, str],
    source: str | None = None,
) -> Claim:
    """`figure` is (kind, low, high, qualifier, victims)."""
    kind, low, high, qualifier, victims = figure
    return Claim(
        kind=kind,  # type: ignore[arg-type]
        low=low,
        high=high,
        qualifier=qualifier,  # type: ignore[arg-type]
        victims=victims,  # type: ignore[arg-type]
        source=source,
        document_id=document_id,
        span=(sentence.start, sentence.end),
        quote=sentence.text,
        reported_at=reported_at,
    )
