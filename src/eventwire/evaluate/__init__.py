"""The evaluation harness: score the pipeline against human-coded gold data, field by field.

    from eventwire.evaluate import evaluate_file, run_section, worst_cases
    result = evaluate_file(Path("acled.csv"))   # format sniffed, published = gold date + 3 days

Modules: `gold` (records), `readers` (ACLED, GTD, JSONL gold), `matching` (how names compare),
`metrics` (pure metric functions), `scoring` (pairing and per-field cases), `runner` (the
pipeline over a gold set), `report` (Markdown tables, worst cases, the history file).
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
