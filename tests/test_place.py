"""The place extractor: toponyms found, geocoded offline, and the event's location chosen."""

from __future__ import annotations

import time

import pytest

from eventwire.extract.place.extractor import make_place_extractor
from eventwire.extract.place.mentions import find_mentions
from eventwire.geo.lookup import get_gazetteer
from eventwire.models import Location
from eventwire.registry import create
from tests.helpers import make_doc, make_frame


def locate(text: str, all_sentences: bool = False) -> Location | None:
    frame = make_frame(text, "2023-05-02", all_sentences=all_sentences)
    make_place_extractor()(frame)
    return frame.location


def test_small_town_attack_beats_a_reaction_from_paris() -> None:
    location = locate(
        "Gunmen killed at least 14 villagers in an attack on Gorom-Gorom in northern Burkina Faso "
        "on Sunday, local sources said. In Paris, the French foreign ministry condemned the "
        "killings and called for calm."
    )
    assert location is not None
    assert (location.name, location.country) == ("Gorom-Gorom", "Burkina Faso")
    assert location.iso3 == "BFA"
    assert location.admin1 == "Sahel" and location.admin2 == "Oudalan"
    assert location.geo_precision == 1
    assert location.latitude == pytest.approx(14.44, abs=0.05)


def test_embassy_seat_is_not_the_event_location() -> None:
    location = locate(
        "The French Embassy in Abuja said on Tuesday it was shocked after bandits killed nine "
        "traders in an attack on Gusau market in northwestern Nigeria."
    )
    assert location is not None and location.name == "Gusau"
    assert location.iso3 == "NGA" and location.geo_precision == 1


def test_near_a_town_is_precision_two() -> None:
    location = locate(
        "Suspected jihadists ambushed a supply convoy near Djibo on Monday, killing 11 soldiers, "
        "the Burkinabe army said."
    )
    assert location is not None and location.name == "Djibo"
    assert location.geo_precision == 2


def test_distance_from_a_town_is_precision_two() -> None:
    location = locate(
        "Armed men killed four gendarmes in an ambush 40 km north of Dori on Thursday."
    )
    assert location is not None and location.name == "Dori"
    assert location.geo_precision == 2 and location.iso3 == "BFA"


def test_region_only_is_precision_three_at_its_centre() -> None:
    location = locate(
        "Militants killed 20 civilians in the Sahel region of Burkina Faso last week, the "
        "government said."
    )
    assert location is not None
    assert (location.name, location.admin1, location.iso3) == ("Sahel", "Sahel", "BFA")
    assert location.geo_precision == 3
    assert location.latitude is not None and location.longitude is not None


def test_state_named_after_its_capital_is_the_region() -> None:
    location = locate(
        "Gunmen abducted 30 pupils and killed a guard at a school in Kaduna state, police said."
    )
    assert location is not None and location.admin1 == "Kaduna"
    assert location.geo_precision == 3


def test_ambiguous_name_follows_the_country_in_the_text() -> None:
    in_burkina = locate("Gunmen killed eight farmers in Bama, a town in western Burkina Faso.")
    default = locate("Gunmen killed eight farmers in Bama on Friday, residents said.")
    assert in_burkina is not None and in_burkina.iso3 == "BFA"
    assert default is not None and default.iso3 == "NGA"  # the larger Bama without context


def test_demonym_gives_the_country_context() -> None:
    location = locate(
        "Jihadists killed 15 people in Koro on Wednesday. Malian authorities confirmed the toll."
    )
    assert location is not None and location.iso3 == "MLI" and location.admin1 == "Mopti"


def test_country_only_has_no_coordinates() -> None:
    location = locate("Three people were killed in clashes in northern Mali on Tuesday.")
    assert location == Location(name="Mali", country="Mali", iso3="MLI")


def test_no_place_gives_no_location() -> None:
    assert locate("Two people were killed in a shooting on Tuesday, witnesses said.") is None


def test_country_hint_follows_the_location() -> None:
    frame = make_frame("Gunmen killed six herders near Tillaberi in western Niger.", "2023-05-02")
    make_place_extractor()(frame)
    assert frame.location is not None and frame.location.iso3 == "NER"
    assert frame.country_hint == "NE"


