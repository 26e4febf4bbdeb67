"""Event type: ACLED's six types and 25 sub-types. `rules` scores the lexicon of
data/lexicons/event_types.toml, `decision` holds what the rules share, `crowds` decides protests
and riots, `crowd_sides` names their sides, `naive_bayes` is the classifier a user can train
(`eventwire train`), and `extractor` decides the rest and runs them in order.
"""

from eventwire.extract.event_type.extractor import (
    extract_event_type,
    make_event_type_extractor,
    model_extractor,
)
from eventwire.extract.event_type.naive_bayes import NaiveBayes, tokens
from eventwire.registry import register

register("event_type")(make_event_type_extractor)

__all__ = [
    "NaiveBayes",
    "extract_event_type",
    "make_event_type_extractor",
    "model_extractor",
    "tokens",
]
