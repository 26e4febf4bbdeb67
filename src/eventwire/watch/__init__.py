"""Live ingestion: poll RSS/Atom feeds and article pages, store what is new, remember what was seen.

watcher = Watcher(store, Fetcher(FetchPolicy()), pipeline_factory=Pipeline)
watcher.run(["https://example.org/feed.xml"], interval=300)
"""

from eventwire.watch.http import Fetcher, FetchError, FetchPolicy, Response
from eventwire.watch.runner import PollStats, Watcher, WatchOptions
from eventwire.watch.urls import canonical_link, canonical_url, content_hash

__all__ = [
    "FetchError",
    "FetchPolicy",
    "Fetcher",
    "PollStats",
    "Response",
    "WatchOptions",
    "Watcher",
    "canonical_link",
    "canonical_url",
    "content_hash",
]
