"""Find the toponyms of an article: spaCy entities (GPE/LOC/FAC) in parsed sentences plus a
gazetteer match over capitalised word n-grams in every sentence (the small English model misses
or mislabels many African place names). Each mention keeps the text around it, so the resolver
and the chooser can read "near X", "X region", "the embassy in X".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from eventwire.data import load_toml
from eventwire.geo import Country, Gazetteer, Place
from eventwire.nlp.analysis import Sentence

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
BLOCKING_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "EVENT", "PRODUCT", "LAW"})
CONNECTORS = frozenset(
    {"of", "de", "du", "des", "la", "le", "el", "al", "ad", "an", "d", "and"}
    | {"ez", "es", "az", "ash", "ech", "ed", "bin", "ibn"}  # "Deir ez Zor", "Ras ash Shaykh"
)
MAX_WORDS = 5
ARTICLES = frozenset({"el", "al", "ad", "an", "ash", "az", "ed", "es", "ez", "la", "le"})
"""Connectors that may open a name when capitalised: "El Fasher", "Al Mukalla", "La Paz"."""

_WORD = re.compile(r"[^\W\d_](?:[\w\u2019'\-.]*\w)?")
_POSSESSIVE = re.compile(r"[\u2019']s$")
_ELISION = re.compile(r"[dlDL][\u2019'][A-ZÀ-Ý]")
_QUALIFIER = re.compile(r"[A-Z][\w\u2019'\-]+\s*\((?:[^()]*,\s*)?$")


@dataclass
class Mention:
    text: str
    start: int
    """Offset in the document text."""
    end: int
    sentence: int
    places: list[Place] = field(default_factory=list)
    country: Country | None = None
    label: str | None = None
    """spaCy entity label when the parser found it, else None (a gazetteer-only match)."""
    before: str = ""
    """Lower-cased sentence text before the mention."""
    after: str = ""
    """Lower-cased sentence text after the mention."""
    resolved: Place | None = None
    qualifies: bool = False
    """In brackets right after another capitalised name ('Kotchari (Tansarga, Tapoa)'): the
    mention locates an unknown place that lies in or near it."""


@dataclass(frozen=True)
class Cues:
    locative: re.Pattern[str]
    near: re.Pattern[str]
    near_after: re.Pattern[str]
    part_before: re.Pattern[str]
    part_after: re.Pattern[str]
    part_of_next: re.Pattern[str]
    site_after: re.Pattern[str]
    region_after: re.Pattern[str]
    region_before: re.Pattern[str]
    settlement_after: re.Pattern[str]
    settlement_before: re.Pattern[str]
    reaction: re.Pattern[str]
    elsewhere_before: re.Pattern[str]
    elsewhere_after: re.Pattern[str]
    organisation: frozenset[str]
    stopwords: frozenset[str]
    road_before: re.Pattern[str]
    road_after: re.Pattern[str]
    coded: re.Pattern[str]
    coded_precision: re.Pattern[str]
    facility_of: re.Pattern[str]


def _before(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?:^|\W)(?:" + "|".join(words) + r")(?:\s+the)?\W*$", re.IGNORECASE)


def _after(words: list[str]) -> re.Pattern[str]:
    return re.compile(r"^\W{0,3}(?:" + "|".join(words) + r")\b", re.IGNORECASE)


@cache
def cues() -> Cues:
    lex = load_toml("gazetteer/place_cues.toml")
    return Cues(
        locative=_before(lex["locative"]["before"]),
        near=_before(lex["near"]["before"]),
        near_after=_after(lex["near"]["after"]),
        part_before=_before(lex["part"]["before"]),
        part_after=_after(lex["part"]["after"]),
        part_of_next=_after(lex["part"]["of_next"]),
        site_after=_after(lex["site"]["after"]),
        region_after=_after(lex["region"]["after"]),
        region_before=_before(lex["region"]["before"]),
        settlement_after=_after(lex["settlement"]["after"]),
        settlement_before=_before(lex["settlement"]["before"]),
        reaction=_before(lex["reaction"]["before"]),
        elsewhere_before=_before(lex["elsewhere"]["before"]),
        elsewhere_after=_after(lex["elsewhere"]["after"]),
        organisation=frozenset(lex["organisation"]["words"]),
        stopwords=frozenset(lex["stopwords"]["words"]),
        road_before=re.compile(
            r"\b(?:" + "|".join(lex["road"]["words"]) + r")\s+(?:between\s+)?"
            r"(?:[A-Z][\w'\u2019]*\s+){0,3}$",
            re.IGNORECASE,
        ),
        road_after=_after(lex["road"]["words"]),
        coded=_before(lex["coded"]["before"]),
        coded_precision=re.compile(lex["coded"]["precision"], re.IGNORECASE),
        facility_of=re.compile(
            r"\b(?:" + "|".join(lex["facility_of"]["words"]) + r")\b.*\bof\s+$", re.IGNORECASE
        ),
    )


def coded_precision(mention: Mention) -> int | None:
    """The precision a coder's "(coded as X at geoprecision 2)" gives, or None when the mention
    is no such statement."""
    c = cues()
    if not c.coded.search(mention.before):
        return None
    found = c.coded_precision.search(mention.after)
    return int(found["precision"]) if found else 0


def find_mentions(sentences: list[Sentence], gaz: Gazetteer) -> list[Mention]:
    mentions: list[Mention] = []
    for sentence in sentences:
        mentions.extend(_sentence_mentions(sentence, gaz))
    return mentions


def _sentence_mentions(sentence: Sentence, gaz: Gazetteer) -> list[Mention]:
    blocked: list[tuple[int, int, str]] = []
    found: list[Mention] = []
    if sentence.parse is not None:
        for ent in sentence.parse.ents:
            span = (ent.start_char, ent.end_char)
            if ent.label_ in PLACE_LABELS:
                found.extend(_match_span(sentence, gaz, span, ent.label_))
            elif ent.label_ in BLOCKING_LABELS:
                blocked.append((*span, ent.label_))
    taken = [(m.start - sentence.start, m.end - sentence.start) for m in found]
    for group in _capitalised_groups(sentence.text, elide=sentence.language == "fr"):
        if any(a < group[1] and group[0] < b for a, b in taken):
            continue
        for mention in _match_span(sentence, gaz, group, None):
            if _accept_gazetteer_only(mention, sentence, blocked, gaz):
                found.append(mention)
    return sorted(found, key=lambda m: m.start)


def _capitalised_groups(text: str, elide: bool = False) -> list[tuple[int, int]]:
    """Spans of runs of capitalised words, joined by connectors ('Alliance of Sahel States').
    `elide` (French): a name after an elided article or preposition ("d'Arbinda", "l'Est")
    starts after the apostrophe."""
    groups: list[tuple[int, int]] = []
    run: list[tuple[int, int, bool]] = []
    for match in _WORD.finditer(text):
        word, start = match.group(), match.start()
        if elide and _ELISION.match(word):
            word, start = word[2:], start + 2
        capital = word[0].isupper()
        gap = text[run[-1][1] : start] if run else " "
        if run and (gap.strip() or (not capital and word.lower() not in CONNECTORS)):
            groups.append(_close(run))
            run = []
        if capital or (run and word.lower() in CONNECTORS):
            run.append((start, match.end(), capital))
    if run:
        groups.append(_close(run))
    return [g for g in groups if g[0] < g[1]]


def _close(run: list[tuple[int, int, bool]]) -> tuple[int, int]:
    while run and not run[-1][2]:
        run.pop()
    return (run[0][0], run[-1][1]) if run else (0, 0)


def _words(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Word spans; a hyphenated word counts as its parts, so that a road named by its two towns
    ("Djibo-Bourzanga") finds each town while "Bobo-Dioulasso" is still matched whole (the
    n-grams are tried longest first)."""
    spans = []
    for match in _WORD.finditer(text, start, end):
        word_end = match.end()
        possessive = _POSSESSIVE.search(match.group())
        if possessive:
            word_end -= len(possessive.group())
        spans.extend(_hyphen_parts(text, match.start(), word_end))
    return spans


