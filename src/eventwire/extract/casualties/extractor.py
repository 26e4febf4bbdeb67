"""Casualty claims: every figure of killed, injured, abducted, missing, arrested or displaced
people an event's sentences report, with its hedge, victims and source.

Built on the dependency parse of each event sentence (`sentence.parse`; unparsed sentences are
skipped):

1. find the figures (`numbers.figures`): digits, number words, ranges, vague words;
2. attach each to what it counts and to the word saying what happened (`syntax`);
3. drop hypotheticals, threats, negated, cumulative and subset figures, and non-people counts
   (ages, times, money, vehicles, days);
4. read who said it (`source`);
5. add claims without a figure: "no one was killed" (0..0), "a soldier was killed" (1..1).

Choices (see docs/reconciliation.md): "up to 30" is 30..30 with qualifier `up_to`; "feared dead"
and "believed killed" are `estimate`; "no one was killed" / "no casualties" give 0..0 `exact`
claims ("casualties" gives both a killed and an injured zero); a range "10 to 15" is 10..15
`about`; identical claims (kind, low, high, victims) repeated in the event's sentences are kept
once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from eventwire.extract.casualties.claim import sentence_claim
from eventwire.extract.casualties.counts import is_month, not_people, saves_lives
from eventwire.extract.casualties.french import french_claims
from eventwire.extract.casualties.numbers import Figure, figures, is_number_word, lexicon
from eventwire.extract.casualties.perpetrators import perpetrator_counts
from eventwire.extract.casualties.source import source_of
from eventwire.extract.casualties.syntax import (
    INTRANSITIVE,
    Attachment,
    attach,
    is_cumulative,
    is_grievance,
    is_hypothetical,
    is_negated,
    is_standing_total,
    is_subset,
    lemma,
    noun_kind,
    predicate_lemmas,
    verb_kind,
    word_set,
    zero_nouns,
)
from eventwire.extract.casualties.victims import victim_class, victims_of
from eventwire.extract.frame import EventFrame
from eventwire.extract.time import time_lexicon
from eventwire.models import Claim
from eventwire.nlp.analysis import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

ZERO_WORDS = frozenset({"nobody", "none", "noone", "no-one"})
SINGLE_PRONOUNS = frozenset({"he", "she", "him", "her"})
REFLEXIVES = frozenset({"himself", "herself"})
NOT_PEOPLE_ENTITIES = frozenset({"GPE", "LOC", "ORG", "FAC", "NORP", "PRODUCT", "EVENT", "DATE"})
LEDE_SENTENCES_FOR_TOTALS = 2
"""A toll in the first two sentences is the event's, whatever its tense ("12 people have been
killed in Konduga")."""


def make_casualty_extractor(**_options: Any) -> Callable[[EventFrame], None]:
    return extract_casualties


def extract_casualties(frame: EventFrame) -> None:
    """Append the claims of the frame's parsed sentences to `frame.claims` (deduplicated)."""
    document_id = frame.doc.document.id
    gate = _gate()
    for sentence in frame.sentences:
        if sentence.language == "fr":  # read from the wording, parsed or not
            found = french_claims(sentence, document_id, frame.published)
        elif sentence.parse is None or not gate.search(sentence.text):
            continue
        else:
            preceding = frame.doc.document.text[: sentence.start]
            found = sentence_claims(sentence, document_id, frame.published, preceding)
        for claim in found:
            composite = sum(c.kind == claim.kind for c in found) > 1
            _add(frame.claims, claim, composite)


@cache
def _gate() -> re.Pattern[str]:
    patterns = lexicon()["gate"]["patterns"]
    return re.compile(r"\b(?:" + "|".join(patterns) + ")", re.IGNORECASE)


def _add(claims: list[Claim], claim: Claim, composite: bool = False) -> None:
    """Keep a figure repeated in another sentence once, unless it is one part of its sentence's
    sum ("In addition to the two gunmen, 19 people were killed" after "police killed the two
    gunmen"): that sentence's total needs it."""
    key = (claim.kind, claim.low, claim.high, claim.victims)
    for kept in claims:
        if composite and kept.span != claim.span:
            continue
        if (kept.kind, kept.low, kept.high, kept.victims) == key:
            if kept.source is None and claim.source is not None:
                kept.source = claim.source
            return
    claims.append(claim)


