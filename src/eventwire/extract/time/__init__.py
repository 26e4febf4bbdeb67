"""Time: the event's absolute date and its precision. `rules` resolves date mentions against
the publication date, `lexicon` holds the words (data/lexicons/time.toml), `calendar` the
arithmetic, `windows` which dates a trigger reaches, and `extractor` chooses the event's date.
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
