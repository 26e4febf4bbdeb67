"""Split a document into sentences, tag each with cheap lexical cues, parse only those that matter.

The full spaCy pipeline costs ~130 ms per article; most sentences of a news report (reactions,
background, quotes) never feed a field. A regex pass finds the sentences that can, and only those
go through the parser.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from eventwire.data import load_toml
from eventwire.models import Document
from eventwire.nlp.model import load_model

if TYPE_CHECKING:
    from spacy.tokens import Doc

ALWAYS_PARSED = frozenset({"casualty", "responsibility"})
LEDE_SENTENCES = 4
"""Violence-only sentences are parsed in the lede; later ones are mostly analysis and context."""
NEVER_PARSED = frozenset({"reaction", "background"})

_ABBREVIATION = re.compile(
    r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Capt|Sgt|Maj|Cpl|Pvt|Gov|Sen|Rep|Rev|"
    r"St|No|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|approx|est|vs|Inc|Co|Corp)\.)$"
)
_BOUNDARY = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9À-Ý])|\n\s*\n?|\r\n")


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    cues: frozenset[str] = frozenset()
    parse: Doc | None = field(default=None, repr=False)
    """spaCy parse of `text` alone (token offsets are relative to `start`)."""

    @property
    def parsed(self) -> bool:
        return self.parse is not None


@dataclass
class AnalyzedDoc:
    document: Document
    sentences: list[Sentence]

    def cued(self, *cues: str) -> list[Sentence]:
        wanted = set(cues)
        return [s for s in self.sentences if s.cues & wanted]


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of `text`, whitespace trimmed."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if _ABBREVIATION.search(text[start : match.start()]) and "\n" not in match.group():
            continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    return [_trim(text, a, b) for a, b in spans if text[a:b].strip()]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@cache
def _cue_patterns() -> dict[str, re.Pattern[str]]:
    lexicon = load_toml("lexicons/cues.toml")
    return {
        cue: re.compile(r"\b(?:" + "|".join(entry["patterns"]) + r")", re.IGNORECASE)
        for cue, entry in lexicon.items()
    }


def sentence_cues(text: str) -> frozenset[str]:
    return frozenset(cue for cue, pattern in _cue_patterns().items() if pattern.search(text))


def analyze(document: Document, parse: bool = True) -> AnalyzedDoc:
    return analyze_many([document], parse=parse)[0]


def analyze_many(documents: Iterable[Document], parse: bool = True) -> list[AnalyzedDoc]:
    """Split and cue every document; parse the cued sentences of all of them in one batch."""
    analyzed = []
    for document in documents:
        sentences = [
            Sentence(i, a, b, document.text[a:b], sentence_cues(document.text[a:b]))
            for i, (a, b) in enumerate(split_sentences(document.text))
        ]
        analyzed.append(AnalyzedDoc(document, sentences))
    if parse:
        _parse_cued(analyzed)
    return analyzed


def needs_parse(sentence: Sentence) -> bool:
    """Whether a sentence can feed a field: figures and claims anywhere, violence in the lede."""
    if sentence.cues & ALWAYS_PARSED:
        return True
    return (
        "violence" in sentence.cues
        and sentence.index < LEDE_SENTENCES
        and not sentence.cues & NEVER_PARSED
    )


def _parse_cued(analyzed: list[AnalyzedDoc]) -> None:
    todo = [s for doc in analyzed for s in doc.sentences if needs_parse(s)]
    if not todo:
        return
    nlp = load_model("en")
    for sentence, parsed in zip(todo, nlp.pipe(s.text for s in todo), strict=True):
        sentence.parse = parsed
