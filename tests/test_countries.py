from __future__ import annotations

from eventwire.geo import acled_country, acled_name, country_by_name


def test_acled_spellings_differ_from_geonames_where_acled_does() -> None:
    assert acled_name("CD") == "Democratic Republic of Congo"
    assert acled_name("COG") == "Republic of Congo"
    assert acled_name("PS") == "Palestine"
    assert acled_name("CIV") == "Ivory Coast"
    assert acled_name("SZ") == "eSwatini"
    assert acled_name("ML") == "Mali"


def test_codes_and_regions() -> None:
    yemen = acled_country("ye")
    assert yemen is not None
    assert (yemen.alpha3, yemen.numeric, yemen.region) == ("YEM", 887, "Middle East")
    assert acled_country("AFG").region == "Caucasus and Central Asia"
    assert acled_country("BFA").region == "Western Africa"
    assert acled_country("XK").name == "Kosovo"


def test_unknown_codes_and_names() -> None:
    assert acled_country("QQ") is None and acled_country(None) is None
    assert acled_name("QQ", "Somewhere") == "Somewhere"
    assert country_by_name("democratic republic of congo").alpha2 == "CD"
    assert country_by_name("Palestinian Territory") is None
