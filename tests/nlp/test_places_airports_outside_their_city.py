"""Airports travellers name that lie outside the city they serve are at their own subdivision (Gatwick in West
Sussex, Charles de Gaulle in Val-d'Oise, Malpensa in Varese), and an airport's own name before a part of it is where
the writer is ("O'Hare wifi is dead", "Gatwick north terminal: ..."); a provider's site named after the code keeps
its city."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Gatwick north terminal: easyJet app won't check anyone in and the bag drop screens are frozen", ["geo:GB-WSX"]),
    ("stuck at Stansted, ryanair app won't load my boarding pass", ["geo:GB-ESS"]),
    ("à CDG le wifi est mort et l'appli air france plante. file interminable au terminal 2E", ["geo:FR-95"]),
    ("a Malpensa i bancomat del T1 non danno contanti e i POS dei bar rifiutano le carte", ["geo:IT-VA"]),
    # an airport's own name before a part of it, whatever else the text says
    ("O'Hare wifi is dead and my at&t has 1 bar of nothing. 3 hr delay and I can't even text my wife", ["geo:US-IL"]),
    ("stuck at ohare and whatsapp wont send anything on the airport wifi or LTE", ["geo:US-IL"]),  # no apostrophe
    ("hartsfield-jackson: my delta app logs me out every time I open it. gate agent says it's the app", ["geo:US-GA"]),
])
def test_an_airport_outside_its_city_is_at_its_own_place(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Cloudflare : erreurs 502 sur le PoP CDG, les utilisateurs en Île-de-France ne passent plus",
     ["geo:FR-IDF", "geo:FR-75C"]),  # a provider's site keeps its city
    ("Heathrow T5 e-gates down, queue snaking out past baggage reclaim", ["geo:GB-LND"]),  # London's own
])
def test_a_providers_site_or_an_airport_in_its_city_keeps_the_city(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_an_airports_name_in_lower_case_before_a_word_is_not_read_without_travel(tag):
    assert tag("my gatwick wifi router keeps dropping, BT says no fault")["regions"] == []
