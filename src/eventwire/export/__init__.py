"""Export stage: write events as JSONL (the contract), flat CSV, ACLED-style CSV or GeoJSON."""

from eventwire.export.writers import FORMATS, write_events

__all__ = ["FORMATS", "write_events"]