def sentence_claims(
    sentence: Sentence, document_id: str, reported_at: date | None, preceding: str = ""
) -> list[Claim]:
    doc = sentence.parse
    if doc is None:
        return []

    def make(kind: str, low: int, high: int | None, qualifier: str, victims: str,
             source: str | None) -> Claim:  # fmt: skip
        figure = (kind, low, high, qualifier, victims)
        return sentence_claim(sentence, document_id, reported_at, figure, source)

    claims: list[Claim] = []
    found_figures = figures(doc)
    past_lede = sentence.index >= LEDE_SENTENCES_FOR_TOTALS
    tolls: list[Claim] = []
    for figure in found_figures:
        found = figure_claim(figure, past_lede)
        if found is not None:
            claims.append(make(*found))
            if _toll_noun(figure):
                tolls.append(claims[-1])
    claims = [c for c in claims if not (any(c is t for t in tolls) and _restates(c, claims))]
    counted_kinds = frozenset(c.kind for c in claims if c.low)
    for found in unnumbered_claims(doc, found_figures, counted_kinds):
        if not any(c.kind == found[0] and c.low == 0 for c in claims):
            claims.append(make(*found))
    has_toll = any(c.kind == "killed" for c in claims)
    for count in perpetrator_counts(doc, preceding, has_toll):
        claims.append(make("killed", count, count, "exact", "militants", None))
    return claims


ClaimParts = tuple[str, int, "int | None", str, str, "str | None"]


def _toll_noun(figure: Figure) -> bool:
    """The figure counts a casualty noun with no victims named: "One fatality", "12 deaths"."""
    counted = attach_counted(figure)
    return counted is not None and noun_kind(counted) is not None and not _people(counted)


def _restates(toll: Claim, claims: list[Claim]) -> bool:
    """ "One rebel was killed [one fatality split among 7 events]": a toll of unknown victims
    that adds up the sentence's other figures of its kind counts them again."""
    others = [c for c in claims if c is not toll and c.kind == toll.kind]
    if not others or toll.victims != "unknown" or any(c.high is None for c in others):
        return False
    return (toll.low, toll.high) == (sum(c.low for c in others), sum(c.high or 0 for c in others))


def figure_claim(figure: Figure, past_lede: bool = False) -> ClaimParts | None:
    """(kind, low, high, qualifier, victims, source) of a figure, or None if it is no claim.
    `past_lede`: the sentence comes after the lede, where a present-tense toll tied to no event
    is a standing total of the conflict, not this event's."""
    attachment = attach(figure)
    if attachment is None or not _real(attachment, figure):
        return None
    if past_lede and is_standing_total(attachment):
        return None
    counted = attachment.counted
    if not_people(figure, counted) or saves_lives(attachment):
        return None
    if any(c.dep_ == "det" and c.lower_ == "no" for c in figure.head.children):
        return attachment.kind, 0, 0, "exact", victims_of(counted), source_of(figure.head)[0]
    source, estimated = source_of(figure.head)
    qualifier = figure.qualifier
    if qualifier == "exact" and (estimated or attachment.estimate):
        qualifier = "estimate"
    victims = victims_of(counted)
    return attachment.kind, figure.low, figure.high, qualifier, victims, source


def _real(attachment: Attachment, figure: Figure | None) -> bool:
    if is_hypothetical(attachment) or is_negated(attachment):
        return False
    if figure is not None and is_subset(figure, attachment):
        return False
    return not is_cumulative(attachment, figure) and not is_grievance(attachment)


