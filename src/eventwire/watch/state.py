"""What `watch` remembers between runs, in the store's database (tables of migration 0003).

Sources keep their validators (ETag, Last-Modified) and their back-off; articles are keyed by
canonical URL with a status: `pending` (seen in a feed, not stored yet), `done` (stored),
`duplicate` (same content or same canonical page as one stored), `failed` (given up after the
retries).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.engine import Engine

from eventwire.store.schema import WatchItemRow, WatchSourceRow

sources = WatchSourceRow.__table__
items = WatchItemRow.__table__


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@dataclass
class PendingItem:
    url: str
    source_url: str
    attempts: int
    title: str | None
    published: date | None
    entry_text: str | None


class WatchState:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine

    # --- sources ---------------------------------------------------------------------------

    def source(self, url: str) -> dict[str, Any] | None:
        with self.engine.connect() as connection:
            row = connection.execute(select(sources).where(sources.c.url == url)).first()
            return dict(row._mapping) if row else None

    def due(self, url: str, at: datetime | None = None) -> bool:
        known = self.source(url)
        return not known or not known["next_try_at"] or known["next_try_at"] <= (at or now())

    def source_ok(self, url: str, status: int, etag: str | None, modified: str | None) -> None:
        known = self.source(url) or {}
        self._put_source(
            url,
            etag=etag or known.get("etag"),
            last_modified=modified or known.get("last_modified"),
            last_checked=now(),
            last_status=status,
            failures=0,
            next_try_at=None,
            last_error=None,
        )

    def source_failed(self, url: str, reason: str, base_delay: float, max_delay: float) -> float:
        """Record a failure; returns the seconds until the source is tried again."""
        known = self.source(url) or {}
        failures = int(known.get("failures") or 0) + 1
        delay = min(base_delay * 2 ** (failures - 1), max_delay)
        self._put_source(
            url,
            etag=known.get("etag"),
            last_modified=known.get("last_modified"),
            last_checked=now(),
            last_status=None,
            failures=failures,
            next_try_at=now() + timedelta(seconds=delay),
            last_error=reason,
        )
        return delay

    def _put_source(self, url: str, **values: Any) -> None:
        with self.engine.begin() as connection:
            exists = connection.execute(select(sources.c.url).where(sources.c.url == url)).first()
            if exists:
                connection.execute(update(sources).where(sources.c.url == url).values(**values))
            else:
                connection.execute(insert(sources).values(url=url, **values))

    # --- articles --------------------------------------------------------------------------

    def known(self, url: str) -> str | None:
        """The status of an article URL (canonical), or None when never seen."""
        with self.engine.connect() as connection:
            return connection.scalar(select(items.c.status).where(items.c.url == url))

    def hash_seen(self, digest: str) -> bool:
        with self.engine.connect() as connection:
            query = select(items.c.url).where(
                (items.c.content_hash == digest) & (items.c.status == "done")
            )
            return connection.execute(query.limit(1)).first() is not None

    def add_pending(
        self, url: str, source_url: str, title: str | None, published: date | None, text: str | None
    ) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                insert(items).values(
                    url=url, source_url=source_url, status="pending", attempts=0, title=title,
                    published=published, entry_text=text, updated_at=now(),
                )
            )  # fmt: skip

    def pending(self, at: datetime | None = None) -> list[PendingItem]:
        query = (
            select(items)
            .where(items.c.status == "pending")
            .where(or_(items.c.next_try_at.is_(None), items.c.next_try_at <= (at or now())))
            .order_by(items.c.updated_at, items.c.url)
        )
        with self.engine.connect() as connection:
            return [
                PendingItem(r.url, r.source_url, r.attempts, r.title, r.published, r.entry_text)
                for r in connection.execute(query)
            ]

    def item_failed(self, url: str, reason: str, delay: float, give_up: bool) -> None:
        self._update_item(
            url,
            status="failed" if give_up else "pending",
            attempts=items.c.attempts + 1,
            last_error=reason,
            next_try_at=now() + timedelta(seconds=delay),
        )

    def item_stored(self, url: str, source_url: str, status: str, digest: str, doc: str) -> None:
        """Mark an article `done` or `duplicate` (inserting it for a page polled directly)."""
        values = {"status": status, "content_hash": digest, "document_id": doc, "last_error": None}
        if self.known(url) is None:
            with self.engine.begin() as connection:
                connection.execute(
                    insert(items).values(
                        url=url, source_url=source_url, attempts=0, updated_at=now(), **values
                    )
                )
            return
        self._update_item(url, **values)

    def _update_item(self, url: str, **values: Any) -> None:
        with self.engine.begin() as connection:
            connection.execute(
                update(items).where(items.c.url == url).values(updated_at=now(), **values)
            )
