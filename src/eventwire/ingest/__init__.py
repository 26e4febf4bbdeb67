"""Ingest stage: turn files (txt, jsonl, html, RSS/Atom feeds, stdin) into `Document`s.

`read_inputs` yields a `Document` or an `InputError` per input unit, so one bad file never stops a
run; the caller reports errors and goes on.
"""

from eventwire.ingest.readers import InputError, read_inputs, read_path

__all__ = ["InputError", "read_inputs", "read_path"]
