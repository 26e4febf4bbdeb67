"""The lexicon pre-test: a pattern is skipped only when it cannot match."""

from __future__ import annotations

import re

import pytest

from eventwire.extract.prefilter import literal_starts, may_match, word_starts


@pytest.mark.parametrize(
    ("patterns", "expected"),
    [
        (["attack", "gunm[ae]n"], frozenset({"att", "gun"})),
        (["soldiers?", "tu[ée]s?"], frozenset({"sol", "tué", "tue"})),
        (["(?:took|seized) control"], frozenset({"too", "sei"})),
        (["ab?c"], None),
        (["(?:a|the) march"], None),
        # a leading class gives each spelling it allows, lower-cased
        (["[Gg]unmen"], frozenset({"gun"})),
        (["[ée]gorg", "d[ée]c[èe]s"], frozenset({"égo", "ego", "déc", "dec"})),
        (["[Gg-]unmen"], None),
        # an optional group: the match may begin after it
        (["(?:angry )?mob"], None),
    ],
)
def test_literal_starts(patterns: list[str], expected: frozenset[str] | None) -> None:
    assert literal_starts(patterns) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked the village at dawn.",
        "Des hommes armés ont tués deux soldats.",
        "Militants seized control of the town; no one was hurt.",
        "A soldier was shot.",
        "Ils ont égorgé un berger; un EGORGEUR présumé a été arrêté.",
    ],
)
def test_the_pre_test_never_hides_a_match(text: str) -> None:
    patterns = ["attack", "gunm[ae]n", "soldiers?", "tu[ée]s?", "(?:took|seized) control", "hurt"]
    patterns += ["[ée]gorg", "(?:angry )?mob"]
    present = word_starts(text)
    for pattern in patterns:
        compiled = re.compile(rf"(?<![\w])(?:{pattern})", re.IGNORECASE)
        if compiled.search(text):
            assert may_match(literal_starts([pattern]), present), pattern


def test_a_text_without_the_start_skips_the_pattern() -> None:
    assert not may_match(literal_starts(["attack"]), word_starts("Protesters marched at noon."))