def test_unparsed_sentences_are_matched_by_capitalised_words() -> None:
    doc = make_doc("The delegation travelled on to Kaya afterwards. Many people watched.")
    assert all(s.parse is None for s in doc.sentences)
    mentions = find_mentions(doc.sentences, get_gazetteer())
    assert [m.text for m in mentions] == ["Kaya"]
    assert mentions[0].label is None


def test_place_names_inside_organisations_are_not_mentions() -> None:
    doc = make_doc("The Alliance of Sahel States met the Niger Delta Development Fund.")
    assert [m.text for m in find_mentions(doc.sentences, get_gazetteer())] == []


def test_registered_component_sets_the_location() -> None:
    text = "Al-Shabaab militants killed 12 people at a hotel in Mogadishu."
    frame = make_frame(text, "2023-05-02")
    create("place")(frame)
    assert frame.location is not None and frame.location.name == "Mogadishu"
    assert frame.location.iso3 == "SOM" and frame.location.geonames_id is not None


def test_extraction_is_fast_once_warm() -> None:
    frame = make_frame(
        "Insurgents killed five soldiers in an attack on a base in Kidal, the Malian army said. "
        "The United Nations in New York expressed concern.",
        "2023-05-02",
        all_sentences=True,
    )
    extractor = make_place_extractor()
    extractor(frame)
    started = time.perf_counter()
    for _ in range(20):
        extractor(frame)
    assert (time.perf_counter() - started) / 20 < 0.02
    assert frame.location is not None and frame.location.name == "Kidal"


def test_bracketed_admin_locates_an_unknown_village() -> None:
    location = locate("Militants burned a clinic in Wendoubou (Gayeri, Komondjari) on Friday.")
    assert location is not None and location.iso3 == "BFA"
    assert location.geo_precision in (2, 3)


def _located(text: str, country: str | None = None) -> Location | None:
    frame = make_frame(text, "2022-11-08")
    make_place_extractor(country=country)(frame)
    return frame.location


def test_country_option_accepts_codes_and_names() -> None:
    from eventwire.extract.place.extractor import country_code

    assert country_code("BF") == country_code("bfa") == country_code("Burkina Faso") == "BF"
    with pytest.raises(ValueError):
        country_code("Atlantis")


def test_country_prior_locates_a_text_that_never_names_it() -> None:
    text = "Gunmen shot dead two herders at a well in Kelbo on Saturday."
    assert _located(text, "BF") is not None
    assert _located(text, "BF").iso3 == "BFA"


def test_country_prior_beats_an_obscure_foreign_homonym() -> None:
    # 'Seno' is also a town in Laos; with Burkina Faso as the prior it is the province.
    location = _located("Militants raided a cattle market in Seno province on Monday.", "BFA")
    assert location is not None and location.iso3 == "BFA"


def test_bracket_anchor_fixes_the_country_without_any_prior() -> None:
    location = _located("Armed men looted shops in Wendkouni (Gorgadji, Seno) on Sunday.")
    assert location is not None and location.iso3 == "BFA"
    assert location.name == "Wendkouni" and location.admin2 in ("Séno", "Seno")


def test_bracket_with_a_known_commune_uses_the_commune_at_precision_two() -> None:
    location = _located("Gunmen killed a trader in Zindiga (Djibo, Soum) on Tuesday.")
    assert location is not None and location.name == "Zindiga"
    assert location.geo_precision == 2
    assert location.latitude is not None and 13.9 < location.latitude < 14.3


def test_bracket_with_a_known_town_uses_the_town() -> None:
    location = _located("Teachers marched in Kaya (Kaya, Sanmatenga) on Thursday.")
    assert location is not None and location.name == "Kaya" and location.geo_precision == 1
    assert location.iso3 == "BFA"


def test_qualifier_names_are_not_chosen_over_the_qualified_place() -> None:
    location = _located("Soldiers repelled an attack near Kourao (Tongomayel, Soum) overnight.")
    assert location is not None and location.name == "Kourao"


# --- geo precision (ACLED) and admin units -----------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Soldiers clashed with militants in the area of Ouahigouya, Burkina Faso, on Friday.",
        "Militants attacked the Ouahigouya area of Burkina Faso overnight, killing two.",
        "An explosive device struck a truck between Ouahigouya and Titao in Burkina Faso.",
        "Gunmen killed three traders on the outskirts of Ouahigouya, Burkina Faso.",
    ],
)
def test_areas_roads_and_outskirts_are_precision_two(text: str) -> None:
    location = locate(text)
    assert location is not None and location.name == "Ouahigouya"
    assert location.geo_precision == 2 and location.iso3 == "BFA"


