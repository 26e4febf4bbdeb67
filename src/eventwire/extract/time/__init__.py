"""Time: the event's absolute date and its precision. `anchor` finds the report's own date (a
wire dateline, a byline in the page) and the page's dates that are never the event's, `rules`
resolves date mentions against that date, `lexicon` holds the words
(data/lexicons/time.toml), `calendar` the arithmetic, `windows` which dates a trigger reaches,
and `extractor` chooses the event's date and keeps its wording (`date_evidence`).
"""

from eventwire.extract.time.extractor import Staleness, attachment, make_time_extractor
from eventwire.extract.time.lexicon import alternation, time_lexicon
from eventwire.extract.time.rules import DateMention, resolve_dates
from eventwire.registry import register

register("time")(make_time_extractor)

__all__ = [
    "DateMention",
    "Staleness",
    "alternation",
    "attachment",
    "make_time_extractor",
    "resolve_dates",
    "time_lexicon",
]
