"""A city name several places share ("Córdoba" in Spain, Argentina and Mexico; "Newcastle" in South Africa and
Australia; "Cambridge" in England, Ontario and Massachusetts): ``geo.namesakes``, built from geonames, and
``place_rules._namesake_choice``: the one in a country, state or people the text names beside it, else the most populous
of the markets' (Córdoba, Argentina), else the gazetteer's own; none where the text's other places are in a country
none of them is in."""

from __future__ import annotations

import pytest

from outagewatch.nlp.geo import namesakes


@pytest.mark.parametrize("text, regions", [
    ("Personal sin señal en Córdoba desde esta mañana, ni datos ni llamadas", ["geo:AR-X"]),  # the biggest
    # (the operator's national arm, its country beside a place in it: the place says where, writer_n labels so)
    ("Movistar Argentina no anda en Córdoba capital, los porteños dicen que allá sí", ["geo:AR-X"]),
    ("whatsapp not working anywhere in new south wales? sydney and newcastle both", ["geo:AU-NSW"]),
    ("comcast out in Cambridge, Massachusetts since 7, whole block dark", ["geo:US-MA"]),
    ("Virgin Media down in Cambridge, whole street offline", ["geo:GB-CAM"]),
    ("desde Valencia no hay forma de abrir el correo, gmail se queda en blanco", ["geo:ES-V"]),  # Spain's: a market
])
def test_a_city_name_others_share_is_the_one_the_text_says(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Geordies, anyone else's Three signal vanished? Newcastle city centre, no bars", ["geo:GB-NET"]),
    ("Scots here? Three signal gone in Hamilton since lunch", ["geo:GB-SCT"]),
])
def test_a_shared_name_beside_places_of_another_country_is_none_of_them(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_namesakes_come_from_the_gazetteer():
    table = namesakes()
    assert {code for code, _ in table["Córdoba"]} >= {"ES-CO", "AR-X"}
    assert table["Birmingham"][0][0] == "GB-BIR"  # the gazetteer's own first
