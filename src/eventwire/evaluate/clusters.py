"""Pairwise cluster precision / recall / F1 of deduplication, over a gold event key.

A JSONL gold file whose events carry `"event_key"` says which reports tell the same event. The
documents are ingested in file order (their arrival order) into a fresh store with dedup on, and
every pair of documents is judged: the same gold event (keys in common) against the same stored
event (stored event ids in common).

    result = evaluate_clusters(Path("samples/multireport/gold.jsonl"))
    print(cluster_section(result))
"""

from __future__ import annotations

import json
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any

from sqlalchemy import select

from eventwire.ingest import InputError, read_path
from eventwire.ingest.documents import parse_published
from eventwire.models import Document


@dataclass
class KeyedDocument:
    document: Document
    keys: frozenset[str]


@dataclass
class ClusterResult:
    name: str
    method: str
    """The text method dedup used: 'embedding' or 'lexical'."""
    documents: int
    gold_events: int
    stored_events: int
    true_pairs: int = 0
    false_pairs: list[tuple[str, str]] = field(default_factory=list)
    missed_pairs: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def precision(self) -> float:
        predicted = self.true_pairs + len(self.false_pairs)
        return self.true_pairs / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        gold = self.true_pairs + len(self.missed_pairs)
        return self.true_pairs / gold if gold else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0


def has_event_keys(path: Path) -> bool:
    """True for a JSONL gold file with at least one `event_key` (cheap: reads it once)."""
    if path.suffix.lower() not in (".jsonl", ".json"):
        return False
    try:
        return any(item.keys for item in read_keyed(path))
    except (OSError, ValueError):
        return False


def read_keyed(path: Path) -> list[KeyedDocument]:
    """The keyed documents of a JSONL gold file, in file order; a `file` is read like `ingest`
    reads it (front matter gives title, url, published and source). Lines with no `document`
    object (texts in the input shape, which have no gold) are left out."""
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        record = json.loads(line)
        if not isinstance(record, dict) or not isinstance(record.get("document"), dict):
            continue
        keys = frozenset(
            str(e["event_key"]) for e in record.get("events") or [] if e.get("event_key")
        )
        items.append(KeyedDocument(_document(record["document"], path.parent), keys))
    return items


def _document(spec: dict[str, Any], base: Path) -> Document:
    published = parse_published(spec.get("published"))
    if spec.get("file"):
        read = next(read_path(str(base / spec["file"]), published))
        if isinstance(read, InputError):
            raise ValueError(str(read))
        return Document(**{**read.__dict__, "id": str(spec.get("id") or read.id)})
    return Document(id=str(spec["id"]), text=str(spec["text"]), published=published)


def evaluate_clusters(path: Path, pipeline: Any = None, db_url: str | None = None) -> ClusterResult:
    """Ingest the keyed documents of `path` with dedup on and score the pairs."""
    from eventwire.dedup import text_method
    from eventwire.store import Store
    from eventwire.store.schema import EventDocumentRow

    items = [item for item in read_keyed(path) if item.keys]
    if pipeline is None:
        from eventwire.pipeline import Pipeline

        pipeline = Pipeline()
    with tempfile.TemporaryDirectory() as folder:
        store = Store(db_url or f"sqlite:///{Path(folder) / 'clusters.db'}")
        started = time.perf_counter()
        for item in items:
            events = [e for e in pipeline.process(item.document) if not e.doubtful]
            store.save(item.document, events)
        seconds = time.perf_counter() - started
        with store.session() as session:
            links = session.execute(select(EventDocumentRow)).scalars().all()
            predicted = _groups((link.document_id, link.event_id) for link in links)
        store.engine.dispose()
    gold = {item.document.id: item.keys for item in items}
    result = ClusterResult(
        path.name,
        text_method(),
        len(items),
        len(set().union(*gold.values())) if gold else 0,
        len(set().union(*predicted.values())) if predicted else 0,
        seconds=seconds,
    )
    _score_pairs(result, gold, predicted)
    return result


def _groups(pairs: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    found: dict[str, set[str]] = {}
    for document_id, event_id in pairs:
        found.setdefault(document_id, set()).add(event_id)
    return {key: frozenset(value) for key, value in found.items()}


def _score_pairs(
    result: ClusterResult, gold: dict[str, frozenset[str]], predicted: dict[str, frozenset[str]]
) -> None:
    for first, second in combinations(sorted(gold), 2):
        same_gold = bool(gold[first] & gold[second])
        same_predicted = bool(
            predicted.get(first, frozenset()) & predicted.get(second, frozenset())
        )
        if same_gold and same_predicted:
            result.true_pairs += 1
        elif same_predicted:
            result.false_pairs.append((first, second))
        elif same_gold:
            result.missed_pairs.append((first, second))


def cluster_section(result: ClusterResult, level: str = "###", shown: int = 10) -> str:
    lines = [
        f"{level} {result.name}: deduplication (pairwise, over the gold event key)",
        "",
        f"{result.documents} report(s) of {result.gold_events} gold event(s) became "
        f"{result.stored_events} stored event(s) in {result.seconds:.1f} s "
        f"(text similarity: {result.method}).",
        "",
        "| metric | value |",
        "|---|---|",
        f"| pairwise precision | {result.precision:.1%} |",
        f"| pairwise recall | {result.recall:.1%} |",
        f"| pairwise F1 | {result.f1:.1%} |",
        f"| pairs right / merged wrongly / missed | {result.true_pairs} / "
        f"{len(result.false_pairs)} / {len(result.missed_pairs)} |",
    ]
    for label, pairs in (("merged wrongly", result.false_pairs), ("missed", result.missed_pairs)):
        if pairs:
            lines += ["", f"Pairs {label}:", ""]
            lines += [f"- {a} + {b}" for a, b in pairs[:shown]]
    return "\n".join(lines) + "\n"
