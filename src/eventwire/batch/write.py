"""The driver's write: a partition's documents and events in one transaction, by `Store.save`."""

from __future__ import annotations

import copy
from contextlib import AbstractContextManager, nullcontext
from typing import Any

from sqlalchemy.orm import Session

from eventwire.models import Document, Event
from eventwire.store import Store


class _JoinedSessions:
    """Stands in for `Store.session` so that every `save` of a partition, which opens its own
    `session.begin()`, joins the partition's one session instead: the same save path as
    `eventwire ingest` (dedup and merges included), committed or rolled back as a whole."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def begin(self) -> AbstractContextManager[Session]:
        return nullcontext(self._session)

    def __call__(self, **_options: Any) -> AbstractContextManager[Session]:
        return nullcontext(self._session)


def save_partition(store: Store, items: list[tuple[Document, list[Event]]]) -> list[bool]:
    """Save each (document, events) in order, all in one transaction; per document, False when it
    was stored before. Any error rolls back the whole partition and propagates."""
    with store.session.begin() as session:
        joined = copy.copy(store)
        joined.session = _JoinedSessions(session)  # type: ignore[assignment]
        return [joined.save(document, events) for document, events in items]
