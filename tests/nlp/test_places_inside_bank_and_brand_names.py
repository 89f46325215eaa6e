"""A place inside a bank's, an airline's or a brand's name is no place (the writers' rule): "ING Bank Śląski" is a
bank in all of Poland, "brussels airlines" an airline, "TVer" a Japanese streaming service (not Tver), "Aurora"
beside RDS is Amazon Aurora (not Aurora, Colorado), "Aruba" in an Italian maintenance notice the host. The place
itself, said as one, stays."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Awaria ING Banku Śląskiego. Klienci nie mogą się zalogować",
    "Awaria w ING Banku Śląskim usunięta po trzech godzinach",
    "Banco Galicia caído, no puedo entrar a la app",
    "TVer直った、さっきまでずっと読み込み中だった",
    "Manutenzione programmata Aruba stanotte dalle 00 alle 04",
])
def test_a_place_in_a_banks_or_brands_name_is_no_place(tag, text):
    assert tag(text)["regions"] == []


def test_a_cloud_products_bare_name_beside_its_providers_products_is_the_product(tag):
    assert tag("RDS und Aurora in Frankfurt antworten nicht mehr, unsere Prod-DB ist weg. eu-central-1 jemand?"
               )["regions"] == ["aws:eu-central-1"]


def test_an_airline_in_lower_case_is_the_airline_the_airport_is_the_place(tag):
    assert tag("in zaventem werken de incheckzuilen niet en brussels airlines app crasht")["regions"] == ["geo:BE-VBR"]


@pytest.mark.parametrize("text, regions", [
    ("Awaria sieci na Śląsku, brak internetu w Katowicach", ["geo:PL-24"]),  # the region, said as a place
    ("Stromausfall in Aurora, Colorado: Netflix geht nicht", ["geo:US-CO"]),  # the city, no AWS product beside it
    ("Tver sin internet desde la mañana, Rostelecom caído", ["geo:RU"]),  # the city, written as a city
])
def test_the_place_itself_stays(tag, text, regions):
    assert tag(text)["regions"] == regions
