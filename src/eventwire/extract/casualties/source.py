"""Who reported a figure: the subject of the reporting verb above it, "according to X", or an
"official" on the toll ("the official death toll stands at 77")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from eventwire.extract.casualties.syntax import is_toll, lemma, verb_kind, word_set

if TYPE_CHECKING:
    from spacy.tokens import Token

_DROP_DEPS = frozenset({"relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "parataxis"})
_VAGUE_SUBJECTS = frozenset({"it", "they", "he", "she", "this", "that", "which", "who", "we"})


def source_of(token: Token) -> tuple[str | None, bool]:
    """(who said the figure at `token`, whether they said it as an estimate)."""
    reporting = word_set("sources", "verbs")
    previous = token
    for ancestor in _ancestors(token):
        inside_subject = previous.dep_ in ("nsubj", "nsubjpass", "csubj")
        previous = ancestor
        according = _according_to(ancestor)
        if according:
            return according, False
        if inside_subject or (ancestor is not token and verb_kind(ancestor)):
            continue
        if lemma(ancestor) in reporting and ancestor.pos_ in ("VERB", "AUX"):
            subject = _subject(ancestor)
            if subject:
                return subject, lemma(ancestor) == "estimate"
        adjective = _toll_adjective(ancestor)
        if adjective:
            return adjective, False
    return _fallback(token)


def _ancestors(token: Token) -> list[Token]:
    chain = [token]
    while chain[-1].head is not chain[-1] and len(chain) < 40:
        chain.append(chain[-1].head)
    return chain


def _according_to(token: Token) -> str | None:
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ == "according":
            for to in child.children:
                for obj in to.children:
                    if obj.dep_ == "pobj":
                        return phrase(obj)
    return None


def _subject(verb: Token) -> str | None:
    for child in verb.children:
        if child.dep_ == "nsubj" and child.lower_ not in _VAGUE_SUBJECTS:
            return phrase(child)
        if child.dep_ == "agent" and lemma(verb) != "claim":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return phrase(obj)
    return None


def _toll_adjective(token: Token) -> str | None:
    candidates = [token, *(c for c in token.children if c.dep_ in ("nsubj", "nsubjpass", "dobj"))]
    for candidate in candidates:
        if not is_toll(candidate):
            continue
        for child in candidate.children:
            if child.dep_ in ("amod", "compound") and lemma(child) in word_set(
                "sources", "toll_adjectives"
            ):
                return child.lower_
    return None


def _fallback(token: Token) -> tuple[str | None, bool]:
    """A reporting clause hung on the side ("..., the army said.") or "according to" anywhere."""
    reporting = word_set("sources", "verbs")
    for other in token.doc:
        side_clause = other.dep_ in ("parataxis", "ROOT") and other.i > token.i
        if side_clause and lemma(other) in reporting and not verb_kind(other):
            subject = _subject(other) if other.pos_ == "VERB" else None
            if subject:
                return subject, False
        according = _according_to(other)
        if according:
            return according, False
    return None, False


def phrase(head: Token) -> str:
    """The noun phrase of `head` without clauses, appositions and punctuation."""
    keep = sorted(_phrase_tokens(head), key=lambda t: t.i)
    text = "".join(t.text_with_ws for t in keep).strip()
    if keep and keep[0].dep_ == "det" and keep[0].lower_ in ("the", "a", "an"):
        text = keep[0].lower_ + text[len(keep[0].text) :]
    return text


def _phrase_tokens(token: Token) -> list[Token]:
    tokens = [token]
    for child in token.children:
        if child.dep_ in _DROP_DEPS:
            continue
        if child.dep_ == "prep" and child.lower_ != "of":
            continue
        tokens.extend(_phrase_tokens(child))
    return tokens
