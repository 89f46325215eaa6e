"""A big city typed in lower case is where the problem is when it is said as the place: right beside the operator or
service that fails ("izmir superonline fiber yok", "vodafone sevilla sin fibra") or said whole ("monterrey entero
caído", "all over nairobi"). A city named so in another language than its country's, a country, a person's name or
an everyday word is no place in lower case ("spotify salta le canzoni": Italian "skips")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("antalya superonline internet yok sabahtan beri", ["geo:TR-07"]),
    ("vodafone sevilla sin fibra desde ayer", ["geo:ES-SE"]),
    ("movistar lima caído toda la tarde", ["geo:PE-LMA"]),
    ("medellín entero sin internet de claro desde las 6", ["geo:CO-ANT"]),
    ("internet down all over johannesburg this morning, vodacom and MTN both", ["geo:ZA-GP"]),
])
def test_a_big_city_in_lower_case_said_as_the_place_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "spotify salta le canzoni e poi si blocca",  # Italian "skips", not Salta (Argentina)
    "Netflix robi polski serial o Wiedźminie od nowa? Serio?",  # a country's adjective
    "spotify sydney playlist keeps skipping songs",  # a person's name beside a service, no operator
    "whatsapp no va, sevilla me espera mañana",  # in lower case, neither beside the service nor said whole
])
def test_a_city_like_word_in_lower_case_not_said_as_a_place_is_none(tag, text):
    assert tag(text)["regions"] == []


# Opening the post, "here" after it, and a short name right after "no"/"em" in its country's language.
@pytest.mark.parametrize("text, regions", [
    ("kraków bez internetu od orange? pół miasta leży", ["geo:PL-12"]),
    ("madrid sin fibra de movistar desde las 8", ["geo:ES-M"]),
    ("lyon sans internet depuis ce matin, free en panne", ["geo:FR-69M"]),
    ("optus is down again, sydney here", ["geo:AU-NSW"]),
    ("claro sem sinal no rio inteiro, alguém mais?", ["geo:BR-RJ"]),
    ("vivo fibra caiu de novo aqui no rio", ["geo:BR-RJ"]),
])
def test_a_big_city_in_lower_case_opening_the_post_or_here_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "the day sydney lost optus for 12 hours, a look back",  # a person's name too, not opening, not beside optus
    "netflix no carga, dice error de red, el rio de la plata se ve hermoso hoy",  # Spanish, not after "no"/"em"
    "salta la conexión cada rato, movistar un desastre",  # Spanish "drops", opening the post: not Salta (AR-A)
])
def test_a_city_word_in_lower_case_elsewhere_is_still_none(tag, text):
    assert tag(text)["regions"] == []
