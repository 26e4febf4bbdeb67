"""A faster stand-in for the English model's `attribute_ruler`, built from its own patterns.

The model's attribute ruler maps fine tags to POS and morphology and sets a few lemma and POS
exceptions, running a spaCy `Matcher` over every token: about a quarter of the parse time on
the bench corpus. Its patterns are all one or two tokens long and test only TAG, LOWER, DEP and
IS_SPACE, so a dictionary keyed on the tag finds the candidate patterns of a token directly.
The patterns, attributes and their precedence (a later pattern overrides an earlier one) are
read from the loaded ruler, never written here, so a new model version brings its own rules;
`load_model` checks that every pattern can be compiled and keeps the original ruler otherwise.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Token
from spacy.tokens._retokenize import set_token_attrs

Test = Callable[[Token], bool]
_READERS: dict[str, Callable[[Token], Any]] = {
    "TAG": lambda t: t.tag_,
    "LOWER": lambda t: t.lower_,
    "DEP": lambda t: t.dep_,
    "IS_SPACE": lambda t: t.is_space,
}


class UnsupportedPattern(ValueError):
    """A pattern this stand-in cannot compile: keep the model's own ruler."""


class FastAttributes:
    def __init__(self, patterns: list[dict[str, Any]], attrs: list[dict[Any, Any]]) -> None:
        self.attrs = attrs
        self.by_tag: dict[str, list[tuple[int, Test]]] = defaultdict(list)
        self.any_tag: list[tuple[int, Test]] = []
        self.sequences: list[tuple[int, list[Test], int]] = []
        self.memo: dict[tuple[str, str, str, bool], tuple[tuple[int, ...], tuple[int, ...]]] = {}
        for rule, pattern in enumerate(patterns):
            for alternative in pattern["patterns"]:
                self._add(rule, alternative, pattern.get("index", 0))

    def _add(self, rule: int, tokens: list[dict[str, Any]], index: int) -> None:
        tests = [_token_test(conditions) for conditions in tokens]
        if len(tokens) > 1:
            self.sequences.append((rule, tests, index))
            return
        tags = _exact_tags(tokens[0].get("TAG"))
        for tag in tags or ():
            self.by_tag[tag].append((rule, tests[0]))
        if tags is None:
            self.any_tag.append((rule, tests[0]))

    def __call__(self, doc: Doc) -> Doc:
        hits: list[tuple[int, int]] = []
        for token in doc:
            key = (token.tag_, token.lower_, token.dep_, token.is_space)
            known = self.memo.get(key)
            if known is None:
                known = self.memo[key] = self._rules_for(token)
            rules, starts = known
            hits.extend((rule, token.i) for rule in rules)
            for number in starts:  # a two-token rule whose first token this one matches
                hits.extend(self._sequence_hit(doc, token.i, number))
        hits.sort()
        for rule, position in hits:
            set_token_attrs(doc[position], self.attrs[rule])
        return doc

    def _rules_for(self, token: Token) -> tuple[tuple[int, ...], tuple[int, ...]]:
        """The single-token rules a token matches, and the multi-token rules it may open; both
        depend only on its tag, lowercase form, dependency label and whether it is a space, so
        the answer is remembered per key."""
        candidates = [*self.by_tag.get(token.tag_, ()), *self.any_tag]
        rules = tuple(sorted(rule for rule, test in candidates if test(token)))
        starts = tuple(n for n, (_rule, tests, _i) in enumerate(self.sequences) if tests[0](token))
        return rules, starts

    def _sequence_hit(self, doc: Doc, start: int, number: int) -> list[tuple[int, int]]:
        rule, tests, index = self.sequences[number]
        width = len(tests)
        if start + width > len(doc):
            return []
        if not all(test(doc[start + k]) for k, test in enumerate(tests[1:], start=1)):
            return []
        return [(rule, start + (index if index >= 0 else width + index))]


def _exact_tags(condition: Any) -> list[str] | None:
    """The tags a TAG condition accepts, or None when it accepts open-ended ones (absent,
    NOT_IN, REGEX)."""
    if isinstance(condition, str):
        return [condition]
    if isinstance(condition, dict) and set(condition) == {"IN"}:
        return list(condition["IN"])
    return None


def _token_test(conditions: dict[str, Any]) -> Test:
    tests = [_attribute_test(name, value) for name, value in conditions.items()]
    return lambda token: all(test(token) for test in tests)


def _attribute_test(name: str, value: Any) -> Test:
    read = _READERS.get(name)
    if read is None:
        raise UnsupportedPattern(f"attribute {name}")
    if isinstance(value, str | bool):
        return lambda token: read(token) == value
    if isinstance(value, dict) and len(value) == 1:
        ((operator, operand),) = value.items()
        if operator == "IN":
            accepted = frozenset(operand)
            return lambda token: read(token) in accepted
        if operator == "NOT_IN":
            refused = frozenset(operand)
            return lambda token: read(token) not in refused
        if operator == "REGEX":
            pattern = re.compile(operand)
            return lambda token: bool(pattern.search(read(token)))
    raise UnsupportedPattern(f"{name}: {value!r}")


@Language.factory("eventwire_attributes")
def make_fast_attributes(nlp: Language, name: str) -> FastAttributes:
    """Compiled from the pipeline's `attribute_ruler` (which must come before it)."""
    ruler = nlp.get_pipe("attribute_ruler")
    return FastAttributes(ruler.patterns, list(ruler.attrs))


def use_fast_attributes(nlp: Language) -> Language:
    """Replace the model's attribute ruler with the compiled stand-in, when it compiles."""
    if "attribute_ruler" not in nlp.pipe_names:
        return nlp
    try:
        nlp.add_pipe("eventwire_attributes", after="attribute_ruler")
    except UnsupportedPattern:
        return nlp
    nlp.remove_pipe("attribute_ruler")
    return nlp