@pytest.mark.parametrize(
    "text",
    [
        "Police dispersed a rally in Sabalibougou, a district of Bamako, on Friday, injuring four.",
        "Police dispersed a rally in the Sabalibougou neighbourhood of Bamako, injuring four.",
        "Police dispersed a rally in Bamako's Sabalibougou district, injuring four.",
    ],
)
def test_a_district_of_a_city_is_the_city_at_precision_two(text: str) -> None:
    location = locate(text)
    assert location is not None and location.name == "Bamako"
    assert location.geo_precision == 2 and location.iso3 == "MLI"
    assert location.admin1 == "Bamako" and location.admin2 == "Bamako"


def test_a_site_resolves_to_its_town_at_precision_one() -> None:
    location = locate("A rocket hit Gao airport on Sunday, wounding three peacekeepers.")
    assert location is not None and location.name == "Gao"
    assert location.geo_precision == 1 and location.iso3 == "MLI"


def test_an_attack_verb_attaches_a_bare_town_name() -> None:
    location = locate("Jihadists stormed Sebba in Burkina Faso on Tuesday, killing five.")
    assert location is not None and location.name == "Sebba"
    assert location.admin2 == "Yagha"


def test_a_town_gets_the_admin2_named_after_it() -> None:
    location = locate("Gunmen killed four herders near Ansongo in Mali on Wednesday.")
    assert location is not None and location.name == "Ansongo"
    assert location.admin1 == "Gao" and location.admin2 == "Ansongo"


def test_a_region_alone_has_no_admin2_and_precision_three() -> None:
    location = locate("Fighting in the Tillaberi region of Niger killed eleven soldiers.")
    assert location is not None and location.iso3 == "NER"
    assert location.geo_precision == 3 and location.admin2 is None
    assert location.latitude is not None


def test_bracket_anchor_without_its_own_centre_falls_back_to_its_region() -> None:
    # Poni's seat (Gaoua) is not named after it; the shipped Burkina dump knows the commune
    # Kampti, which stands in for the village: precision 2
    location = locate("Armed men burned granaries in Kpolpar (Kampti, Poni) on Sunday.")
    assert location is not None and location.name == "Kpolpar"
    assert location.admin1 == "Sud-Ouest" and location.admin2 == "Poni"
    assert location.geo_precision == 2 and location.latitude is not None


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen abducted a herder in the hamlet of Wuro Kessu near the Niger border.",
        "Soldiers clashed with militants close to the border with Niger, the army said.",
        "The attackers, who came from Niger, burned the granaries of Wuro Kessu.",
    ],
)
def test_a_neighbour_named_as_border_or_origin_is_not_the_event_country(text: str) -> None:
    frame = make_frame(text, "2023-05-02", all_sentences=True)
    make_place_extractor(country="BF")(frame)
    assert frame.location is not None
    assert frame.location.iso3 == "BFA"


def test_auto_country_learns_the_dominant_country_of_a_run() -> None:
    extractor = make_place_extractor(country="auto")
    towns = ["Djibo", "Dori", "Kaya", "Ouahigouya", "Fada N'gourma", "Gorom-Gorom"]
    for number in range(24):
        frame = make_frame(f"Gunmen attacked {towns[number % 6]} on Sunday.", "2023-05-02")
        extractor(frame)
        assert frame.location is not None and frame.location.iso3 == "BFA"
    village = make_frame("Gunmen attacked the village of Wuro Kessu on Sunday.", "2023-05-02")
    extractor(village)
    assert village.location is not None and village.location.iso3 == "BFA"
    assert village.location.latitude is None  # the village itself is not in the gazetteer


def test_auto_country_gives_no_prior_to_a_mixed_run() -> None:
    extractor = make_place_extractor(country="auto")
    for number in range(24):
        town = ["Djibo", "Maiduguri", "Gao", "Kidal"][number % 4]
        extractor(make_frame(f"Gunmen attacked {town} on Sunday.", "2023-05-02"))
    village = make_frame("Gunmen attacked the village of Wuro Kessu on Sunday.", "2023-05-02")
    extractor(village)
    assert village.location is None


