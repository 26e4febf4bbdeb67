"""Archive-scale batches: documents processed in parallel on dask.bag partitions, stored as
`eventwire ingest` stores them (see run.py for the guarantees)."""

from eventwire.batch.run import SCHEDULERS, BatchOptions, BatchTotals, run_batch
from eventwire.batch.worker import WorkerSettings

__all__ = ["SCHEDULERS", "BatchOptions", "BatchTotals", "WorkerSettings", "run_batch"]
