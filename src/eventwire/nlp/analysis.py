"""Split a document into sentences, tag each with cheap lexical cues, parse only those that matter.

The full spaCy pipeline costs ~130 ms per article; most sentences of a news report (reactions,
background, quotes) never feed a field. A regex pass finds the sentences that can, and only those
go through the parser.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from eventwire.data import load_toml
from eventwire.ingest.documents import detect_language
from eventwire.models import Document
from eventwire.nlp.model import load_model

if TYPE_CHECKING:
    from spacy.tokens import Doc

LEDE_SENTENCES = 4
"""Sentences this early are parsed on any violence or casualty cue; later ones need more."""
EVENT_CUES = frozenset({"violence", "casualty"})
NON_EVENT_CUES = frozenset({"reaction", "background"})

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
    language: str = "en"
    """The document's language ("fr" or "en"), for the extractors' language-specific reading."""

    @property
    def parsed(self) -> bool:
        return self.parse is not None


@dataclass
class AnalyzedDoc:
    document: Document
    sentences: list[Sentence]
    language: str = "en"
    """"fr" for a French document (parsed with the French model, cued with French words too)."""

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


def document_language(document: Document) -> str:
    """The language the document is processed in: "fr" or "en" (everything else)."""
    language = (document.language or detect_language(document.text)).lower()[:2]
    return "fr" if language == "fr" else "en"


@cache
def _cue_patterns(language: str = "en") -> dict[str, re.Pattern[str]]:
    """English cues for every document; a French one is also cued with lexicons/cues_fr.toml."""
    english = load_toml("lexicons/cues.toml")
    lexicon = {cue: list(entry["patterns"]) for cue, entry in english.items()}
    if language == "fr":
        for cue, entry in load_toml("lexicons/cues_fr.toml").items():
            lexicon.setdefault(cue, []).extend(entry["patterns"])
    return {
        cue: re.compile(r"\b(?:" + "|".join(patterns) + r")", re.IGNORECASE)
        for cue, patterns in lexicon.items()
    }


def sentence_cues(text: str, language: str = "en") -> frozenset[str]:
    patterns = _cue_patterns(language)
    return frozenset(cue for cue, pattern in patterns.items() if pattern.search(text))


def analyze(document: Document, parse: bool = True) -> AnalyzedDoc:
    return analyze_many([document], parse=parse)[0]


ParseScreen = Callable[[Sentence, Document], bool]
"""Whether a sentence that `needs_parse` is still worth parsing (False: leave it unparsed)."""


def analyze_many(
    documents: Iterable[Document],
    parse: bool = True,
    screen: ParseScreen | None = None,
    wanted: Callable[[AnalyzedDoc], bool] | None = None,
) -> list[AnalyzedDoc]:
    """Split and cue every document; parse the cued sentences of all of them in one batch.
    `screen` can veto the parse of a cued sentence (the pipeline drops history and stale dates);
    `wanted` the parse of a whole document (the pipeline: one that states no event)."""
    analyzed = []
    for document in documents:
        language = document_language(document)
        sentences = [
            Sentence(
                i,
                a,
                b,
                document.text[a:b],
                sentence_cues(document.text[a:b], language),
                language=language,
            )
            for i, (a, b) in enumerate(split_sentences(document.text))
        ]
        analyzed.append(AnalyzedDoc(document, sentences, language))
    if parse:
        _parse_cued([doc for doc in analyzed if wanted is None or wanted(doc)], screen)
    return analyzed


def has_figure(sentence: Sentence) -> bool:
    return {"casualty", "quantity"} <= sentence.cues


def is_event_sentence(sentence: Sentence) -> bool:
    """A violence or casualty sentence that is not only a reaction or background.

    A reaction or background sentence with a casualty figure stays in ("the deadliest attack
    since 2019 killed 20"): the casualty extractor, not this cue pass, tells a cumulative total
    from this event's toll.
    """
    cues = sentence.cues
    if not cues & EVENT_CUES:
        return False
    return not cues & NON_EVENT_CUES or has_figure(sentence)


def needs_parse(sentence: Sentence) -> bool:
    """Whether a sentence can feed a field that needs its parse.

    Claims of responsibility anywhere; in the lede, every event sentence; later, an event
    sentence with a casualty figure.
    """
    if "responsibility" in sentence.cues:
        return True
    if not is_event_sentence(sentence):
        return False
    return sentence.index < LEDE_SENTENCES or has_figure(sentence)


def _parse_cued(analyzed: list[AnalyzedDoc], screen: ParseScreen | None = None) -> None:
    by_language: dict[str, list[Sentence]] = {}
    for doc in analyzed:
        for s in doc.sentences:
            if needs_parse(s) and (screen is None or screen(s, doc.document)):
                by_language.setdefault(doc.language, []).append(s)
    for language, todo in by_language.items():
        nlp = load_model(language)
        for sentence, parsed in zip(todo, nlp.pipe(s.text for s in todo), strict=True):
            sentence.parse = parsed
