"""Place: where the event happened, geocoded offline through `eventwire.geo`. `mentions` finds
the place names and their cues, `brackets` reads "Town (Province)" notes, and `extractor`
chooses among the candidates and sets the precision.
"""

from eventwire.extract.place.extractor import (
    CountryTally,
    PlaceExtractor,
    country_code,
    make_place_extractor,
)
from eventwire.registry import register

register("place")(make_place_extractor)

__all__ = ["CountryTally", "PlaceExtractor", "country_code", "make_place_extractor"]