def unnumbered_claims(
    doc: Doc, found_figures: list[Figure] | None = None, counted_kinds: frozenset[str] = frozenset()
) -> list[ClaimParts]:
    """ "No one was killed", "no casualties" (0..0), "a soldier was shot dead" (1..1) and
    "arrested six men and executed them" (the pronoun takes its antecedent's figure). A pronoun
    whose kind the sentence has already counted is the same victim again: "attacked and killed a
    suspected thief, beating him to death" is one dead (`counted_kinds`: the kinds of the
    sentence's figures)."""
    found: list[ClaimParts] = []
    counted = set(counted_kinds)
    predicates, nouns = predicate_lemmas(), zero_nouns()
    for token in doc:
        word = token.lemma_.lower()
        if word in nouns:
            found.extend(_zero_noun_claims(token))
        if word not in predicates and token.lower_ not in predicates:
            continue
        kind = verb_kind(token) if token.pos_ in ("VERB", "ADJ") else None
        if kind is None:
            continue
        for subject in _affected(token, kind):
            if _pronoun(subject) and kind in counted:
                continue
            parts = _unnumbered(subject, token, kind, found_figures or [])
            if parts is not None:
                found.append(parts)
                counted.add(kind)
    return _unique(found)


def _pronoun(token: Token) -> bool:
    words = SINGLE_PRONOUNS | REFLEXIVES | PLURAL_PRONOUNS
    return token.lower_ in words or (token.pos_ == "PRON" and token.lower_ not in ZERO_WORDS)


def _unique(found: list[ClaimParts]) -> list[ClaimParts]:
    """One zero claim per kind; every single-person claim."""
    result: list[ClaimParts] = []
    for parts in found:
        if parts[1] == 0 and any(p[0] == parts[0] and p[1] == 0 for p in result):
            continue
        result.append(parts)
    return result


def _affected(predicate: Token, kind: str) -> list[Token]:
    """The people a predicate happened to: passive subject, object, or subject of "died"."""
    holder = predicate.head if predicate.dep_ in ("acomp", "oprd") else predicate
    people = []
    for child in [*holder.children, *_shared_subjects(holder)]:
        passive = child.dep_ == "nsubjpass" or (
            child.dep_ == "nsubj"
            and (lemma(predicate) in INTRANSITIVE or predicate.pos_ == "ADJ"
                 or holder is not predicate or predicate.tag_ == "VBN")
        )  # fmt: skip
        active_object = child.dep_ == "dobj" and holder is predicate and kind != "missing"
        if passive or active_object:
            people.append(child)
            if not any(c.dep_ == "cc" and c.lower_ in ("or", "and/or") for c in child.children):
                people.extend(c for c in child.conjuncts if c.i > child.i)  # not alternatives
    return people


def _shared_subjects(predicate: Token) -> list[Token]:
    """The subject a coordinated verb shares with the verb before it: "was seized and
    executed", "a woman ... was hurt and later succumbed"."""
    if predicate.dep_ != "conj" or any(c.dep_.startswith("nsubj") for c in predicate.children):
        return []
    head = predicate.head
    return [
        c for c in head.children
        if c.dep_ == "nsubjpass" or (c.dep_ == "nsubj" and lemma(predicate) in INTRANSITIVE)
    ]  # fmt: skip


def _unnumbered(
    subject: Token, predicate: Token, kind: str, found_figures: list[Figure]
) -> ClaimParts | None:
    if any(_counting_word(t, found_figures) for t in subject.subtree):
        return None
    if _inside_subset(subject):
        return None  # "three civilians, including the village chief": already counted
    if subject.dep_ == "nsubj" and _has_perfect_active(predicate):
        return None
    attachment = Attachment(kind, predicate, subject)
    if is_hypothetical(attachment) or is_cumulative(attachment, None) or is_grievance(attachment):
        return None
    source, _ = source_of(subject)
    if _is_zero(subject):
        return kind, 0, 0, "exact", victim_class(subject), source
    if is_negated(attachment):
        return None
    antecedent = _antecedent(subject, found_figures)
    if antecedent is not None:
        low, high, qualifier, victims = antecedent
        return kind, low, high, qualifier, victims, source
    count = _count_without_figure(subject)
    if count is None:
        return None
    return kind, count, count, "exact", victim_class(subject), source


def _counting_word(token: Token, found_figures: list[Figure]) -> bool:
    """A number or vague quantity that counts the subject: "two soldiers", not the age in "the
    chairman, aged 54" or the label in "an officer of Unit 88"."""
    if not (is_number_word(token) or lemma(token) in lexicon()["vague"]):
        return False
    for figure in found_figures:
        if token in figure.tokens:
            return not not_people(figure, attach_counted(figure))
    return True


