"""Where a post is set, as its writer says it: to a city's people by their own word ("Paulistanos, ...",
"Scousers, ...", "Porteños, ..."), by a city the gazetteer must place in its province (Bilbao, Jakarta,
Caracas), and not by a country that is only part of a brand's name ("Vodafone Egypt ... in Cairo") or a
club's ("Real Madrid")."""

from __future__ import annotations

import pytest

from outagewatch.nlp import demonyms


@pytest.mark.parametrize("text, regions", [
    # São Paulo's people, not Paulista's (a town in Pernambuco the suffixes made the word from)
    ("Paulistanos, o iFood caiu? aqui em Pinheiros nada carrega", ["geo:BR-SP"]),
    ("Cariocas, a Claro caiu pra vocês? sem sinal nenhum desde cedo", ["geo:BR-RJ"]),
    ("Texans: is Comcast down for anyone else? no internet since noon", ["geo:US-TX"]),
    ("Scousers, is Virgin Media down for you as well? nothing since 6", ["geo:GB-LIV"]),
    ("Bavarians, is Telekom down for you? no internet since lunch", ["geo:DE-BY"]),
    ("Porteños, ¿se cayó Mercado Pago? no me deja pagar nada", ["geo:AR-C"]),
    ("Napoletani, vi funziona Fastweb? niente linea da stamattina", ["geo:IT-NA"]),
    ("Les Lillois, SFR fonctionne chez vous ? plus de réseau depuis midi", ["geo:FR-59"]),
    ("Lisboetas, a NOS está em baixo? sem internet em casa", ["geo:PT-11"]),
])
def test_a_citys_people_by_their_own_word_say_where(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_the_people_word_table_keeps_the_hand_kept_city_words():
    table = demonyms.demonyms()
    assert table["pt"]["paulistanos"] == "BR-SP"  # the suffixes alone made it Paulista's, BR-PE
    assert table["es"]["porteños"] == table["es"]["portenos"] == "AR-C"
    assert table["es"]["bilbaínos"] == "ES-BI"  # Bilbao's province, now the gazetteer's too


@pytest.mark.parametrize("text, regions", [
    # a city the gazetteer knew only by its country: its province, from the county its record names
    ("sin internet en Bilbao desde las 8, Movistar no responde", ["geo:ES-BI"]),
    # a country whose first level only groups provinces (Indonesia's Jawa): the province
    ("Telkomsel not working in Jakarta since this morning, no data at all", ["geo:ID-JK"]),
    ("sin internet en Caracas desde anoche, CANTV caído otra vez", ["geo:VE-A"]),
])
def test_a_big_city_is_placed_in_its_province(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Vodafone Egypt: no signal in Alexandria since 8am", ["geo:EG-ALX"]),
    ("Vodafone Italia clienti a Verona senza rete dalle 14", ["geo:IT-VR"]),
    # alone, the country is what the writers label: the brand's news there
    ("Netflix Türkiye abonelik ücretlerine yine zam yaptı", ["geo:TR"]),
])
def test_a_country_in_a_brands_name_beside_a_city_of_it_leaves_the_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "WhatsApp no me carga los goles del Real Madrid, se queda pensando",
    "Banco do Brasil fora do ar de novo, o app não abre",
])
def test_a_place_inside_a_club_or_a_banks_name_is_no_place(tag, text):
    assert tag(text)["regions"] == []
