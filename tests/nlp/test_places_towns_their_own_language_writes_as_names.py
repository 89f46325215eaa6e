"""A town whose own language's word tables list it as a name is still a town. The Swedish and Polish lemma tables
(spaCy's) hold their towns, written with a capital only ("Luleå", "Kirunas", "Östersund", "Sopot"): a name there,
not a word, so the small places of the gazetteer keep them (``tables._words_in_lower_case``). A name a table writes
in lower case somewhere stays out: it is a word ("Gramado" is Portuguese for lawn, "Koło" Polish for wheel)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("telia mobilnät nere i hela kiruna? inget 4G sedan lunch", ["geo:SE-BD"]),
    ("Luleå utan Telenor, varken samtal eller data", ["geo:SE-BD"]),
    ("uber i sundsvall funkade inte på en timme igår kväll, nu är det ok igen", ["geo:SE-Y"]),
    ("linkedin är död i Östersund, whatsapp funkar som vanligt", ["geo:SE-Z"]),
    ("Sopot: od rana brak internetu w Orange, ani rozmów", ["geo:PL-22"]),
    ("Telenor mast down in Narvik, no coverage since yesterday", ["geo:NO-18"]),
    ("Comcast is out across Jamaica Plain, whole street dark since 8", ["geo:US-MA"]),
])
def test_a_town_its_own_tables_write_as_a_name_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Gramado molhado, jogo adiado e a Claro fora do ar",  # Gramado, a town in Rio Grande do Sul, is a lawn first
    "Orange znowu padł. Koło się zamyka, trzecia awaria w tym miesiącu",  # Koło, a town, is "koło", a wheel, first
])
def test_a_town_named_like_a_word_of_a_language_read_stays_out(tag, text):
    assert not [r for r in tag(text)["regions"] if r in ("geo:BR-RS", "geo:PL-30")]
