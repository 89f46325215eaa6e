"""Travellers name an airport as their own country says it, and the writers' rule puts an airport named alone at
its own area's code: Malpensa is in the province of Varese, Roissy-Charles de Gaulle in Val-d'Oise, Narita in
Chiba, Gatwick in West Sussex (not Milan, Paris, Tokyo, London, the cities airportsdata gives). A text may open
with the airport's name in a text about travelling ("Malpensa: i varchi ... dei passaporti",
"Arlanda: incheckningsautomaterna ..."), say the word for airport before it ("all'aeroporto di
Fiumicino", "na Lotnisku Chopina") or after a city ("İstanbul Havalimanı'nda"), or name one the airport list
lacks ("Sabiha Gökçen", "El Prat", "Okęcie", 羽田, 成田)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Malpensa: i varchi automatici dei passaporti sono fuori servizio, code infinite", ["geo:IT-VA"]),
    ("Arlanda: incheckningsautomaterna fungerar inte, köerna är enorma", ["geo:SE-AB"]),
    ("Blackout informatico all'aeroporto di Fiumicino: voli in ritardo e check-in manuale", ["geo:IT-RM"]),
    ("Awaria systemu LOT: opóźnienia lotów na warszawskim Lotnisku Chopina", ["geo:PL-14"]),
    ("Na Okęciu padł system odpraw bagażowych, LOT odprawia ręcznie", ["geo:PL-14"]),
    ("Sabiha Gökçen'de wifi ve check-in kioskları çalışmıyor", ["geo:TR-34"]),
    ("istanbul havalimanı'nda wifi yok, THY uygulaması da biniş kartını göstermiyor", ["geo:TR-34"]),
    ("en El Prat no funciona el wifi y las pantallas de embarque están congeladas", ["geo:ES-B"]),
    ("à CDG le wifi est mort et l'appli air france plante, file interminable au terminal 2E", ["geo:FR-95"]),
    ("羽田でSuicaのチャージ機が全部使えなくて、モノレール改札前が大渋滞", ["geo:JP-13"]),
    ("成田の第2ターミナル、フリーWi-Fiもドコモもつながらない。空港全体？", ["geo:JP-12"]),
    ("Gatwick north terminal: easyJet app won't check anyone in and the bag drop screens are frozen", ["geo:GB-WSX"]),
])
def test_an_airport_as_its_country_names_it_is_its_own_area(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Chopina słucham w kółko, Spotify znowu przerywa",  # the composer, no word for airport before him
    "Chopin: Spotify przerywa nokturny co chwilę",  # the composer opening a text, nothing about travelling
])
def test_an_airports_name_not_said_as_one_is_no_place(tag, text):
    assert tag(text)["regions"] == []


def test_a_cloudflare_pop_by_the_airport_code_stays_its_city(tag):
    """Site codes keep the city: a CDN's "CDG" PoP is Paris's, only the airport travellers are at is Roissy's."""
    assert tag("Cloudflare: erreurs 502 sur le PoP CDG depuis 20 min")["regions"] == ["geo:FR-75C"]


def test_ishikari_is_sakuras_data_centre_in_hokkaido(tag):
    assert tag("【復旧】石狩データセンターの一部ネットワーク機器障害は復旧しました。")["regions"] == ["geo:JP-01"]
