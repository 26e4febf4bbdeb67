"""Fit a user's own event-type classifier from an ACLED export (`eventwire train`).

The shipped default types events by transparent rules; a user who holds an ACLED export can fit
this multinomial naive Bayes on its notes and use it with `--model`. The model file holds word
counts of the user's data, so it is the user's to keep: nothing trained is shipped.
"""

from eventwire.extract.event_type import NaiveBayes, tokens
from eventwire.train.acled import read_training_rows, train_acled

__all__ = ["NaiveBayes", "read_training_rows", "tokens", "train_acled", "use_model"]


def use_model(pipeline, path: str | None):  # type: ignore[no-untyped-def]
    """The pipeline with its event-type extractor replaced by the trained model at `path`."""
    if not path:
        return pipeline
    from eventwire.extract.event_type import model_extractor

    pipeline.extractors = [
        (name, model_extractor(path) if name == "event_type" else extractor)
        for name, extractor in pipeline.extractors
    ]
    return pipeline