PLURAL_PRONOUNS = frozenset({"them", "they", "those", "themselves"})


def _antecedent(subject: Token, found_figures: list[Figure]) -> tuple | None:
    """ "arrested six men and executed them": the figure of the last people counted before."""
    if subject.lower_ not in PLURAL_PRONOUNS:
        return None
    for figure in reversed(found_figures):
        if figure.tokens[-1].i >= subject.i or figure.qualifier == "vague":
            continue
        counted = attach_counted(figure)
        if counted is not None and _people(counted):
            return figure.low, figure.high, figure.qualifier, victims_of(counted)
    return None


def attach_counted(figure: Figure) -> Token | None:
    head = figure.head
    return head.head if head.dep_ == "nummod" and head.head is not head else None


def _people(token: Token) -> bool:
    return (
        victim_class(token) != "unknown"
        or lemma(token) in word_set("persons", "singular")
        or lemma(token) in ("people", "person", "other", "individual")
    )


def _inside_subset(token: Token) -> bool:
    for ancestor in token.ancestors:
        if ancestor.dep_ == "prep" and ancestor.lower_ in ("including", "among"):
            return True
        if ancestor.dep_ in ("ROOT", "relcl") or ancestor.pos_ == "VERB":
            return False
    return False


def _has_perfect_active(predicate: Token) -> bool:
    return (
        predicate.tag_ == "VBN"
        and any(c.dep_ == "aux" and lemma(c) == "have" for c in predicate.children)
        and lemma(predicate) not in INTRANSITIVE
    )


def _is_zero(subject: Token) -> bool:
    if subject.lower_ in ZERO_WORDS:
        return True
    return any(c.dep_ == "det" and c.lower_ == "no" for c in subject.children)


def _count_without_figure(subject: Token) -> int | None:
    """1 for one named or singular person, 2 for "both victims"; None if it is no one."""
    if subject.lower_ in SINGLE_PRONOUNS or subject.lower_ in REFLEXIVES:
        return 1
    if any(c.lower_ == "both" and c.dep_ in ("det", "predet") for c in subject.children):
        return 2 if subject.tag_ == "NNS" else None
    if subject.tag_ == "NNP":
        if is_month(subject) or subject.lower_ in time_lexicon().weekdays:
            return None  # "9 May ..., a woman was found dead" parsed with "May" as subject
        return 1 if subject.ent_type_ not in NOT_PEOPLE_ENTITIES else None
    if subject.lower_ == "old" and any(lemma(c) == "year" for c in subject.children):
        return 1  # "the 24-year-old was shot dead"
    return 1 if subject.tag_ == "NN" and _single_person(subject) else None


def _single_person(subject: Token) -> bool:
    """A singular noun naming one person: a known person word, or any other noun with an
    article or possessive ("killed a forest guide", "the watchman was shot") that names no
    thing, place or time."""
    if victim_class(subject) != "unknown" or lemma(subject) in word_set("persons", "singular"):
        return True
    if subject.ent_type_ in NOT_PEOPLE_ENTITIES:
        return False
    if lemma(subject) in word_set("non_person", "nouns") | word_set("cumulative", "conflict_nouns"):
        return False
    return any(
        (c.dep_ == "det" and c.lower_ in ("a", "an", "the")) or c.dep_ == "poss"
        for c in subject.children
    )


def _zero_noun_claims(token: Token) -> list[ClaimParts]:
    """ "no casualties were reported", "there were no deaths", "without any injuries"."""
    word = lemma(token)
    kinds = ["killed", "injured"] if word in word_set("kinds", "both", "nouns") else []
    if not kinds and noun_kind(token) in ("killed", "injured") and token.pos_ == "NOUN":
        kinds = [noun_kind(token) or ""]
    if not kinds or not _negated_noun(token):
        return []
    source, _ = source_of(token)
    return [(kind, 0, 0, "exact", "unknown", source) for kind in kinds]


def _negated_noun(token: Token) -> bool:
    dets = {c.lower_ for c in token.children if c.dep_ == "det"}
    if "no" in dets:
        return True
    if token.dep_ == "pobj" and token.head.lower_ == "without":
        return True
    head = token.head
    return "any" in dets and any(c.dep_ == "neg" for c in head.children)
