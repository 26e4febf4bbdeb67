"""NLP stage: cheap sentence split and triage for every document, spaCy only where it matters."""

from eventwire.nlp.analysis import AnalyzedDoc, Sentence, analyze
from eventwire.nlp.model import load_model

__all__ = ["AnalyzedDoc", "Sentence", "analyze", "load_model"]
