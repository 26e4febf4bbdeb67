"""Global disambiguation: a place's country must fit the rest of the text (places and units
named beside it, actors' sides, demonyms); the country names follow ACLED's spelling."""

from __future__ import annotations

from eventwire.extract.place.extractor import make_place_extractor
from eventwire.models import Location
from tests.helpers import make_frame


def locate(text: str) -> Location | None:
    frame = make_frame(text, "2024-02-12")
    make_place_extractor()(frame)
    return frame.location


def test_a_village_and_its_unit_fix_the_country_over_the_attackers_demonym() -> None:
    location = locate("Russian forces shelled near Oleksandropil, Donetsk, on Monday.")
    assert location is not None and location.iso3 == "UKR"
    assert location.name == "Oleksandropil" and location.geo_precision == 2


def test_a_rallied_for_people_is_not_where_the_rally_is() -> None:
    location = locate(
        "On Friday, demonstrators marched in Sanaa in solidarity with the Palestinian people."
    )
    assert location is not None and (location.name, location.iso3) == ("Sanaa", "YEM")


def test_a_party_of_one_country_rules_out_a_namesake_abroad() -> None:
    location = locate("Awami League activists attacked a rival group in Krishnapur on Tuesday.")
    assert location is not None and location.iso3 == "BGD"
    assert location.geo_precision is None  # the village is not in the index: no point


def test_a_village_qualified_by_its_units_after_a_kind_word() -> None:
    location = locate("Militants attacked a checkpoint near Bacaad village (Bossaso, Bari).")
    assert location is not None and location.iso3 == "SOM"
    assert (location.name, location.admin1) == ("Bacaad", "Bari")


def test_an_organisation_and_its_acronym_is_no_place_and_unit() -> None:
    location = locate(
        "Members of the Accredited Social Health Activists (ASHA) protested in Haveri on Monday."
    )
    assert location is not None and location.iso3 == "IND"


def test_country_names_are_acled_spellings() -> None:
    location = locate("Gunmen killed three farmers in Beni on Sunday.")
    assert location is not None and location.iso3 == "COD"
    assert location.country == "Democratic Republic of Congo"


def test_a_place_word_inside_an_armed_group_name_is_no_place() -> None:
    location = locate(
        "Volunteers for the Defence of the Homeland fought off gunmen at a checkpoint in "
        "Titao on Monday, a local official said."
    )
    assert location is not None and location.iso3 == "BFA"
    assert location.name == "Titao"


def test_a_position_word_between_preposition_and_town_still_places_the_event() -> None:
    location = locate("Police fired tear gas at protesters in central Nairobi on Tuesday.")
    assert location is not None and (location.name, location.iso3) == ("Nairobi", "KEN")
    location = locate(
        "Traders marched through central Bamako on Monday. They gathered at the Grand Market."
    )
    assert location is not None and (location.name, location.iso3) == ("Bamako", "MLI")


def test_a_name_opening_with_an_article_is_found_whole() -> None:
    location = locate(
        "Paramilitaries shelled a camp on the northern edge of El Fasher on Sunday, "
        "volunteers said."
    )
    assert location is not None and (location.name, location.iso3) == ("El Fasher", "SDN")


def test_a_french_country_name_points_at_its_country() -> None:
    location = locate("Des hommes armés ont attaqué un village du Soudan dimanche.")
    assert location is not None and location.iso3 == "SDN"


def test_the_headline_names_the_country_the_body_does_not() -> None:
    from eventwire.extract.place.context import title_context
    from eventwire.geo import get_gazetteer

    gaz = get_gazetteer()
    assert title_context("Soudan : neuf morts près d'un camp", gaz) == {"SD": 1}
    assert title_context("Militia attack in Congo's Ituri kills 18", gaz) == {"CG": 1}
    assert title_context("Traders march against power cuts", gaz) == {}


def test_a_compass_word_qualifying_a_name_is_no_region_of_its_own() -> None:
    from eventwire.extract.place.mentions import find_mentions
    from eventwire.geo import get_gazetteer
    from tests.helpers import make_doc

    def names(text: str) -> list[str]:
        return [m.text for m in find_mentions(make_doc(text).sentences, get_gazetteer())]

    assert "Nord" not in names("Des tirs ont visé un camp au Darfour du Nord dimanche.")
    assert "Nord" in names("Des hommes armés ont attaqué Kaya, dans la région du Nord.")
