"""Literal acts: does a sentence say that people did violence, protested or made a strategic
move, or does it use the words for a game, a market, a metaphor, an accident or a disease?

Cue words alone cannot tell: "attack", "shot", "clash", "strike", "injury", "died" and "battle"
fill sport, business, politics and obituaries. A sentence is an *anchor* of an event when it
has an act word whose plain meaning is violence by people ("gunmen", "airstrike", "tear gas",
"protesters", "ambushed"), a body found, or a violence word beside a participant of violence
(armed or security actors, a crowd, a victim, a weapon; words of the lexicon or actors of the
dictionary, data/actors.toml), and it is none of these:
- a possibility, a plan or a prevention ("could strike", "powers to detain"), a quote, a trial
  ("a court heard"), or history (dated years back, "two years ago": `tells_the_past`);
- a non-violent cause (an earthquake, a crash, an illness), unless an armed actor is in it
  ("gunmen attacked villagers fleeing the floods"; the police who only report do not count);
- a metaphor ("under fire", "price war", "seize the moment"), for a violence word.
In an article about something else (`is_other_news`: sport, markets, films, technology, trials,
bills) only an act word with an armed actor anchors. The lexicon is data/lexicons/detection.toml;
each sentence is read against it once (`reading`). `sentences.detect_frames` opens a frame only
for a group of event sentences with an anchor.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache, cached_property, lru_cache

from eventwire.data import load_toml
from eventwire.extract.actors import find_matches
from eventwire.nlp.analysis import Sentence

LEXICON = "lexicons/detection.toml"
FRENCH = "lexicons/detection_fr.toml"
"""French words, appended to `LEXICON`'s sections for French sentences."""
READ = frozenset({"en", "fr"})
"""Languages the lexicon reads; a sentence in another keeps the cue-based detection."""
ARMED_INTERS = frozenset({1, 2, 3, 4, 8})
MIN_TOPIC_WORDS = 4
HISTORY_YEARS = 2
_YEAR = re.compile(
    r"(?<!since )(?<!over )(?<!about )(?<!around )(?<!some )(?<!nearly )(?<!than )(?<!least )"
    r"(?<![\d,])((?:19|20)\d\d)(?![\d,])(?! (?:people|persons|men|women|students|residents|"
    r"protesters|demonstrators|workers|members|supporters|soldiers|troops|fighters|families)\b)"
)
"""A year, not a count ("over 2000 students", "1990 people")."""
_MONTHS = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
_RECENT = re.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)? {_MONTHS}|\b{_MONTHS}\.? \d{{1,2}}(?:st|nd|rd|th)?\b|"
    r"\b(?:on |last |this )(?:mon|tues|wednes|thurs|fri|satur|sun)day\b|\byesterday\b|"
    r"\blast night\b|\bthis (?:morning|week)\b",
    re.IGNORECASE,
)
"""A day of its own ("On 29 Jan", "on Friday"): the sentence reports something that happened
then, whatever older year it mentions as background."""
_REPORTERS = (
    r"(?:the )?(?:\w+ )?(?:police|army|military|gendarmerie|officials?|authorities|spokesm[ae]n)"
)
_ATTRIBUTION = re.compile(
    rf"according to {_REPORTERS}(?: \w+){{0,3}}|, {_REPORTERS}(?: \w+){{0,3}} "
    r"(?:said|says|told|reported|confirmed|added)",
    re.IGNORECASE,
)
"""Who reported it ("..., police said"): the police who tell of a crash did not cause it."""
_YEARS_AGO = re.compile(
    r"\b(?:two|three|four|five|six|seven|eight|nine|ten|a few|several|many|\d+) years ago|"
    r"\bdecades ago|\bin the (?:19|20)\d0s\b",
    re.IGNORECASE,
)
_GRIEVANCE = re.compile(
    r"\b(?:over|against|oppos\w*|about|protest\w*(?: against)?) (?:the )?(?:[\w-]+'s )?"
    r"(?:[\w-]+ ){0,2}(?:plans?|move|bid|decision|proposals?) to\b",
    re.IGNORECASE,
)
"""A plan that people protest is their grievance, not a hypothetical act of theirs."""
QUOTES = frozenset("\"“‘'«")
_MONTH = re.compile(r"(?<!^)\bMarch\b")
"""The month, which the collective-action words ("march") would otherwise read as a march."""


def _compile(patterns: list[str]) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])(?:" + "|".join(patterns) + ")", re.IGNORECASE)


@cache
def _patterns(language: str = "en") -> dict[str, re.Pattern[str]]:
    lexicon = load_toml(LEXICON)
    extra = load_toml(FRENCH) if language == "fr" else {}
    compiled = {
        name: _compile(section["patterns"] + extra.get(name, {}).get("patterns", []))
        for name, section in lexicon.items()
        if name not in ("domains", "sentences")
    }
    domains = [*lexicon["domains"].values(), *extra.get("domains", {}).values()]
    compiled["domain"] = _compile([p for words in domains for p in words])
    return compiled


def _has(kind: str, text: str, language: str = "en") -> bool:
    return _patterns(language)[kind].search(text) is not None


def without_month(text: str) -> str:
    """`text` with the month "March" masked, so that it reads as no march."""
    return _MONTH.sub("Month", text)


def states_act(text: str, language: str = "en") -> bool:
    """An act word of violence by people, not only as a possibility."""
    found = reading(text, language)
    return found.act and not found.hypothetical


def names_participant(text: str, language: str = "en") -> bool:
    """An armed or security actor, a crowd, a victim or a weapon, from the lexicon or the actor
    dictionary (data/actors.toml)."""
    return _has("participants", text, language) or bool(find_matches(text))


def names_armed(text: str, language: str = "en") -> bool:
    if _has("armed", text, language):
        return True
    return any(match.entry.inter in ARMED_INTERS for match in find_matches(text))


_PRETEXT = re.compile(
    r"\b(?:claiming|accusing|alleging|blaming|suspecting|on suspicion)\b[^.;]*", re.IGNORECASE
)
"""What the attackers claimed or suspected ("residents beat a herder, claiming his cattle had
caused an accident"): their pretext, not the cause of the harm."""


def non_violent_cause(text: str, language: str = "en") -> bool:
    return _has("non_violent", _PRETEXT.sub("", text), language)


def tells_the_past(text: str, published: date | None) -> bool:
    """A sentence dated only in years long before publication ("the 1981 Brixton riots", "in the
    aftermath of the crackdown in 1989", "a fight two years ago"): history, not the report of an
    act."""
    if _YEARS_AGO.search(text):
        return True
    if published is None:
        return False
    years = [int(y) for y in _YEAR.findall(text)]
    if not years or max(years) > published.year - HISTORY_YEARS:
        return False
    return not _RECENT.search(_YEAR.sub("", text))


def in_retrospect(sentence: Sentence) -> bool:
    """A sentence that looks back ("last year's attack", "the anniversary of the bombing"): its
    violence is background, though a protest that marks it is an event (`[retrospect]`)."""
    return sentence.language in READ and reading(sentence.text, sentence.language).retrospect


def is_quote(text: str) -> bool:
    """A sentence that is someone's words: opinions and hypotheses, not the report of an act."""
    return text[:1] in QUOTES


class Reading:
    """What the lexicon finds in one sentence, each question asked once and only when a rule asks
    it (the detector runs before the parse and after it, several rules ask the same questions,
    and most sentences are dismissed on their first three: `act`, `bodies`, `violence`)."""

    def __init__(self, text: str, language: str = "en") -> None:
        self.text = text
        self.language = language
        self._patterns = _patterns(language)
        self._unmonthed = without_month(text)

    def _has(self, kind: str, where: str | None = None) -> bool:
        return self._patterns[kind].search(self.text if where is None else where) is not None

    @cached_property
    def hypothetical(self) -> bool:
        return only_hypothetical(self.text, self.language)

    @cached_property
    def judicial(self) -> bool:
        return self._has("judicial")

    @cached_property
    def opinion(self) -> bool:
        """Opinion, analysis or a denial (`[opinion]`): no act of its own."""
        return self._has("opinion")

    @cached_property
    def diplomatic(self) -> bool:
        return self._has("diplomatic")

    @cached_property
    def retrospect(self) -> bool:
        return self._has("retrospect")

    @cached_property
    def quote(self) -> bool:
        return is_quote(self.text)

    @cached_property
    def armed(self) -> bool:
        """An armed actor, not counting the police or officials who only report ("..., police
        said")."""
        stripped = _ATTRIBUTION.sub("", self.text)
        if stripped == self.text:
            return self.armed_anywhere
        return names_armed(stripped, self.language)

    @cached_property
    def armed_anywhere(self) -> bool:
        return names_armed(self.text, self.language)

    @cached_property
    def act(self) -> bool:
        return self._has("acts", self._unmonthed)

    @cached_property
    def bodies(self) -> bool:
        return self._has("bodies")

    @cached_property
    def non_violent(self) -> bool:
        return non_violent_cause(self.text, self.language)

    @cached_property
    def violence(self) -> bool:
        return self._has("violence")

    @cached_property
    def metaphor(self) -> bool:
        return self._has("metaphor")

    @cached_property
    def participant(self) -> bool:
        return names_participant(self.text, self.language)

    @cached_property
    def other_words(self) -> int:
        return len(self._patterns["domain"].findall(self.text))

    @cached_property
    def conflict_words(self) -> int:
        acts = self._patterns["acts"].findall(self._unmonthed)
        return len(self._patterns["armed"].findall(self.text)) + len(acts)


