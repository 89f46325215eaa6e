"""A big city named by its short form or nickname, as its own people type it ("Sampa", "Joburg", "Brum", "Baires",
"Vizag"): geonames' alternate names of the markets' cities of 500,000 people or more that are shorter than the name and
begin with its letter (or its initials, two capitals), less the words of English and of the city's country's
languages. Read only in a language of the city's country: elsewhere such a name is a word or a shop ("Wawa")."""

from __future__ import annotations

import pytest

from outagewatch.nlp.geo import place_kinds


@pytest.mark.parametrize("text, regions", [
    ("vodacom data dead across Joburg since 6am, no bars anywhere", ["geo:ZA-GP"]),
    ("Virgin Media broadband down across Brum tonight, whole street dark", ["geo:GB-BIR"]),
    ("Personal no anda en Baires desde el mediodía, cero datos", ["geo:AR-C"]),
    ("Claro sem sinal em Sampa desde cedo, alguém mais?", ["geo:BR-SP"]),
])
def test_a_big_city_by_its_nickname_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "the Wawa app keeps crashing every time I order a hoagie",  # a shop in an American post, not Warsaw's "Wawa"
    "la Minga indígena bloquea la vía y Claro sin señal en toda la zona",  # a Spanish word, Munich's "Minga" in German
])
def test_a_nickname_in_a_language_not_its_countrys_is_no_place(tag, text):
    assert tag(text)["regions"] == []


def test_nicknames_come_from_the_gazetteer_less_the_languages_words():
    kinds = place_kinds()
    assert kinds.get("Joburg") == "nickname" and kinds.get("Sampa") == "nickname"
    assert kinds.get("Sari") != "nickname"  # Surrey's alternate name, an English word (the garment)
    assert kinds.get("Meksiko") == "country"  # a country's translation keeps its name
