"""French detection: the literal-act reading of extract/detect/literal.py reads French sentences
with lexicons/detection_fr.toml (they were all taken as anchors before). Every text is invented."""

from __future__ import annotations

import pytest

from eventwire.extract.detect import detect_frames
from eventwire.extract.detect.literal import reading
from eventwire.models import Document
from eventwire.nlp.analysis import analyze

NO_EVENT = {
    "football": (
        "L'attaque de l'équipe nationale a manqué de réalisme samedi lors du match contre le "
        "Ghana, et l'entraîneur a reconnu que ses joueurs avaient été battus sur le terrain."
    ),
    "road accident": (
        "Sept personnes ont été tuées et douze blessées dans un accident de la route survenu "
        "dimanche près de Koudougou, lorsqu'un car a percuté un camion."
    ),
    "floods": (
        "Les inondations provoquées par des pluies diluviennes ont fait quatre morts lundi dans "
        "plusieurs quartiers de Niamey, selon la protection civile."
    ),
    "trial": (
        "Le procès des auteurs présumés de l'attaque du marché de Sanda s'est ouvert mardi devant "
        "le tribunal de grande instance, en présence des familles des victimes."
    ),
    "price war": (
        "Les opérateurs de téléphonie se livrent une guerre des prix depuis le début du mois, au "
        "profit des consommateurs."
    ),
    "anniversary": (
        "Les habitants de Yirgou ont rendu hommage mercredi aux victimes, il y a cinq ans, de "
        "l'attaque qui avait fait des dizaines de morts."
    ),
    "threat": (
        "Les syndicats menacent de lancer une grève si le gouvernement ne revoit pas sa décision."
    ),
}

EVENT = {
    "gunmen": "Des hommes armés ont tué trois villageois lundi près de Djibo, selon des habitants.",
    "ambush": (
        "Une embuscade tendue mardi contre une patrouille de l'armée près de Dori a fait quatre "
        "morts parmi les soldats."
    ),
    "protest": (
        "Des centaines d'élèves ont manifesté jeudi à Zinder pour réclamer leurs bourses ; la "
        "police les a dispersés au gaz lacrymogène."
    ),
    "abduction": "Un enseignant a été enlevé lundi à Diapaga par des individus armés.",
    "clash": (
        "Des affrontements ont opposé mercredi des chasseurs dozos à des combattants du JNIM "
        "près de Niono."
    ),
}


def _doc(text: str):
    return analyze(Document(id="t", text=text, language="fr"), parse=False)


@pytest.mark.parametrize("name", sorted(NO_EVENT))
def test_french_news_of_other_kinds_states_no_event(name: str) -> None:
    assert detect_frames(_doc(NO_EVENT[name])) == []


@pytest.mark.parametrize("name", sorted(EVENT))
def test_a_french_report_of_an_act_is_an_event(name: str) -> None:
    assert len(detect_frames(_doc(EVENT[name]))) == 1


def test_french_words_are_read_only_in_french_sentences() -> None:
    text = "Des hommes armés ont ouvert le feu sur la foule."
    assert reading(text, "fr").act
    assert not reading("A road accident near the market.", "en").act
    assert reading("Un accident de la route a fait deux morts.", "fr").non_violent
    assert not reading("Un accident de la route a fait deux morts.", "en").act
