"""The sides of a clash in the report's order when the parse gives no role (fixtures written for
these tests: invented places and wordings)."""

from __future__ import annotations

import pytest

from eventwire.extract.actors.extractor import extract_actors
from eventwire.extract.actors.order import AGENT, TARGET, surface_role
from eventwire.models import Location
from tests.helpers import make_frame


def role_of(text: str, name: str) -> str | None:
    start = text.index(name)
    return surface_role(text, start, start + len(name))


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Renewed clashes between the ENDF and TPLF fighters near Adi Keshet.", "ENDF", AGENT),
        ("Renewed clashes between the ENDF and TPLF fighters near Adi Keshet.", "TPLF", TARGET),
        ("Heavy fighting broke out between Fano and the army.", "army", TARGET),
        ("Gunfights reported between police and Al Shabaab in Kuda.", "police", AGENT),
        ("OLF militants clashed with federal forces at Gimbo.", "OLF", AGENT),
        ("OLF militants clashed with federal forces at Gimbo.", "federal forces", TARGET),
        ("The army said; later, TPLF clashed with nobody.", "army", None),
        ("Soldiers killed two men near Tulla.", "Soldiers", None),
    ],
)
def test_surface_order(text: str, name: str, role: str | None) -> None:
    assert role_of(text, name) == role


def test_clash_between_keeps_the_order_of_the_report() -> None:
    text = (
        "Fighting went on around Mai Hanse for a week. Monitors logged it as part "
        "of the wider war. The dates are estimates of the repeated clashes between the ENDF and "
        "the Tigrayan forces, represented by the TPLF."
    )
    frame = make_frame(text, "2021-01-12", all_sentences=True)
    frame.location = Location(name="Mai Hanse", country="Ethiopia")
    extract_actors(frame)
    assert frame.actor1 is not None and frame.actor1.name.startswith("Military Forces of Ethiopia")
    assert frame.actor2 is not None and frame.actor2.name.startswith("TPLF")


@pytest.mark.parametrize(
    "text",
    [
        "On 3 March, a military truck struck a landmine near Ywa Thit village.",
        "An explosion damaged a military-owned relay tower outside Kanbalu.",
    ],
)
def test_a_thing_of_the_forces_is_what_was_hit(text: str) -> None:
    frame = make_frame(text, "2021-03-05", all_sentences=True)
    frame.location = Location(name="Kanbalu", country="Myanmar")
    extract_actors(frame)
    assert frame.actor1 is not None and frame.actor1.name == "Unidentified Armed Group (Myanmar)"
    assert frame.actor2 is not None and frame.actor2.name.startswith("Military Forces of Myanmar")


def test_the_country_fired_at_intercepted() -> None:
    text = (
        "On 4 May, Hamas militants fired rockets toward Netivot; several were intercepted over "
        "open fields."
    )
    frame = make_frame(text, "2023-05-06", all_sentences=True)
    frame.location = Location(name="Netivot", country="Israel")
    extract_actors(frame)
    assert frame.actor1 is not None and frame.actor1.name.startswith("Military Forces of Israel")
    assert frame.actor2 is not None and frame.actor2.name == "Hamas Movement"


def test_forces_that_intercept_a_convoy_are_no_interception() -> None:
    text = "On 4 May, soldiers intercepted a convoy of JNIM fighters near Djibo and killed ten."
    frame = make_frame(text, "2023-05-06", all_sentences=True)
    frame.location = Location(name="Djibo", country="Burkina Faso")
    extract_actors(frame)
    assert frame.actor1 is not None and frame.actor1.name.startswith("Military Forces of Burkina")


def test_the_named_side_of_a_clash_that_only_counts_victims_acted() -> None:
    text = (
        "On 2 June, four army personnel were killed during clashes with Taliban fighters in Dand."
    )
    frame = make_frame(text, "2020-06-04", all_sentences=True)
    frame.location = Location(name="Dand", country="Afghanistan")
    extract_actors(frame)
    assert frame.actor1 is not None and frame.actor1.name == "Taliban"
    assert frame.actor2 is not None and frame.actor2.name.startswith("Military Forces of Afghan")


def test_who_acts_in_the_aftermath_did_not_start_it() -> None:
    text = (
        "On 8 July, an unknown armed group threw a grenade at a police station in Thaketa. "
        "Afterwards, soldiers fired about twenty rounds into the air."
    )
    frame = make_frame(text, "2021-07-10", all_sentences=True)
    frame.location = Location(name="Thaketa", country="Myanmar")
    extract_actors(frame)
    assert frame.actor1 is not None and frame.actor1.name == "Unidentified Armed Group (Myanmar)"
