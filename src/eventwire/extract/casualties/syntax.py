"""Read a figure's role off the dependency parse: what happened to whom, and is it real.

`attach(figure)` finds the word that says what happened to the counted people (a verb such as
"killed", a noun such as "bodies" or "death toll") and the noun they are counted on. The checks
below it tell a real toll from a hypothetical one ("could kill"), a threat ("threatened to kill"),
a negated one, a subset ("including five soldiers") or a cumulative background total ("more than
10,000 killed since 2012").
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from eventwire.extract.casualties.numbers import Figure, lexicon
from eventwire.extract.casualties.victims import of_object, victim_class

if TYPE_CHECKING:
    from spacy.tokens import Token

NOMINAL = frozenset({"NOUN", "PROPN", "PRON", "NUM", "ADJ"})
INTRANSITIVE = frozenset(
    {"die", "perish", "succumb", "disappear", "flee", "drown", "miss", "lose", "go"}
)
SUBSET_PREPS = frozenset({"including", "include", "among", "incl"})
ARGUMENT_DEPS = frozenset({"nsubj", "nsubjpass", "dobj", "attr", "oprd", "appos"})


@dataclass(frozen=True)
class Attachment:
    kind: str
    predicate: Token
    """The verb, adjective or noun that says what happened ("killed", "dead", "toll")."""
    counted: Token | None
    """The noun the figure counts ("soldiers", "people"), when there is one."""
    estimate: bool = False
    """The predicate hedges it: "are feared dead", "are believed killed"."""


@cache
def _lemma_kinds(section: str) -> dict[str, str]:
    return {w: kind for kind, words in lexicon()["kinds"][section].items() for w in words}


@cache
def word_set(*path: str) -> frozenset[str]:
    node = lexicon()
    for key in path:
        node = node[key]
    return frozenset(node)


def lemma(token: Token) -> str:
    return token.lemma_.lower()


def noun_kind(token: Token) -> str | None:
    return _lemma_kinds("nouns").get(lemma(token)) or _lemma_kinds("nouns").get(token.lower_)


@cache
def predicate_lemmas() -> frozenset[str]:
    """Every lemma that can say what happened to people (a cheap pre-filter for `verb_kind`)."""
    kinds = lexicon()["kinds"]
    pairs = {head for pairs in kinds["verb_with_child"].values() for head, _ in pairs}
    return frozenset(_lemma_kinds("verbs")) | pairs


@cache
def zero_nouns() -> frozenset[str]:
    return frozenset(_lemma_kinds("nouns")) | word_set("kinds", "both", "nouns")


def verb_kind(token: Token) -> str | None:
    """Kind of a verb/adjective predicate, e.g. "killed", "wounded", "shot dead", "went missing"."""
    kinds = lexicon()["kinds"]
    for kind, pairs in kinds["verb_with_child"].items():
        for head, child in pairs:
            if lemma(token) == head and _has_near(token, child):
                return kind
    if lemma(token) in ("shoot", "hold", "take", "leave", "find", "lose", "claim"):
        return None
    if token.pos_ not in ("VERB", "ADJ", "AUX"):
        return None
    return _lemma_kinds("verbs").get(lemma(token)) or _lemma_kinds("verbs").get(token.lower_)


def _has_near(token: Token, word: str) -> bool:
    after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if after is not None and word in (after.lower_, lemma(after)):
        return True  # "shot dead two civilians": "dead" parsed onto the object
    for child in token.children:
        if lemma(child) == word or child.lower_ == word:
            return True
        if child.dep_ == "prep" and any(lemma(g) == word for g in child.children):
            return True
    return False


def is_toll(token: Token) -> bool:
    return lemma(token) in word_set("toll", "nouns")


def toll_kind(toll: Token) -> str | None:
    words = {lemma(c) for c in toll.children if c.dep_ in ("compound", "amod", "nmod")}
    words |= {lemma(g) for c in toll.children if c.lower_ == "of" for g in c.children}
    if words & word_set("toll", "injured"):
        return "injured"
    if words & word_set("toll", "killed"):
        return "killed"
    return "killed" if lemma(toll) in ("toll", "tally") else None


def _nominal(token: Token) -> bool:
    """A noun, or a word the tagger took for a verb that names people ("militants" as VBZ)."""
    if token.pos_ in NOMINAL:
        return True
    return victim_class(token) != "unknown" or lemma(token) in word_set("persons", "singular")


def _noun_head(token: Token) -> Token:
    """Climb from a modifier to the head of its noun phrase: "four [ISGS] militants"."""
    while (
        token.dep_ in ("compound", "nmod", "amod", "nsubj", "npadvmod")
        and token.head is not token
        and token.head.i > token.i
        and token.head.i - token.i <= 3
        and token.head.pos_ in ("NOUN", "PROPN")
    ):
        token = token.head
    return token


def _locate(figure: Figure) -> tuple[Token, Token | None]:
    """(the token that links the figure to its predicate, the noun it counts)."""
    number = figure.head
    position, counted = number, None
    modifies = number.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "det")
    head = number.head
    if modifies and head is not number and (head.pos_ in NOMINAL or number.dep_ == "nummod"
                                             or _nominal(head)):  # fmt: skip
        position = counted = _noun_head(head)
    found_of = of_object(counted or number)
    if found_of is not None and (counted is None or lemma(counted) in ("member", "one", "other")):
        counted = found_of
    if position.dep_ == "pobj" and position.head.lower_ == "of" and noun_kind(position.head.head):
        position = position.head.head  # "the bodies of 12 people"
    return position, counted


def attach(figure: Figure) -> Attachment | None:
    position, counted = _locate(figure)
    nouns = [t for t in (position, counted) if t is not None and noun_kind(t)]
    if _is_subset(position):
        nouns = []
    for token in nouns:
        if not _role_noun(token):
            return Attachment(noun_kind(token) or "", token, counted)
    modifier = _modifier_attachment(figure, position, counted)
    found = _attach_upward(position, counted)
    dies = found is not None and found.kind == "killed" and position.dep_.startswith("nsubj")
    if modifier is not None and not dies:
        return modifier  # "20 people killed in the raid were buried"; "hostages ... died": died
    if found is None and nouns:
        return Attachment(noun_kind(nouns[0]) or "", nouns[0], counted)
    if found is None and not _is_subset(position):
        found = _attach_in_sequence(figure, counted)
    return found


def _modifier_attachment(
    figure: Figure, position: Token, counted: Token | None
) -> Attachment | None:
    """A participle or adjective on the counted noun: "four militants killed", "3 wounded"."""
    for token in (position, figure.head):
        for child in token.children:
            if child.dep_ in ("acl", "relcl", "amod") and (kind := verb_kind(child)):
                return Attachment(kind, child, counted)
    return None


LINK_WORDS = frozenset(
    {"at", "the", "least", "over", "about", "around", "nearly", "some", "more", "than", "up",
     "to", "as", "many", "an", "estimated", "approximately", "roughly", "almost", "dead", "down",
     "alive", "a", "further", "another", "other", "between", "from", "reportedly"}
)  # fmt: skip


def _attach_in_sequence(figure: Figure, counted: Token | None) -> Attachment | None:
    """When the parse lost the link: "shot dead at least fifteen people" read as a list of
    clauses, "killed at the least eight fighters" with "at" as a preposition. The casualty verb
    right before the figure (past hedges and "dead") takes it as its object; a participle right
    after the counted noun ("four militants killed") as its passive subject."""
    doc = figure.head.doc
    i = figure.tokens[0].i - 1
    while i >= 0 and doc[i].lower_ in LINK_WORDS:
        i -= 1
    finite = ("VBD", "VBG", "VBN", "VBZ", "VBP")
    if i >= 0 and doc[i].tag_ in finite and (kind := verb_kind(doc[i])):
        return Attachment(kind, doc[i], counted)
    end = (counted or figure.tokens[-1]).i + 1
    while end < len(doc) and end - figure.tokens[-1].i <= 6 and _in_subject(doc[end]):
        end += 1
    after = doc[end] if end < len(doc) else None
    if after is not None and after.tag_ in ("VBN", "VBD") and not _has_object(after):
        kind = verb_kind(after)
        return Attachment(kind, after, counted) if kind else None
    return None


def _in_subject(token: Token) -> bool:
    """Words of a coordinated subject and its auxiliaries: "two soldiers and a policeman were"."""
    if token.lower_ in ("and", "a", "an", "the", "one", "were", "was", "been", "reportedly"):
        return True
    return token.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") and not verb_kind(token)


def _has_object(verb: Token) -> bool:
    """An object on the verb or on a verb coordinated with it ("killed and wounded 5")."""
    verbs = [verb, *(v for v in verb.conjuncts if v.i > verb.i)]
    return any(c.dep_ == "dobj" for v in verbs for c in v.children)


def _role_noun(token: Token) -> bool:
    """ "hostages", "detainees", "refugees": a kind, unless a verb says what befell them."""
    return noun_kind(token) in ("abducted", "arrested") or lemma(token) in ("refugee", "idp")


def _attach_upward(position: Token, counted: Token | None) -> Attachment | None:
    token = position
    while token.dep_ == "conj" and token.head.pos_ in NOMINAL and token.head is not token:
        token = token.head
    head = token.head
    if token.dep_ == "conj" and (kind := verb_kind(head)):
        return Attachment(kind, head, counted)
    if token.dep_ in ARGUMENT_DEPS:
        return _attach_to_verb(token, head, counted)
    if token.dep_ == "pobj":
        return _attach_to_preposition(token.head, counted)
    return None


def _attach_to_verb(token: Token, verb: Token, counted: Token | None) -> Attachment | None:
    kind = verb_kind(verb)
    if kind:
        if _is_agent(token, verb, kind):
            return None
        hedged = lemma(verb) in word_set("hypothetical", "estimate_heads")
        return Attachment(kind, verb, counted, hedged)
    for child in verb.children:
        if child.dep_ in ("acomp", "oprd", "xcomp", "attr") and child is not token:
            kind = verb_kind(child) or noun_kind(child)
            if kind:
                hedged = lemma(verb) in word_set("hypothetical", "estimate_heads")
                return Attachment(kind, child, counted, hedged)
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "dobj") and child is not token:
            if is_toll(child) and (kind := toll_kind(child)):
                return Attachment(kind, child, counted)
            if lemma(verb) in ("include", "number", "total") and (kind := noun_kind(child)):
                return Attachment(kind, child, counted)
    return None


def _is_agent(token: Token, verb: Token, kind: str) -> bool:
    """The subject of an active transitive verb did it ("gunmen killed ...")."""
    if token.dep_ != "nsubj" or lemma(verb) in INTRANSITIVE or verb.pos_ == "ADJ":
        return False
    if verb.tag_ == "VBN" and not _perfect(verb):
        return False  # "with 255 others wounded"
    if not _has_object(verb) and victim_class(token) != "militants" and lemma(token) != "gunman":
        return False  # "one civilian killed and two others abducted" (a headline's passive)
    return kind != "missing"


def _attach_to_preposition(prep: Token, counted: Token | None) -> Attachment | None:
    if prep.lower_ in SUBSET_PREPS:
        return None
    head = prep.head
    if is_toll(head) and (kind := toll_kind(head)):
        return Attachment(kind, head, counted)
    if prep.lower_ in ("at", "to") and head.pos_ in ("VERB", "AUX"):
        for child in head.children:
            if child.dep_ in ("nsubj", "nsubjpass", "dobj") and is_toll(child):
                kind = toll_kind(child)
                return Attachment(kind, child, counted) if kind else None
    return _coded_figure(prep, counted)


def _coded_figure(prep: Token, counted: Token | None) -> Attachment | None:
    """ "fatalities coded as 10", "deaths were put at 12", "fatalities coded at a low estimate
    of 3": a figure given to a casualty noun by a verb of assessing."""
    if (
        prep.lower_ == "of"
        and prep.head.dep_ == "pobj"
        and lemma(prep.head) in word_set("coded", "figure_nouns")
    ):
        prep = prep.head.head
    head = prep.head
    verbs = word_set("coded", "verbs")
    if prep.lower_ not in ("as", "at", "to") or not {lemma(head), head.lower_} & verbs:
        return None
    for child in head.children:
        kind = noun_kind(child) if child.dep_ in ("nsubj", "nsubjpass") else None
        if kind in ("killed", "injured"):
            return Attachment(kind, child, counted, estimate=True)
    return None