def _hyphen_parts(text: str, start: int, end: int) -> list[tuple[int, int]]:
    if "-" not in text[start:end]:
        return [(start, end)]
    c = cues()
    before = text[max(0, start - 60) : start]
    if not (c.road_before.search(before) or c.road_after.search(text[end:])):
        return [(start, end)]
    parts, begin = [], start
    for index in range(start, end):
        if text[index] == "-" and index > begin and index + 1 < end and text[index + 1].isupper():
            parts.append((begin, index))
            begin = index + 1
    parts.append((begin, end))
    return parts


def _match_span(
    sentence: Sentence, gaz: Gazetteer, span: tuple[int, int], label: str | None
) -> list[Mention]:
    """Greedy longest-first n-gram matches of gazetteer names and countries inside `span`."""
    text = sentence.text
    words = _words(text, *span)
    mentions: list[Mention] = []
    i = 0
    while i < len(words):
        for n in range(min(MAX_WORDS, len(words) - i), 0, -1):
            first, last = words[i], words[i + n - 1]
            phrase = text[first[0] : last[1]]
            head, tail = phrase.split()[0], phrase.split()[-1]
            opens = head.lower() not in CONNECTORS or (
                n > 1 and head[0].isupper() and head.lower() in ARTICLES
            )
            if not opens or tail.lower() in CONNECTORS:
                continue
            if n == 1 and i > 1 and _qualifier_of_previous(text, words, i):
                continue
            mention = _lookup(sentence, gaz, phrase, first[0], last[1], label)
            if mention is not None:
                mentions.append(mention)
                i += n
                break
        else:
            i += 1
    return mentions


