"""ACLED coding conventions for sides and sub-types, one invented report per rule."""

from __future__ import annotations

from tests.test_actors import actors_of
from tests.test_event_type import typed


def test_a_position_is_no_hedge_on_the_attack() -> None:
    first, second = actors_of(
        "Presumed ISWAP militants attacked a CJTF position near Bama. Two militants were "
        "reportedly killed and one CJTF member wounded.",
        "Nigeria",
    )
    assert first.name.startswith("ISWAP")
    assert second.name == "Civilian Joint Task Force"


def test_forces_that_exchange_fire_act_on_the_gunmen() -> None:
    first, second = actors_of(
        "Police officers exchanged gunfire with three gunmen near a bank in Kaya.", "Burkina Faso"
    )
    assert first.name == "Police Forces of Burkina Faso"
    assert second.name == "Unidentified Armed Group (Burkina Faso)"


def test_a_curfew_is_a_change_to_group_activity_by_the_government() -> None:
    frame = typed(
        "On Friday, the governor of the region extended the nightly curfew by one month.", "Niger"
    )
    assert (frame.event_type, frame.sub_event_type) == (
        "Strategic developments",
        "Change to group/activity",
    )
    assert frame.actor1.name == "Government of Niger"


def test_an_operation_launched_by_the_army_keeps_the_army() -> None:
    frame = typed(
        "The armed forces launched a new operation to secure the northern provinces on Monday.",
        "Mali",
    )
    assert frame.sub_event_type == "Change to group/activity"
    assert frame.actor1.name == "Military Forces of Mali"
