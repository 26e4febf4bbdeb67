"""Export stage: write events as JSONL (the contract), flat CSV, ACLED-style CSV, UCDP-GED CSV,
GeoJSON or Parquet."""

from eventwire.export.writers import BINARY_FORMATS, FORMATS, write_events, write_events_binary

__all__ = ["BINARY_FORMATS", "FORMATS", "write_events", "write_events_binary"]
