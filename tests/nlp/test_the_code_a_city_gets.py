"""Which ISO 3166-2 code a city gets, as the writers who label our sets choose it: the most specific one
pycountry lists that contains the city. The built gazetteer reads each city's province from its county's
name, which the data sometimes spells in English ("Upper Garonne" is Haute-Garonne), shares with its region
("Provincia de Madrid" inside the Comunidad de Madrid), or gives without the administrative word pycountry
keeps ("Zhejiang" for "Zhejiang Sheng"); and a country's name in one translation only ("Salvador", French for
El Salvador) is a big city of the markets first."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Orange coupé à Toulouse depuis ce matin, plus de fibre", ["geo:FR-31"]),
    ("Alibaba Cloud ECS in Hangzhou timing out for half an hour", ["geo:CN-ZJ"]),
    ("o iFood não abre aqui em Salvador, fica carregando", ["geo:BR-BA"]),
    ("Movistar sin fibra en Getafe desde las nueve", ["geo:ES-M"]),
    ("Movistar caído en Oviedo, ni internet ni móvil", ["geo:ES-O"]),
])
def test_a_city_gets_the_most_specific_code_that_holds_it(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    # near misses: the country said whole, a city that already had its own code, a region said as one
    ("Tigo caído en todo El Salvador desde anoche", ["geo:SV"]),
    ("Movistar caído en Madrid desde las 10", ["geo:ES-M"]),
    ("Orange en panne dans toute l'Occitanie", ["geo:FR-OCC"]),
    ("Outage in Beijing: WeChat Pay down for hours", ["geo:CN-BJ"]),
])
def test_wider_places_and_own_codes_stay(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    # the state reverse-geocode gives in English is pycountry's subdivision in one of its translations:
    # "Bangkok" (Krung Thep Maha Nakhon), "Metro Manila" (National Capital Region), "Cairo" (Al Qāhirah)
    ("Grab app not finding drivers anywhere in Bangkok tonight", ["geo:TH-10"]),
    ("disney+ buffering on everything in Manila, youtube plays 4k", ["geo:PH-00"]),
    ("no data in Hanoi since 8pm, Viettel 4G just gone", ["geo:VN-HN"]),
    ("Etisalat home internet dead in Dubai Marina", ["geo:AE-DU"]),
    ("Hyderabad ACT Fibernet outage? whole apartment complex offline", ["geo:IN-TS"]),  # Telangana's code now
    ("Madeira sem rede móvel da NOS, Funchal inteiro", ["geo:PT-30"]),
    ("youtube in ganz österreich gestört? wien und graz betroffen", ["geo:AT", "geo:AT-6", "geo:AT-9"]),
])
def test_a_capital_or_city_abroad_gets_its_own_subdivision(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions
