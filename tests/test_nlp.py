from __future__ import annotations

from eventwire.nlp.analysis import is_event_sentence, needs_parse, sentence_cues, split_sentences
from eventwire.pipeline import Pipeline
from tests.helpers import make_doc


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def test_split_keeps_abbreviations_and_initialisms_inside_sentences() -> None:
    text = (
        "The U.N. mission said Gen. Traoré left on Monday. Mr. Diallo stayed.\n\n"
        "A new paragraph starts here! Does it? Yes."
    )
    assert sentences(text) == [
        "The U.N. mission said Gen. Traoré left on Monday.",
        "Mr. Diallo stayed.",
        "A new paragraph starts here!",
        "Does it?",
        "Yes.",
    ]


def test_split_offsets_point_into_the_text() -> None:
    text = "  First one.  Second one.\n"
    assert [text[a:b] for a, b in split_sentences(text)] == ["First one.", "Second one."]


def test_cues() -> None:
    assert {"violence", "casualty", "quantity"} <= sentence_cues(
        "Gunmen killed 12 herders near the well."
    )
    assert "reaction" in sentence_cues("The minister condemned the raid.")
    assert "background" in sentence_cues("The region has been plagued by violence for years.")
    assert sentence_cues("The weather was mild and the market busy.") == frozenset()


def test_only_sentences_that_can_feed_a_field_are_parsed() -> None:
    doc = make_doc(
        "Militants attacked an army post in Dori on Sunday. "
        "The governor condemned the attack. "
        "The army has fought insurgents in the region for years. "
        "Analysts said the group wants to show its strength. "
        "Residents said markets stayed closed. "
        "Later, the army said 14 soldiers were killed and nine wounded. "
        "The group is thought to number a few hundred fighters and has attacked before.",
        "2024-06-04",
    )
    parsed = [s.index for s in doc.sentences if s.parsed]
    assert parsed == [0, 5]
    assert [needs_parse(s) for s in doc.sentences] == [s.parsed for s in doc.sentences]


def test_a_background_lede_with_a_figure_still_states_the_event() -> None:
    doc = make_doc(
        "At least 20 soldiers were killed on Monday near Djibo in the deadliest attack since 2019.",
        "2024-06-05",
    )
    assert is_event_sentence(doc.sentences[0]) and doc.sentences[0].parsed
    (event,) = Pipeline().events_of(doc)
    assert event.fatalities.low == 20


def test_an_anniversary_without_a_figure_is_not_an_event_sentence() -> None:
    doc = make_doc("The attack came a day after the anniversary of the 2012 coup.")
    assert not is_event_sentence(doc.sentences[0])


def test_the_compiled_attribute_rules_tag_exactly_as_the_models_ruler() -> None:
    import spacy

    from eventwire.nlp.model import ENGLISH_MODELS, installed_model, load_model

    fast = load_model("en")
    assert "eventwire_attributes" in fast.pipe_names
    assert "attribute_ruler" not in fast.pipe_names
    original = spacy.load(installed_model(ENGLISH_MODELS) or "", exclude=["ner"])
    texts = [
        "Gunmen ain't gonna stop: they killed 12 villagers and wounded dozens on Tuesday.",
        "The army said it had n't lost any soldiers, but residents said   three were killed.",
        "Whether or not the convoy was attacked, police have arrested two suspects since.",
    ]
    for mine, theirs in zip(fast.pipe(texts), original.pipe(texts), strict=True):
        assert [(t.pos_, t.lemma_, str(t.morph)) for t in mine] == [
            (t.pos_, t.lemma_, str(t.morph)) for t in theirs
        ]
