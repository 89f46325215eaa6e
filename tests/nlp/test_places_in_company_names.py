"""A company named after a place ("Alaska Airlines", "Air Canada", "Bank of America") is no place: its outage is
the company's wherever its customers are. The same place said as a place still is one."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Alaska Airlines grounds flights after IT outage",
    "Air Canada app shows my flight as cancelled, the desk says on time",
    "Bank of America app down? can't see my balance",
    "Türk Telekom kesintisi sona erdi",
    "Chicago Tribune website down all morning",
])
def test_a_place_inside_a_company_name_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, region", [
    ("internet outage across Alaska, airlines grounded at Anchorage", "geo:US-AK"),   # "airlines" not the name's
    ("Comcast down in Chicago since 6am", "geo:US-IL"),
    ("flights cancelled in Canada after the air traffic system failed", "geo:CA"),
])
def test_the_same_place_said_as_a_place_is_one(tag, text, region):
    assert region in tag(text)["regions"]


@pytest.mark.parametrize("text, source", [
    ("Wells Fargo online banking giving me error 'we can't process your request at this time' since 7am", None),
    ("Lloyds, Halifax and Bank of Scotland apps back online after morning glitch", None),  # listed with a bank
    ("Mantenimiento programado: la banca online de Santander no estará disponible el domingo de 2:00 a 5:00", None),
    ("la app de Santander no carga, 'operación no disponible'", None),
    ('Glue jobs failing with "Internal service error" since this morning, Athena queries also hanging',
     "reddit:r/dataengineering"),  # AWS Athena, not Athens
    ("Suicaのチャージができない、モバイルSuicaエラー連発", "x:search:モバイルSuica"),  # no Suiça
])
def test_a_companys_app_a_product_or_a_name_typed_without_accents_is_no_place(rules, text, source):
    assert rules(text, source=source)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("Uber app not working in Madrid since noon", ["geo:ES-M"]),  # the app's city said with "in"
    ("Athens metro app down, no trains in Athens", ["geo:GR-I"]),
    ("Netflix and YouTube apps down in London and Manchester", ["geo:GB-LND", "geo:GB-MAN"]),
    ("スイスでNetflixが見れない", ["geo:CH"]),
])
def test_a_place_beside_an_app_or_in_japanese_script_is_still_one(rules, text, regions):
    assert rules(text)["regions"] == regions
