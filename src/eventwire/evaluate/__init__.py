"""The evaluation harness: score the pipeline against human-coded gold data, field by field.

    from eventwire.evaluate import evaluate_file, run_section, worst_cases
    result = evaluate_file(Path("acled.csv"))   # format sniffed, published = gold date + 3 days

Modules: `gold` (records), `readers` (GTD, JSONL gold and no-event texts), `acled` (ACLED
exports in all their shapes), `matching` (how names compare), `metrics` (pure metric functions),
`scoring` (pairing and per-field cases), `runner` (the pipeline over a gold set), `report`
(Markdown tables, worst cases, the history file), `negatives` (false events on no-event texts),
`breakdown` (per-country and per-region rows), `markdown` (table helpers), `clusters`
(deduplication over gold event keys), `ceiling` (what the gazetteer lets an extractor reach),
`reliability` (the share of real events per confidence bin, and recall at other thresholds).
"""

from eventwire.evaluate.readers import read_gold, sniff_format
from eventwire.evaluate.report import add_to_history, dataset_section, run_section, worst_cases
from eventwire.evaluate.runner import EvalResult, evaluate_file, evaluate_gold, score_predictions

__all__ = [
    "EvalResult",
    "add_to_history",
    "dataset_section",
    "evaluate_file",
    "evaluate_gold",
    "read_gold",
    "run_section",
    "score_predictions",
    "sniff_format",
    "worst_cases",
]