def _qualifier_of_previous(text: str, words: list[tuple[int, int]], index: int) -> bool:
    """A compass word joined by a connector to the name before it ("Darfour du Nord", "Kivu of
    the North"): it qualifies that name and is no place of its own (Cameroon's "Nord" region)."""
    if text[slice(*words[index])].lower() not in _compass_words():
        return False
    head = index - 2
    if text[slice(*words[index - 1])].lower() == "the":
        head -= 1
    if head < 0 or text[slice(*words[head + 1])].lower() not in CONNECTORS:
        return False
    return text[slice(*words[head])][:1].isupper()


@cache
def _compass_words() -> frozenset[str]:
    words = load_toml("gazetteer/place_cues.toml")["admin_translations"]["words"]
    return frozenset(words) | frozenset(words.values())


def _lookup(
    sentence: Sentence, gaz: Gazetteer, phrase: str, start: int, end: int, label: str | None
) -> Mention | None:
    query = phrase.title() if phrase.isupper() and len(phrase) > 3 else phrase
    country = gaz.country_named(query)
    places = [] if country and not _region_word_after(sentence.text[end:]) else gaz.lookup(query)
    if country is None and not places:
        return None
    return Mention(
        text=phrase,
        start=sentence.start + start,
        end=sentence.start + end,
        sentence=sentence.index,
        places=places,
        country=country,
        label=label,
        before=sentence.text[:start].lower(),
        after=sentence.text[end:].lower(),
        qualifies=bool(_QUALIFIER.search(sentence.text[:start])),
    )


def _region_word_after(after: str) -> bool:
    return bool(cues().region_after.search(after))


def _accept_gazetteer_only(
    mention: Mention, sentence: Sentence, blocked: list[tuple[int, int, str]], gaz: Gazetteer
) -> bool:
    """A capitalised n-gram the parser did not call a place: keep it only with place evidence."""
    c = cues()
    start, end = mention.start - sentence.start, mention.end - sentence.start
    group, group_start = _group_text(sentence.text, start, end)
    if set(re.findall(r"\w+", group.lower())) & c.organisation:
        # only the town a facility is named after: "the University Hospital of X"
        head = sentence.text[group_start:start]
        return group_start + len(group) == end and bool(c.facility_of.search(head))
    if mention.country is not None:
        return True
    if mention.text.lower() in c.stopwords:
        return False
    evidence = bool(
        c.locative.search(mention.before)
        or c.region_after.search(mention.after)
        or c.settlement_after.search(mention.after)
        or c.settlement_before.search(mention.before)
        or c.near_after.search(mention.after)
        or c.site_after.search(mention.after)
        or c.part_before.search(mention.before)
        or c.part_after.search(mention.after)
        or re.match(r"^\s*,\s*(?:in\s+)?[A-Z]", sentence.text[end:])
        or mention.qualifies
        or c.coded.search(mention.before)
    )
    inside = [b for b in blocked if b[0] <= start and end <= b[1]]
    if inside:
        whole = any(b[0] == start and b[1] == end for b in inside)
        return whole and bool(c.locative.search(mention.before) or mention.qualifies)
    return evidence


def _group_text(text: str, start: int, end: int) -> tuple[str, int]:
    """The capitalised run around [start, end) (to see whether it names an organisation), and
    where it starts."""
    for a, b in _capitalised_groups(text):
        if a <= start and end <= b:
            return text[a:b], a
    return text[start:end], start
