"""Frames the rules used to leave untyped: bombs and explosions stated plainly, forces seen,
regrouping, deployed or changing sides (own fixtures)."""

from __future__ import annotations

import pytest

from tests.test_event_type import typed

BOMBINGS = [
    # wire copy
    (
        "Myanmar",
        "Resistance fighters bombed a power pylon outside Kalay overnight. No one was hurt.",
    ),
    # local press
    ("Myanmar", "There were three explosions along Strand Road in Dagon on Monday morning."),
    # translated
    ("Mali", "On Thursday there was an explosion near the water tower of Niono, injuring a guard."),
]

MOVEMENTS = [
    # wire copy
    ("Somalia", "Dozens of Al Shabaab fighters were seen regrouping near the village of Dhagax."),
    # local press
    ("Afghanistan", "Twelve soldiers switched sides and joined the Taliban in the Nahrin valley."),
    # translated
    ("Mali", "Additional troops were deployed to the town of Tessit on Sunday, residents said."),
]


@pytest.mark.parametrize(("country", "text"), BOMBINGS)
def test_a_bombing_stated_plainly_is_a_remote_explosive(country: str, text: str) -> None:
    frame = typed(text, country)
    assert frame.sub_event_type == "Remote explosive/landmine/IED", frame.notes


def test_bombed_from_the_air_stays_an_air_strike() -> None:
    frame = typed("Warplanes bombed the market of Tamsa on Friday, killing four.", "Sudan")
    assert frame.sub_event_type == "Air/drone strike", frame.notes


@pytest.mark.parametrize(("country", "text"), MOVEMENTS)
def test_forces_seen_moving_or_changing_sides_are_a_change_of_activity(
    country: str, text: str
) -> None:
    frame = typed(text, country)
    assert (frame.event_type, frame.sub_event_type) == (
        "Strategic developments",
        "Change to group/activity",
    ), frame.notes


FIRE_FROM_AFAR = [
    ("Myanmar", "Two army helicopters opened fire on the market of Kani on Sunday, killing three."),
    ("Myanmar", "Junta troops fired a dozen artilleries towards Mindat on Monday, residents said."),
]


@pytest.mark.parametrize(("country", "text"), FIRE_FROM_AFAR)
def test_fire_from_helicopters_or_artillery_is_remote_violence(country: str, text: str) -> None:
    frame = typed(text, country)
    assert frame.event_type == "Explosions/Remote violence", frame.notes