def only_hypothetical(text: str, language: str = "en") -> bool:
    """A clause that says an act might, could or will happen ("unions could strike if talks
    fail"), and no act stated outside such clauses ("protesters blocked the streets despite a
    warning that police would not allow it" states the blockade)."""
    patterns = _patterns(language)
    plain = _GRIEVANCE.sub("", text)
    if patterns["hypothetical"].search(plain) is None:
        return False
    rest = without_month(patterns["hypothetical"].sub(" ", plain))
    if patterns["violence"].search(rest):
        return False
    agents = patterns["agents"]
    return all(agents.fullmatch(m.group()) for m in patterns["acts"].finditer(rest))


@lru_cache(maxsize=65536)
def reading(text: str, language: str = "en") -> Reading:
    return Reading(text, language)


def is_other_news(sentences: list[Sentence]) -> bool:
    """An article about something else (a match, a market, a film, a trial, a bill): words of
    other kinds of news outnumber twice over the words of armed violence, and there are at least
    `MIN_TOPIC_WORDS` of them (a one-line conflict note never reaches that)."""
    found = [reading(s.text, s.language) for s in sentences if s.language in READ]
    other = sum(r.other_words for r in found)
    return other >= MIN_TOPIC_WORDS and other > 2 * sum(r.conflict_words for r in found)


def is_anchor(sentence: Sentence, other_news: bool = False) -> bool:
    """Whether the sentence states a literal act of violence, protest or coercion. In an article
    about something else (`is_other_news`), only an act with an armed actor beside it does."""
    if sentence.language not in READ:
        return True  # a language the lexicon does not read keeps the cue-based detection
    r = reading(sentence.text, sentence.language)
    act = r.act or r.bodies
    if not act and not r.violence:
        return False
    if r.hypothetical or r.judicial or r.opinion or r.quote:
        return False
    if other_news:
        return r.armed and act
    if r.non_violent and not r.armed:
        return False
    if act:
        return True
    if not r.violence or (r.metaphor and not r.armed):
        return False
    return r.participant


def is_literal_collective(sentence: Sentence, other_news: bool = False) -> bool:
    """A protest, strike or blockade by people, not a market rally or the month of March."""
    if sentence.language not in READ:
        return True
    r = reading(sentence.text, sentence.language)
    if r.hypothetical or r.metaphor or r.diplomatic or r.opinion:
        return False
    return not other_news or r.act


def is_literal_development(sentence: Sentence, other_news: bool = False) -> bool:
    """A seizure, arrest, curfew or agreement done by or to people of a conflict, not a firm."""
    if sentence.language not in READ:
        return True
    r = reading(sentence.text, sentence.language)
    if r.hypothetical or r.non_violent or r.diplomatic or r.retrospect or r.opinion:
        return False
    if other_news:
        return r.armed_anywhere
    return r.participant or r.act


def anchor_kind(sentence: Sentence, other_news: bool = False) -> str | None:
    """How strongly a sentence anchors an event: "armed_act" (an act word with an armed actor),
    "act", "participant" (a violence word beside a participant), None when it is no anchor."""
    if not is_anchor(sentence, other_news):
        return None
    if sentence.language not in READ:
        return "act"
    r = reading(sentence.text, sentence.language)
    if r.act or r.bodies:
        return "armed_act" if r.armed_anywhere else "act"
    return "participant"
