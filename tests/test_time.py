"""The time extractor: date expressions resolved against publication, and the event's date chosen
over statement and reaction dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from eventwire.extract.time.extractor import attachment, make_time_extractor, resolve_dates
from eventwire.nlp.analysis import Sentence
from eventwire.registry import create
from tests.helpers import make_frame

THURSDAY = date(2024, 9, 19)
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "bamako-2024-09-17.txt"


def one(text: str, published: date | None = THURSDAY) -> tuple[date | None, str | None]:
    mentions = resolve_dates(text, published)
    assert len(mentions) == 1, mentions
    return mentions[0].value, mentions[0].precision


def run(
    text: str, published: str | None = "2024-09-19", all_sentences: bool = False
) -> tuple[date | None, str | None, list[str]]:
    frame = make_frame(text, published, all_sentences=all_sentences)
    create("time")(frame)
    return frame.event_date, frame.date_precision, frame.notes


# --- resolve_dates --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in Tuesday's raid", date(2024, 9, 17)),
        ("in Tuesday’s raid", date(2024, 9, 17)),
        ("on Thursday", THURSDAY),
        ("last Thursday", date(2024, 9, 12)),
        ("on Monday night", date(2024, 9, 16)),
        ("on Saturday", date(2024, 9, 14)),
        ("next Monday", date(2024, 9, 23)),
        ("on Tuesday last week", date(2024, 9, 10)),
        ("mardi dernier", date(2024, 9, 17)),
        ("dans la nuit de dimanche à lundi", date(2024, 9, 15)),
    ],
)
def test_weekdays_are_the_latest_such_day_up_to_publication(text: str, expected: date) -> None:
    assert one(text) == (expected, "day")


def test_possessive_weekday_is_flagged() -> None:
    (mention,) = resolve_dates("Tuesday’s ambush", THURSDAY)
    assert mention.possessive and mention.text == "Tuesday" and mention.relative


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday", (date(2024, 9, 18), "day")),
        ("today", (THURSDAY, "day")),
        ("overnight", (date(2024, 9, 18), "day")),
        ("late last night", (date(2024, 9, 18), "day")),
        ("hier", (date(2024, 9, 18), "day")),
        ("three days ago", (date(2024, 9, 16), "day")),
        ("il y a deux semaines", (date(2024, 9, 5), "week")),
        ("last week", (date(2024, 9, 11), "week")),
        ("la semaine dernière", (date(2024, 9, 11), "week")),
        ("over the weekend", (date(2024, 9, 14), "week")),
        ("earlier this month", (date(2024, 9, 15), "month")),
        ("last month", (date(2024, 8, 15), "month")),
        ("last year", (date(2023, 7, 1), "year")),
    ],
)
def test_relative_words(text: str, expected: tuple[date, str]) -> None:
    assert one(text) == expected


def test_this_week_and_this_month_never_fall_after_publication() -> None:
    monday = date(2024, 9, 2)
    assert one("this week", monday) == (monday, "week")
    assert one("this month", monday) == (date(2024, 9, 1), "month")


def test_a_current_period_is_dated_at_the_middle_of_its_elapsed_part() -> None:
    assert one("earlier this month", date(2024, 9, 11)) == (date(2024, 9, 6), "month")
    assert one("this week", date(2024, 9, 3)) == (date(2024, 9, 2), "week")  # a Tuesday
    assert one("in September", date(2024, 9, 9)) == (date(2024, 9, 5), "month")
    assert one("earlier this month", date(2024, 9, 25)) == (date(2024, 9, 15), "month")


@pytest.mark.parametrize(
    "text",
    [
        "September 17, 2024",
        "17 September 2024",
        "Sept. 17, 2024",
        "2024-09-17",
        "17/09/2024",
        "the 17th of September 2024",
        "Tuesday, September 17, 2024",
        "le 17 septembre 2024",
        "mardi 17 septembre 2024",
    ],
)
def test_explicit_dates(text: str) -> None:
    (mention,) = resolve_dates(f"Fighting broke out on {text} near the border.", None)
    assert (mention.value, mention.precision, mention.relative) == (date(2024, 9, 17), "day", False)


def test_month_day_without_year_takes_the_latest_year_up_to_publication() -> None:
    assert one("on Sep 17") == (date(2024, 9, 17), "day")
    assert one("on September 21") == (date(2024, 9, 21), "day")  # within the tolerance
    assert one("on October 2") == (date(2023, 10, 2), "day")
    assert one("on December 30", date(2024, 1, 3)) == (date(2023, 12, 30), "day")
    assert one("le 1er mars") == (date(2024, 3, 1), "day")


def test_numeric_dates_read_day_first_unless_impossible() -> None:
    assert one("on 05/06/2024", None) == (date(2024, 6, 5), "day")
    assert one("on 06/25/2024", None) == (date(2024, 6, 25), "day")
    # both readings valid: the one just before publication
    assert one("on 09/10/2024", date(2024, 9, 12)) == (date(2024, 9, 10), "day")


def test_months_and_years() -> None:
    assert one("in March 2023") == (date(2023, 3, 15), "month")
    assert one("in mid-July") == (date(2024, 7, 15), "month")
    assert one("in November") == (date(2023, 11, 15), "month")
    assert one("en février 2022") == (date(2022, 2, 15), "month")
    assert one("in 2019") == (date(2019, 7, 1), "year")


def test_approximate_days_and_ranges_are_week_precision() -> None:
    assert one("around 3 August 2020") == (date(2020, 8, 3), "week")
    assert one("between 10 and 12 June") == (date(2024, 6, 10), "week")
    assert one("overnight between 4 and 5 May 2021") == (date(2021, 5, 4), "day")


def test_bounds_are_marked_as_background() -> None:
    (mention,) = resolve_dates("the worst violence since 2015", THURSDAY)
    assert mention.background


def test_words_that_only_look_like_dates_are_ignored() -> None:
    text = "at least 5 may have died and 2,019 fled; the march went on"
    assert resolve_dates(text, THURSDAY) == []


def test_without_publication_date_relative_dates_have_no_value() -> None:
    for text in ("on Tuesday", "yesterday", "last week", "on 14 March", "in April"):
        (mention,) = resolve_dates(text, None)
        assert (mention.value, mention.precision, mention.relative) == (None, None, True)


# --- the component ---------------------------------------------------------------------------


def test_statement_day_is_not_the_event_day() -> None:
    text = (
        "On Friday, army officials confirmed that nine soldiers were killed in Wednesday's ambush "
        "on a supply convoy near Kidal. On Friday, the government condemned the attack."
    )
    event_date, precision, _ = run(text, "2024-05-10")
    assert (event_date, precision) == (date(2024, 5, 8), "day")


def test_date_on_the_event_verb_wins_over_the_reporting_verb() -> None:
    text = "Gunmen attacked the village of Tera on Sunday, killing four farmers, police said Monday"
    assert run(text, "2024-02-13")[:2] == (date(2024, 2, 11), "day")


def test_the_attack_on_a_day_without_a_year_across_new_year() -> None:
    text = "Six people died in the bombing of a bus station on December 30, the governor said."
    assert run(text, "2024-01-03")[:2] == (date(2023, 12, 30), "day")


def test_only_a_statement_date_gives_week_precision_and_a_note() -> None:
    text = "Police said on Wednesday that unknown gunmen had killed three traders near Fada."
    event_date, precision, notes = run(text, "2024-09-19")
    assert (event_date, precision) == (date(2024, 9, 18), "week")
    assert any("statement" in note for note in notes)


def test_no_date_at_all_leaves_the_date_empty_with_a_note() -> None:
    event_date, precision, notes = run("Militants burned the health centre in Sebba.")
    assert (event_date, precision) == (None, None)
    assert any("no usable date" in note for note in notes)


def test_weekday_without_publication_date_is_never_guessed() -> None:
    event_date, precision, notes = run("Rebels shelled the market on Tuesday.", None)
    assert (event_date, precision) == (None, None)
    assert any("no publication date" in note for note in notes)


def test_explicit_date_needs_no_publication_date() -> None:
    text = "On 4 March 2021, soldiers clashed with militants near Gorom-Gorom."
    assert run(text, None)[:2] == (date(2021, 3, 4), "day")


def test_event_date_from_a_later_sentence_beats_a_reaction_date() -> None:
    text = (
        "Five protesters were wounded when police fired tear gas in Kaya. "
        "The clashes broke out last Saturday after a rally against fuel prices."
    )
    assert run(text, "2024-09-19")[:2] == (date(2024, 9, 14), "day")


def test_french_article() -> None:
    text = "Hier, des hommes armés ont attaqué un poste de gendarmerie à Dori, tuant deux gendarmes"
    assert run(text, "2024-09-19", all_sentences=True)[:2] == (date(2024, 9, 18), "day")


def test_lexical_fallback_without_parse() -> None:
    text = "On Thursday, officials said that the raid happened on Monday."
    sentence = Sentence(0, 0, len(text), text)
    thursday, monday = resolve_dates(text, THURSDAY)
    assert attachment(sentence, thursday) == "statement"
    assert attachment(sentence, monday) == "event"


def test_options_are_passed_through() -> None:
    frame = make_frame("Gunmen attacked a church on 03/04/2022.", None)
    make_time_extractor(month_first=True)(frame)
    assert frame.event_date == date(2022, 3, 4)


def test_sample_article_date_is_the_raid_day() -> None:
    sample = Path(__file__).resolve().parent.parent / "samples" / "articles"
    body = (sample / "monguno-base-raid.txt").read_text().split("---", 2)[2]
    assert run(body, "2023-03-10")[:2] == (date(2023, 3, 6), "day")


@pytest.mark.skipif(not SEED.exists(), reason="worked example not beside the project")
def test_seed_is_tuesday_not_the_thursday_statement() -> None:
    assert run(SEED.read_text(), "2024-09-19")[:2] == (date(2024, 9, 17), "day")


# --- French spellings, relative periods, multi-sentence news, undated texts --------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le jeudi 7 mars, des assaillants ont incendié une école.", (date(2024, 3, 7), "day")),
        ("Des tirs ont visé le camp le 2 février dernier.", (date(2024, 2, 2), "day")),
        ("Dans la nuit de vendredi à samedi, un poste a été attaqué.", (date(2024, 3, 8), "day")),
        ("La semaine dernière, des bandits ont pillé un marché.", (date(2024, 3, 6), "week")),
    ],
)
def test_french_spellings_in_a_text(text: str, expected: tuple[date, str]) -> None:
    assert run(text, "2024-03-14", all_sentences=True)[:2] == expected


def test_the_raid_day_is_kept_and_the_later_funeral_and_statement_days_are_not() -> None:
    text = (
        "Armed men raided a cattle market outside Tahoua on Saturday, killing six herders. "
        "The victims were buried on Monday. On Tuesday, the interior minister said patrols "
        "would be reinforced."
    )
    assert run(text, "2024-03-13")[:2] == (date(2024, 3, 9), "day")


def test_earlier_this_month_in_a_text_is_not_after_publication() -> None:
    text = "Earlier this month, gunmen killed two teachers in a village near Ménaka."
    event_date, precision, _ = run(text, "2024-03-09")
    assert precision == "month" and event_date == date(2024, 3, 5)


def test_undated_text_may_opt_in_to_the_publication_date() -> None:
    frame = make_frame("Bandits torched the granaries of Koumbri.", "2024-03-09")
    make_time_extractor(undated="published")(frame)
    assert (frame.event_date, frame.date_precision) == (date(2024, 3, 9), "week")
    assert any("publication date" in note for note in frame.notes)
    with pytest.raises(ValueError):
        make_time_extractor(undated="guess")


# --- stale dates: history, not the event's day ------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Hundreds marched in Koudougou to honour a journalist who was murdered in 2009.",
        "Former miners demonstrated against their dismissal in the March 2023 layoffs.",
        "Residents protested over the killing of a trader in June.",
    ],
)
def test_a_date_long_before_publication_is_history_not_the_event(text: str) -> None:
    event_date, precision, notes = run(text, published="2024-09-19", all_sentences=True)
    assert (event_date, precision) == (None, None)
    assert any("no usable date" in note for note in notes)


def test_a_recent_month_is_still_the_event_date() -> None:
    event_date, precision, _ = run(
        "Gunmen attacked the market of Dori in August.", published="2024-09-19", all_sentences=True
    )
    assert (event_date, precision) == (date(2024, 8, 15), "month")


def test_stale_thresholds_are_options() -> None:
    frame = make_frame(
        "Residents protested over the killing of a trader in June.",
        "2024-09-19",
        all_sentences=True,
    )
    create("time", stale_days=120)(frame)
    assert (frame.event_date, frame.date_precision) == (date(2024, 6, 15), "month")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Sometime between 2 May 2024 and 16 May 2024, gunmen burned a school.",
            (date(2024, 5, 2), "month"),
        ),
        ("Between 3 and 9 September, soldiers killed 20 militants.", (date(2024, 9, 3), "week")),
        ("On 3-4 September, fighting broke out in the town.", (date(2024, 9, 3), "week")),
    ],
)
def test_a_span_is_dated_at_its_first_day_with_a_coarser_precision(
    text: str, expected: tuple[date, str]
) -> None:
    assert one(text) == expected


def test_a_later_discovery_is_not_the_day_of_the_killing() -> None:
    event_date, precision, _ = run(
        "Gunmen abducted two herders near Dori. Their bodies were discovered on Sunday.",
        all_sentences=True,
    )
    assert (event_date, precision) == (date(2024, 9, 15), "week")


def test_an_abbreviated_month_may_run_into_its_day() -> None:
    found = resolve_dates("Gunmen struck at dawn on Feb.28, residents said.", date(2017, 3, 2))
    assert [(m.value, m.precision) for m in found] == [(date(2017, 2, 28), "day")]
    alone = resolve_dates("The camp was attacked in Feb. and again later.", date(2017, 3, 2))
    assert [(m.value, m.precision) for m in alone] == [(date(2017, 2, 15), "month")]
