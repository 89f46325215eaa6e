"""A big city named by its short form or nickname, as its own people type it ("Sampa", "Joburg", "Brum", "Baires",
"Vizag"): geonames' alternate names of the markets' cities of 500,000 people or more that are shorter than the name and
begin with its letter, less the words of English and of the city's country's
languages. Read only in a language of the city's country: elsewhere such a name is a word or a shop ("Wawa")."""

from __future__ import annotations

import pytest

from outagewatch.nlp.geo import city_initials, place_kinds


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


# A big city by its initials in capitals ("em BH", "in SF", "in KL"): geonames' alternate names that are the city's
# initials, looked up as written and taken where said as a place, in English or a language of its country.
@pytest.mark.parametrize("text, regions", [
    ("Vivo sem sinal em BH desde cedo, nem ligação sai", ["geo:BR-MG"]),
    ("Maxis fibre down in KL since 8pm, the whole condo is offline", ["geo:MY-14"]),
    ("netflix not loading here in SF, just the spinning wheel", ["geo:US-CA"]),
    ("spectrum internet down in LA again, third time this week", ["geo:US-CA"]),  # the city, not Louisiana's code
    ("BH: Nubank fora do ar, nem pix nem cartão", ["geo:BR-MG"]),
])
def test_a_big_city_by_its_initials_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("SF Symbols app crashes on launch after the update", []),  # a product's name, not said as a place
    ("the KL meeting moved to thursday because slack is down", []),
    ("Cox internet out across Baton Rouge, LA since the storm", ["geo:US-LA"]),  # a state after a place and a comma
    ("Orange : pas de réseau à BH depuis ce matin", []),  # French for none of Belo Horizonte's languages
])
def test_initials_not_said_as_a_place_are_no_city(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_initials_come_from_geonames_alternate_names():
    initials = city_initials()
    assert initials["BH"] == "BR-MG" and initials["SF"] == "US-CA" and initials["KL"] == "MY-14"
    assert "BA" not in initials  # no geonames alternate name: "BA" is British Airways before it is Buenos Aires
