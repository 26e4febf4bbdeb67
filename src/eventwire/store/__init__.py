"""Store stage: documents, events and claims in SQLite (default) or PostgreSQL via SQLAlchemy 2."""

from eventwire.store.repository import EventFilter, Store, default_url

__all__ = ["EventFilter", "Store", "default_url"]