def _is_subset(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in SUBSET_PREPS


def is_subset(figure: Figure, attachment: Attachment) -> bool:
    """ "including five soldiers", "among them three children": part of another figure."""
    position, _ = _locate(figure)
    return _is_subset(position)


def governing_verb(attachment: Attachment) -> Token:
    token = attachment.predicate
    if token.pos_ in ("NOUN", "PROPN", "ADJ") and token.dep_ != "ROOT":
        return token.head
    return token


def is_hypothetical(attachment: Attachment) -> bool:
    """ "could kill", "would be wounded", "threatened to kill", "if ... killed"."""
    verb = governing_verb(attachment)
    modals = word_set("hypothetical", "modals")
    for token in {verb, attachment.predicate}:
        for child in token.children:
            if child.dep_ == "aux" and lemma(child) in modals:
                return True
            if child.dep_ == "mark" and child.lower_ in ("if", "unless", "lest"):
                return True
            if child.dep_ == "advmod" and child.lower_ in word_set("hypothetical", "adverbs"):
                return True  # "wounded [possibly killed] several militants"
        governor = token.head
        if token.dep_ == "pcomp" and governor.dep_ == "prep":
            governor = governor.head  # "accused of killing a child"
            if lemma(governor) in word_set("hypothetical", "of_heads"):
                return True
        if token.dep_ in ("xcomp", "ccomp", "pcomp", "advcl") and (
            lemma(governor) in word_set("hypothetical", "heads")
        ):
            return True
    return False


def is_negated(attachment: Attachment) -> bool:
    verb = governing_verb(attachment)
    return any(c.dep_ == "neg" for c in (*verb.children, *attachment.predicate.children))


def is_cumulative(attachment: Attachment, figure: Figure | None = None) -> bool:
    """A background total: "since 2012", "over the past year", "an insurgency that has killed"."""
    verb = governing_verb(attachment)
    conflicts = word_set("cumulative", "conflict_nouns")
    clause = _clause_head(verb)
    if clause.dep_ in ("relcl", "acl") and (lemma(clause.head) in conflicts or _perfect(clause)):
        return True  # "an insurgency that has killed ...", "the war, which has displaced ..."
    if _perfect(verb) and any(c.dep_ == "nsubj" and lemma(c) in conflicts for c in verb.children):
        return True
    tokens = {verb, attachment.predicate, clause}
    if clause.dep_ in ("relcl", "acl"):
        tokens.add(clause.head)
    if attachment.counted is not None:
        tokens.add(attachment.counted)
    if figure is not None:
        tokens |= {figure.head, _locate(figure)[0]}
    return any(_cumulative_modifier(child) for token in tokens for child in token.children)


def is_standing_total(attachment: Attachment) -> bool:
    """A present-tense toll with nothing tying it to an event: "more than 40,000 people have been
    killed in the northeast", "seven million people are displaced across Congo". Reported speech
    ("said 15 had died") is past, and an event's own toll names it ("have been killed in the
    attack", "on Sunday")."""
    verb = _clause_head(governing_verb(attachment))
    finite = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass"))]
    if not any(token.tag_ in ("VBP", "VBZ") for token in finite):
        return False
    anchors = word_set("cumulative", "event_anchors")
    return not any(lemma(token) in anchors or token.lower_ in anchors for token in verb.subtree)


def _clause_head(verb: Token) -> Token:
    """The first verb of a coordination ("has killed ... and displaced ...")."""
    while verb.dep_ == "conj" and verb.head.pos_ in ("VERB", "AUX") and verb.head is not verb:
        verb = verb.head
    return verb


def _perfect(verb: Token) -> bool:
    return any(c.dep_ == "aux" and lemma(c) == "have" for c in verb.children)


def _cumulative_modifier(child: Token) -> bool:
    text = " ".join(t.lower_ for t in child.subtree)
    if child.dep_ == "prep" and child.lower_ == "since":
        objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
        return any(_since_object(g) for g in objects)
    if child.dep_ == "prep" and child.lower_ in ("over", "in", "during", "within"):
        return any(text.startswith(p) or text == p for p in word_set("cumulative", "phrases")) or (
            any(w in text.split() for w in ("past", "last", "recent"))
            and any(w in text.split() for w in word_set("cumulative", "period_nouns"))
        )
    if child.dep_ in ("npadvmod", "advmod"):
        return text in word_set("cumulative", "phrases")
    return False


def _since_object(token: Token) -> bool:
    if token.like_num and len(token.text) == 4:
        return True
    words = {lemma(t) for t in token.subtree} | {t.lower_ for t in token.subtree}
    return bool(words & word_set("cumulative", "since_objects")) or "year" in words


CLAUSE_LINKS = frozenset({"conj", "parataxis", "ROOT"})
CAUSE_PREPOSITIONS = frozenset({"after", "following", "against", "over"})


def is_grievance(attachment: Attachment) -> bool:
    """A past death that the event is about, not one of its own: "protested against the killing
    of two students", "relatives of three men who died in custody", "to commemorate the death of
    four students", "demonstrated after a colleague was killed", "in revenge for the killing of
    their chief". The casualty word sits under a word of mourning or reprisal, or under "after",
    "against", "over" on a word of protest, reached without leaving its clause by a coordination
    or entering a relative clause ("a protest in which three were killed" is the protest's own)."""
    token = attachment.predicate
    while token.dep_ not in CLAUSE_LINKS and token.head is not token:
        parent = token.head
        if token.dep_ in ("relcl", "acl", "advcl"):
            if token.dep_ == "advcl" and _after_mark(token) and _protest_word(parent):
                return True  # "demonstrated after a colleague was killed"
        elif _grievance_parent(parent):
            return True
        token = parent
    return False


def _grievance_parent(parent: Token) -> bool:
    if lemma(parent) in word_set("grievance", "heads"):
        return True
    return parent.lower_ in CAUSE_PREPOSITIONS and _protest_word(parent.head)


def _protest_word(token: Token) -> bool:
    """A word of protest, or a verb whose object is one ("staged a protest against ...")."""
    words = word_set("grievance", "protest_words")
    if lemma(token) in words:
        return True
    objects = [c for c in token.children if c.dep_ == "dobj"]
    return any(lemma(c) in words or _phrase(c) in words for c in objects)


def _phrase(token: Token) -> str:
    """The words of a compound noun, hyphens joined: "sit-in"."""
    words = [t for t in token.subtree if t.i <= token.i and t.dep_ in ("compound", "punct")]
    return "".join(t.lower_ for t in [*words, token])


def _after_mark(clause: Token) -> bool:
    """The clause opens with "after" or "since" (as its mark or as a stray preposition)."""
    start = clause.left_edge.i
    opening = [clause.doc[i].lower_ for i in (start - 1, start) if i >= 0]
    if any(word in ("after", "since", "following") for word in opening):
        return True
    return any(c.dep_ == "mark" and c.lower_ in ("after", "since") for c in clause.children)
