"""Roles from the dependency parse: who acted (AGENT) and who was acted upon (TARGET).

The subject of an attack verb, the agent of a passive one ("was claimed by X") or the owner of an
attack noun ("X's attack") acts; the object, the passive subject ("soldiers were killed") or the
target of an attack noun ("attacks on a camp") is acted upon; "clashes between A and B" keep the
report's order. Words: data/actors.toml, [roles].
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from eventwire.data import load_toml
from eventwire.extract.actors.french import french_role
from eventwire.nlp.analysis import Sentence

AGENT, TARGET = "agent", "target"
_ROLES = load_toml("actors.toml")["roles"]
ACTION_VERBS = frozenset(_ROLES["action_verbs"])
"""Lemmas of verbs whose subject acts and whose object is acted upon."""
CLAIM_VERBS = frozenset(_ROLES["claim_verbs"])
ATTRIBUTION_VERBS = frozenset(_ROLES["attribution_verbs"])
ATTACK_NOUNS = frozenset(_ROLES["attack_nouns"])
"""Nouns whose owner or modifier acts ("JNIM's attack") and whose "on" object is the target."""
CLASH_WORDS = frozenset(_ROLES["clash_words"])
VICTIM_NOUNS = frozenset(_ROLES["victim_nouns"])
HEDGE_PARTICIPLES = frozenset(_ROLES["hedge_participles"])
JOINT_NOUNS = frozenset(_ROLES["joint_nouns"])
DESCRIBING = frozenset({"describe", "identify", "present", "report", "believe"})
"""Participles that say who the people were ("six people described as militiamen")."""
CLIMB_DEPS = frozenset({"conj", "appos", "compound", "amod", "nmod", "nummod", "det", "poss"})
RELATIVE = frozenset({"who", "that", "which"})
PRONOUNS = frozenset({"it", "they", "we"})

_MAX_CLIMB = 8


def mention_role(sentence: Sentence, start: int, end: int) -> str | None:
    """AGENT, TARGET or None for the mention at [start, end) of the sentence (parse offsets)."""
    if sentence.parse is None:
        return None
    if _leading_subject(sentence, start, end):
        return AGENT
    tokens = _tokens_over(sentence.parse, start, end)
    inside = {t.i for t in tokens}
    for token in tokens:
        if token.head.i in inside and token.head.i != token.i:
            continue
        role = _role_of(token)
        if role:
            return role
    return None


_OFFSETS = "eventwire.token_offsets"


def _offsets(parse) -> list[int]:
    """The parse's token start offsets, computed once per parse (kept in its user data): a
    mention's tokens are found by bisection, not by a walk over every token."""
    offsets = parse.user_data.get(_OFFSETS)
    if offsets is None:
        offsets = parse.user_data[_OFFSETS] = [t.idx for t in parse]
    return offsets


def _tokens_over(parse, start: int, end: int) -> list:
    """The tokens that overlap [start, end)."""
    offsets = _offsets(parse)
    first = max(bisect_right(offsets, start) - 1, 0)
    tokens = (parse[i] for i in range(first, bisect_left(offsets, end)))
    return [t for t in tokens if t.idx + len(t.text) > start]


def _tokens_after(parse, end: int, count: int) -> list:
    """The first `count` tokens that start at or after `end`."""
    first = bisect_left(_offsets(parse), end)
    return [parse[i] for i in range(first, min(first + count, len(parse)))]


SUBJECT_LEAD = frozenset(_ROLES["subject_lead"])
_CLAUSE_BREAK = re.compile(r"[,;:()]|\b(?:and|but|while|after|before|when|as)\b", re.I)
FINITE_TAGS = frozenset({"VBD", "VBN", "VBZ", "VBP"})
OBJECT_START = frozenset({"DET", "NUM", "PRON", "PROPN", "NOUN", "ADJ"})
"""An action verb followed by its object ("arrested twelve miners"), not a reduced passive
("two soldiers killed in an ambush")."""


def _leading_subject(sentence: Sentence, start: int, end: int) -> bool:
    """A mention that opens its clause and is followed by an action verb acted."""
    lead = _CLAUSE_BREAK.split(sentence.text[:start])[-1].lower().split()
    if not all(word in SUBJECT_LEAD or word.isdigit() for word in lead):
        return False
    after = _tokens_after(sentence.parse, end, 2)
    if len(after) < 2 or after[0].tag_ not in FINITE_TAGS or not _action_lemma(after[0]):
        return False
    return after[1].pos_ in OBJECT_START or after[1].lower_ in ("and", "or")


def _action_lemma(token) -> bool:
    return token.lemma_.lower() in ACTION_VERBS


def _role_of(token) -> str | None:
    if token.doc.lang_ == "fr":
        return french_role(token, _is_action, ATTACK_NOUNS)
    return _role_from_head(token) or _role_from_children(token)


def _role_from_head(token) -> str | None:
    joined = False
    for _ in range(_MAX_CLIMB):
        dep, head = token.dep_, token.head
        if head.i == token.i:
            return None
        joined = joined or dep == "conj"
        if dep == "pobj" and _clash_between(head):
            return TARGET if joined else AGENT
        if dep in ("poss", "compound", "amod", "nmod") and head.lemma_.lower() in ATTACK_NOUNS:
            return AGENT
        if dep == "nsubj" and _is_action(head) and _headline_passive(head):
            return TARGET
        if dep == "nsubj":
            hit = _is_action(head) or _has_action_xcomp(head) or _reports_own_action(head)
            hit = hit or _has_action_conj(head)
            return AGENT if hit else None
        if dep in ("nsubjpass", "dobj", "obj") and _attributes(head):
            return AGENT
        if dep in ("dobj", "obj") and _hedge_participle(head):
            return _hedged_role(head)
        if dep == "nsubjpass":
            return TARGET if _is_action(head) else None
        if dep in ("dobj", "obj"):
            return TARGET if _is_action(head) else None
        if dep == "pobj":
            role, climb = _role_of_pobj(head)
            if climb is None:
                return role
            token = climb
            continue
        if dep in CLIMB_DEPS:
            token = head
            continue
        return None
    return None


