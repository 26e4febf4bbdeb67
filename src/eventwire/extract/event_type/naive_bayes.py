"""A small multinomial naive Bayes over word unigrams and bigrams, in pure Python.

Labels are "Event type|Sub-event type". Saved as JSON: labels, document counts, token counts.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

FORMAT = "eventwire-naive-bayes"
VERSION = 1
_WORD = re.compile(r"[a-zà-ÿ]+(?:['-][a-zà-ÿ]+)*")
_NOISE = re.compile(r"\[[^\]]*\]|\([^()]*\)")
"""ACLED's bracketed size notes and parenthesised admin names say nothing of the event type."""
_MIN_COUNT = 2


def tokens(text: str) -> list[str]:
    """Lower-cased words (digits dropped) and adjacent word pairs."""
    words = _WORD.findall(_NOISE.sub(" ", text.lower()))
    return words + [f"{a} {b}" for a, b in pairwise(words)]


@dataclass
class NaiveBayes:
    alpha: float = 0.5
    label_counts: Counter[str] = field(default_factory=Counter)
    token_counts: dict[str, Counter[str]] = field(default_factory=dict)
    _totals: dict[str, int] = field(default_factory=dict, repr=False)
    _vocabulary: set[str] = field(default_factory=set, repr=False)

    def fit(self, texts: Iterable[str], labels: Iterable[str]) -> NaiveBayes:
        for text, label in zip(texts, labels, strict=True):
            self.label_counts[label] += 1
            self.token_counts.setdefault(label, Counter()).update(set(tokens(text)))
        self._prune()
        return self

    def _prune(self) -> None:
        overall: Counter[str] = Counter()
        for counts in self.token_counts.values():
            overall.update(counts)
        keep = {t for t, n in overall.items() if n >= _MIN_COUNT}
        for label, counts in self.token_counts.items():
            self.token_counts[label] = Counter({t: n for t, n in counts.items() if t in keep})
        self._index()

    def _index(self) -> None:
        self._totals = {label: sum(c.values()) for label, c in self.token_counts.items()}
        self._vocabulary = {t for c in self.token_counts.values() for t in c}

    def scores(self, text: str) -> dict[str, float]:
        """Log-probability of each label given the text (unnormalised)."""
        seen = [t for t in set(tokens(text)) if t in self._vocabulary]
        total_docs = sum(self.label_counts.values())
        size = len(self._vocabulary) + 1
        result = {}
        for label, docs in self.label_counts.items():
            counts, denominator = self.token_counts[label], self._totals[label] + self.alpha * size
            score = math.log(docs / total_docs)
            score += sum(math.log((counts.get(t, 0) + self.alpha) / denominator) for t in seen)
            result[label] = score
        return result

    def predict(self, text: str) -> tuple[str, float]:
        """The most probable label and its posterior probability."""
        scores = self.scores(text)
        best = max(scores, key=lambda label: scores[label])
        norm = sum(math.exp(s - scores[best]) for s in scores.values())
        return best, 1.0 / norm

    def save(self, path: Path) -> None:
        data = {
            "format": FORMAT,
            "version": VERSION,
            "alpha": self.alpha,
            "labels": dict(self.label_counts),
            "tokens": {label: dict(counts) for label, counts in self.token_counts.items()},
        }
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> NaiveBayes:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
        if data.get("format") != FORMAT:
            raise ValueError(f"{path}: not an eventwire naive Bayes model")
        model = cls(alpha=float(data["alpha"]), label_counts=Counter(data["labels"]))
        model.token_counts = {label: Counter(c) for label, c in data["tokens"].items()}
        model._index()
        return model
