"""Cross-document deduplication: is a newly extracted event one already stored?

    decision = attach_or_create(session, event, document)   # inside Store.save's transaction

Candidates come from an indexed date x place query (`candidates`), each pair is scored on date,
place, type, actors and text (`scoring`), and thresholds and weights live in `data/dedup.toml`.
"""

from eventwire.dedup.config import DedupConfig, load_config
from eventwire.dedup.matcher import Decision, attach_or_create, best_match
from eventwire.dedup.text import lexical_similarity, signature_text, text_method
from eventwire.registry import register


@register("dedup")
def make_linker() -> object:
    """The store's linker: `attach_or_create`, called in `Store.save`'s transaction."""
    return attach_or_create


__all__ = [
    "Decision",
    "DedupConfig",
    "attach_or_create",
    "best_match",
    "lexical_similarity",
    "load_config",
    "make_linker",
    "signature_text",
    "text_method",
]
