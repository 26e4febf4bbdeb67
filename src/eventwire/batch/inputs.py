"""Batch inputs: files, directories (recursed) and globs, read by the `eventwire.ingest` readers."""

from __future__ import annotations

import glob
from collections.abc import Iterable, Iterator
from datetime import date
from itertools import islice
from pathlib import Path

from eventwire.ingest import InputError, read_inputs
from eventwire.ingest.readers import FEED_SUFFIXES, HTML_SUFFIXES, JSONL_SUFFIXES, Read
from eventwire.models import Document

DIRECTORY_SUFFIXES = frozenset({".txt", *JSONL_SUFFIXES, *HTML_SUFFIXES, *FEED_SUFFIXES})
"""What a directory contributes: files of a kind `ingest` reads (a file named outright is always
read, whatever its name)."""
_GLOB_CHARS = frozenset("*?[")


def expand_inputs(inputs: Iterable[str]) -> Iterator[str | InputError]:
    """Paths to read, in a stable order: a directory's files sorted, a glob's matches sorted."""
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            yield from _directory_files(path, item)
        elif not path.exists() and _GLOB_CHARS & set(item):
            matches = sorted(m for m in glob.glob(item, recursive=True) if Path(m).is_file())
            yield from matches or [InputError(item, "no file matches this pattern")]
        else:
            yield item  # a file, '-', or a missing path the reader reports


def _directory_files(directory: Path, origin: str) -> Iterator[str | InputError]:
    files = sorted(
        file
        for file in directory.rglob("*")
        if file.is_file()
        and file.suffix.lower() in DIRECTORY_SUFFIXES
        and not any(part.startswith(".") for part in file.relative_to(directory).parts)
    )
    if not files:
        yield InputError(origin, "directory holds no .txt, .jsonl, .html or feed file")
    yield from (str(file) for file in files)


def read_all(inputs: Iterable[str], published: date | None) -> Iterator[Read]:
    """Every document or input error of the inputs, lazily, in input order."""
    for path in expand_inputs(inputs):
        if isinstance(path, InputError):
            yield path
        else:
            yield from read_inputs([path], published)


def count_documents(inputs: list[str], published: date | None) -> int | None:
    """How many documents the inputs hold (a silent first read, for a progress total); None when
    standard input is among them, since it can be read only once."""
    if "-" in inputs:
        return None
    return sum(isinstance(item, Document) for item in read_all(inputs, published))


def chunked(documents: Iterable[Document], size: int) -> Iterator[list[Document]]:
    iterator = iter(documents)
    while chunk := list(islice(iterator, size)):
        yield chunk