def test_a_comma_chain_ending_in_a_country_anchors_an_unknown_village() -> None:
    location = locate("Assailants burned a school in Wuro Kessu, Centre-Nord, Burkina Faso.")
    assert location is not None
    assert (location.name, location.iso3, location.admin1) == ("Wuro Kessu", "BFA", "Centre-Nord")
    assert location.geo_precision == 3


def test_a_comma_chain_opened_by_an_attack_verb_anchors_the_village() -> None:
    location = locate("Gunmen raided Wuro Kessu village, Extreme-North, Cameroon, on Sunday.")
    assert location is not None
    assert (location.name, location.iso3, location.admin1) == ("Wuro Kessu", "CMR", "Far North")


def test_a_comma_chain_names_its_unit_kind() -> None:
    location = locate("A bomb exploded in Wuro Kessu, Far North region, Cameroon, on Sunday.")
    assert location is not None
    assert (location.iso3, location.admin1) == ("CMR", "Far North")


def test_a_chain_names_its_unit_in_english_or_without_its_kind_word() -> None:
    cameroon = locate("Gunmen raided Wuro Kessu, Extreme-North, Cameroon, on Sunday.")
    bahrain = locate("A bomb went off in Wuro Kessu, Southern, Bahrain, on Sunday.")
    assert cameroon is not None and (cameroon.iso3, cameroon.admin1) == ("CMR", "Far North")
    assert bahrain is not None and (bahrain.iso3, bahrain.admin1) == ("BHR", "Al Janūbīyah")


def test_an_embassy_attacked_is_the_site_and_its_demonym_not_the_country() -> None:
    location = locate(
        "A man stabbed a guard near the Iranian Embassy in Vienna, Austria, on Sunday. "
        "The guard was wounded and the attacker was shot dead.",
        all_sentences=True,
    )
    assert location is not None
    assert (location.name, location.iso3) == ("Vienna", "AUT")


def test_a_coders_coded_as_statement_is_the_location_with_its_precision() -> None:
    location = locate(
        "Gunmen burned the granaries of Wuro Kessu, a hamlet near Kaya "
        "(coded as Kongoussi at geoprecision 2), on Sunday."
    )
    assert location is not None
    assert (location.name, location.geo_precision) == ("Kongoussi", 2)


def test_a_road_named_by_two_towns_is_located_near_the_first() -> None:
    for text in (
        "An IED hit a convoy on the axis Dori-Sebba on Sunday.",
        "An IED hit a convoy on the Dori-Sebba road on Sunday.",
    ):
        location = locate(text)
        assert location is not None, text
        assert (location.name, location.geo_precision) == ("Dori", 2), text


def test_a_hyphenated_village_is_not_split_outside_a_road() -> None:
    frame = make_frame("Gunmen raided Dori-Peulh on Sunday.", "2023-05-02")
    mentions = find_mentions(frame.sentences, get_gazetteer())
    assert [m.text for m in mentions] == []


def test_a_facility_named_after_its_town_locates_the_event_in_the_town() -> None:
    location = locate("Nurses held a sit-in at the Regional Hospital of Ouahigouya on Monday.")
    assert location is not None and location.name == "Ouahigouya"
    assert locate("Nurses held a sit-in at the Bank of Kaya on Monday.") is None


def test_a_country_prior_rules_out_an_unnamed_foreign_namesake() -> None:
    text = "Soldiers detained six men in the village of Sana on Sunday."
    frame = make_frame(text, "2023-05-02")
    make_place_extractor(country="BF")(frame)
    assert frame.location is not None and frame.location.iso3 == "BFA"
    named = make_frame("A car bomb exploded in Sana, Yemen, on Sunday.", "2023-05-02")
    make_place_extractor(country="BF")(named)
    assert named.location is not None and named.location.iso3 == "YEM"


def test_a_bracketed_town_the_index_links_to_no_admin2_is_found_at_its_units_centre() -> None:
    location = locate("Workers marched in Gaoua (Gaoua, Poni) on Saturday.")
    assert location is not None
    assert (location.name, location.geo_precision) == ("Gaoua", 1)
