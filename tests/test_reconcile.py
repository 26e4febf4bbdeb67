"""Reconciling claims into low/best/high, and ACLED's single conservative figure."""

from __future__ import annotations

from datetime import date

from eventwire.models import Claim, Figures
from eventwire.reconcile import acled_fatalities, reconcile
from eventwire.registry import create


def claim(
    low: int,
    high: int | None,
    qualifier: str = "exact",
    source: str | None = None,
    kind: str = "killed",
    victims: str = "unknown",
    span: tuple[int, int] = (0, 10),
    reported_at: date | None = date(2022, 3, 4),
) -> Claim:
    return Claim(
        kind=kind,  # type: ignore[arg-type]
        low=low,
        high=high,
        qualifier=qualifier,  # type: ignore[arg-type]
        victims=victims,  # type: ignore[arg-type]
        source=source,
        document_id="doc-9",
        span=span,
        quote="",
        reported_at=reported_at,
    )


def test_nothing_reported_is_all_none() -> None:
    assert reconcile([]) == (Figures(), Figures())
    assert acled_fatalities([]) == 0


def test_explicit_zero_is_zero_not_none() -> None:
    fatalities, injuries = reconcile([claim(0, 0)])
    assert fatalities == Figures(0, 0, 0)
    assert injuries == Figures()
    assert acled_fatalities([claim(0, 0)]) == 0


def test_three_sources_low_best_high() -> None:
    claims = [
        claim(51, None, "more_than", "security sources", span=(0, 50)),
        claim(58, 58, "exact", "official", span=(60, 90)),
        claim(75, 75, "estimate", "other reports", span=(60, 90)),
        claim(130, 130, "about", "security sources", kind="injured", span=(0, 50)),
        claim(149, 149, "exact", "official", kind="injured", span=(60, 90)),
    ]
    fatalities, injuries = reconcile(claims)
    assert fatalities == Figures(51, 58, 75)
    assert injuries == Figures(130, 149, 149)
    assert acled_fatalities(claims) == 51


def test_disjoint_groups_in_one_sentence_add_up() -> None:
    claims = [claim(1, 1, victims="state_forces"), claim(2, 2, victims="militants")]
    assert reconcile(claims)[0] == Figures(3, 3, 3)


def test_disjoint_groups_in_separate_sentences_of_one_report_add_up() -> None:
    claims = [
        claim(4, 4, source="a security source", victims="state_forces", span=(0, 80)),
        claim(2, 2, source="the source", victims="militants", span=(81, 140)),
    ]
    assert reconcile(claims)[0] == Figures(6, 6, 6)
    assert acled_fatalities(claims) == 6


def test_each_toll_of_one_group_is_completed_by_the_other_groups_best() -> None:
    claims = [
        claim(9, None, "at_least", "residents", victims="civilians", span=(0, 50)),
        claim(12, 12, "exact", "the ministry", victims="civilians", span=(51, 90)),
        claim(3, 3, "exact", "the army", victims="militants", span=(91, 130)),
    ]
    assert reconcile(claims)[0] == Figures(12, 15, 15)


def test_unknown_victims_are_alternatives_not_complements() -> None:
    claims = [
        claim(7, 7, source="the army", victims="state_forces", span=(0, 40)),
        claim(10, 10, source="officials", victims="unknown", span=(41, 90)),
    ]
    assert reconcile(claims)[0] == Figures(7, 7, 10)


def test_different_sources_in_one_sentence_do_not_add_up() -> None:
    claims = [claim(12, 12, source="the army"), claim(20, 20, source="residents")]
    assert reconcile(claims)[0] == Figures(12, 12, 20)


def test_national_authority_beats_local_and_named_sources() -> None:
    claims = [
        claim(40, 40, source="residents", span=(0, 9)),
        claim(33, 33, source="local officials", span=(10, 19)),
        claim(35, 35, source="the interior ministry", span=(20, 29)),
    ]
    assert reconcile(claims)[0] == Figures(33, 35, 40)


def test_latest_report_wins_among_equals() -> None:
    claims = [
        claim(10, 10, source="the army", span=(0, 9), reported_at=date(2022, 3, 1)),
        claim(14, 14, source="the army", span=(10, 19), reported_at=date(2022, 3, 3)),
    ]
    assert reconcile(claims)[0].best == 14


def test_open_ended_claim_counts_its_low_as_high() -> None:
    assert reconcile([claim(25, None, "at_least")])[0] == Figures(25, 25, 25)


def test_vague_figure_yields_to_a_firm_one() -> None:
    claims = [claim(12, None, "vague", span=(0, 9)), claim(17, 17, span=(10, 19))]
    assert reconcile(claims)[0] == Figures(17, 17, 17)


def test_other_kinds_do_not_enter_fatalities() -> None:
    claims = [claim(9, 9, kind="abducted"), claim(4, 4, kind="arrested")]
    assert reconcile(claims) == (Figures(), Figures())


def test_registered_reconciler() -> None:
    assert create("reconcile")([claim(5, 5)])[0] == Figures(5, 5, 5)


def test_a_report_that_is_part_of_another_does_not_set_the_low() -> None:
    bomber = claim(1, 1, victims="militants", span=(0, 30))
    together = [
        claim(1, 1, victims="militants", span=(31, 90)),
        claim(6, None, "at_least", span=(31, 90)),
    ]
    fatalities = reconcile([bomber, *together])[0]
    assert (fatalities.low, fatalities.best) == (7, 7)
    assert acled_fatalities([bomber, *together]) == 7


def test_an_estimate_of_the_whole_toll_is_not_added_to_its_sentence() -> None:
    counted = claim(4, 4, span=(0, 80))
    coded = claim(2, 2, "estimate", span=(0, 80))
    assert acled_fatalities([counted, coded]) == 2
    assert reconcile([counted, coded])[0].high == 4