def _role_from_children(token) -> str | None:
    for child in token.children:
        if child.dep_ not in ("acl", "relcl") or not _is_action(child):
            continue
        subjects = [c for c in child.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(s.lower_ in RELATIVE and s.dep_ == "nsubj" for s in subjects):
            return AGENT
        if child.tag_ == "VBN" or any(s.dep_ == "nsubjpass" for s in subjects):
            return TARGET
    return None


def _role_of_pobj(prep):
    """(role, None) when the preposition decides; (None, token) to keep climbing from token."""
    governor = prep.head
    word = prep.lower_
    lemma = governor.lemma_.lower()
    if prep.dep_ == "agent" or word == "by":
        hit = lemma in ATTACK_NOUNS or lemma in CLAIM_VERBS or _is_action(governor)
        return (AGENT if hit else None), None
    if word == "to" and (_attributes(governor) or _attributes(governor.head)):
        return AGENT, None
    if word in ("on", "against", "upon", "at", "targeting"):
        hit = lemma in ATTACK_NOUNS or _is_action(governor)
        return (TARGET if hit else None), None
    if word == "with" and lemma in CLASH_WORDS:
        return (AGENT if _killed_in_clash(governor) else TARGET), None
    if word == "of" and lemma in VICTIM_NOUNS:
        return (None if _grievance(governor) else TARGET), None
    if word == "between" and lemma in JOINT_NOUNS:
        return AGENT, None
    if word in ("of", "from", "among") and governor.pos_ in ("NOUN", "PROPN", "PRON"):
        return None, governor
    if word == "as" and governor.lemma_.lower() in DESCRIBING and governor.dep_ == "acl":
        return None, governor.head
    if word == "from" and _is_action(governor):
        return TARGET, None
    return None, None


def _killed_in_clash(clash) -> bool:
    """ "Ten militants were killed during clashes with the army": the other side of the clash
    did the killing."""
    prep = clash.head
    if clash.dep_ != "pobj" or prep.lower_ not in ("during", "in", "amid", "after"):
        return False
    verb = prep.head
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    return passive and verb.lemma_.lower() == "kill"


def _clash_between(prep) -> bool:
    """ "Clashes between A and B": ACLED names the sides in the report's order, A acting."""
    return prep.lower_ == "between" and prep.head.lemma_.lower() in CLASH_WORDS


GRIEVANCE_PREPOSITIONS = frozenset({"for", "over", "against", "after", "following", "since"})


def _grievance(noun) -> bool:
    """ "Students rioted over the arrest of six guards": the arrest is the cause, not the act."""
    return noun.dep_ == "pobj" and noun.head.lower_ in GRIEVANCE_PREPOSITIONS


CASUALTY_VERBS = frozenset({"kill", "wound", "injure", "hurt"})


def _headline_passive(verb) -> bool:
    """A passive without its "was", as headlines and wire notes write it ("Police station
    attacked by gunmen", "two soldiers killed, three wounded"): the parser makes the victims the
    subject; a by-agent gives it away, or a bare casualty participle with no object."""
    children = list(verb.children)
    if any(c.dep_ == "agent" for c in children):
        return True
    if verb.tag_ != "VBN" or verb.lemma_.lower() not in CASUALTY_VERBS:
        return False
    return not any(c.dep_ in ("aux", "auxpass", "dobj", "obj", "conj") for c in children)


def _hedge_participle(token) -> bool:
    return token.tag_ in ("VBN", "VBD") and token.lower_ in HEDGE_PARTICIPLES


def _hedged_role(hedge) -> str | None:
    """ "The army killed 26 presumed ISGS militants", misparsed with "presumed" as the verb: the
    name is the object of the action before it, or the subject of the action after it."""
    verb = hedge.head
    if verb.i == hedge.i or not _is_action(verb):
        return None
    return TARGET if hedge.i > verb.i else AGENT


def _reports_own_action(verb) -> bool:
    """ "The army said it had retaken the town": the reporter is the pronoun's antecedent."""
    for clause in verb.children:
        if clause.dep_ == "ccomp" and _is_action(clause):
            subjects = [c for c in clause.children if c.dep_ == "nsubj"]
            if any(s.lower_ in PRONOUNS for s in subjects):
                return True
    return False


def _attributes(token) -> bool:
    return token.pos_ == "VERB" and token.lemma_.lower() in ATTRIBUTION_VERBS


def _is_action(token) -> bool:
    return token.pos_ in ("VERB", "AUX") and token.lemma_.lower() in ACTION_VERBS | CLAIM_VERBS


def _has_action_conj(verb) -> bool:
    """ "Soldiers thwarted an attack and neutralized ten militants": the shared subject acts."""
    if verb.lemma_.lower() in REACTIVE_VERBS:
        return False
    return any(c.dep_ == "conj" and c.pos_ == "VERB" and _is_action(c) for c in verb.children)


REACTIVE_VERBS = frozenset({"respond", "react", "retaliate", "reply"})
"""Whoever responds did not start it: ACLED's actor1 is the side that opened the event."""


def _has_action_xcomp(verb) -> bool:
    return any(c.dep_ == "xcomp" and _is_action(c) for c in verb.children)
