"""The event-type lexicon runs in chunks that the word-start pre-test can skip: skipping must
never change which features a sentence has (own fixtures)."""

from __future__ import annotations

import pytest

from eventwire.extract.event_type.rules import feature_chunks, feature_patterns, means_chunks
from eventwire.extract.prefilter import word_starts

SENTENCES = [
    "Gunmen stormed a church in Kalba on Sunday and killed five worshippers.",
    "Residents clashed with police in Mwanda after officers seized a motorbike.",
    "Des hommes armés ont égorgé deux bergers près de Djibo; les habitants ont fui.",
    "Rockets were fired at Sderot; most of them were intercepted over the town.",
    "Traders blocked the N1 road and burned tyres to protest a new market tax.",
    "An unidentified man was found dead with his hands tied near the river.",
    "The RN3 road was blocked for hours by angry students demanding their grants.",
    "Fighting between the Konkomba and Nawuri left houses torched in Kpandai.",
]


@pytest.mark.parametrize("text", SENTENCES)
def test_chunks_find_every_feature_the_whole_lexicon_finds(text: str) -> None:
    present = word_starts(text)
    for name, chunks in feature_chunks().items():
        whole = feature_patterns()[name].search(text) is not None
        chunked = any(
            pattern.search(text)
            for starts, pattern in chunks.chunks
            if starts is None or not starts.isdisjoint(present)
        )
        assert chunked == whole, name
        skipped = chunks.starts is not None and chunks.starts.isdisjoint(present)
        assert not (skipped and whole), name


def test_every_feature_but_a_few_can_be_skipped_in_part() -> None:
    """Most patterns begin with letters the pre-test knows: each feature has some chunk the
    pre-test can skip, or the lexicon lost its speed."""
    chunks = {**feature_chunks(), **means_chunks()}
    always = [name for name, parts in chunks.items() if all(s is None for s, _ in parts.chunks)]
    assert always == [], always
