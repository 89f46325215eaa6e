"""Someone stuck at an airport names it, not its city ("op Schiphol", "på Arlanda", "stuck at Heathrow"):
the airport's city is the place. Airport names come from airportsdata; a composer or a word that is also an
airport's name is no place unless said as one."""

from __future__ import annotations

import pytest

from outagewatch.nlp import sites


@pytest.mark.parametrize("text, regions", [
    ("Uber-app crasht elke keer als ik een rit wil bestellen op Schiphol. Heerlijk.", ["geo:NL-NH"]),
    ('uber-appen fastnar på "söker efter förare" i 20 min, står på Arlanda med väskorna', ["geo:SE-AB"]),
    ("stuck at Heathrow, the BA app won't load my boarding pass", ["geo:GB-LND"]),
    # (Malpensa lies in the province of Varese, not Milan's: sites.AIRPORTS_OUTSIDE_THEIR_CITY)
    ("l'app Ryanair ne charge plus, je suis à Malpensa depuis 2h", ["geo:IT-VA"]),
])
def test_an_airport_said_as_a_place_is_its_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Spotify keeps skipping Chopin at night",  # the composer
    "Chopin's nocturnes on Spotify keep skipping",
])
def test_an_airports_name_not_said_as_a_place_is_no_place(tag, text):
    assert tag(text)["regions"] == []


def test_airport_names_are_built_from_the_airports():
    names = sites.airport_names()
    assert names["Schiphol"] == "NL-NH" and names["Arlanda"] == "SE-AB" and names["Heathrow"] == "GB-LND"
    assert "Capital" not in names and "Allen" not in names  # words and people first


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_a_table_build_reads_the_airport_list_once_and_makes_the_shipped_tables(monkeypatch):
    """Someone rebuilding the tables (scripts/build_nlp_tables.py) gets the site codes and the airport
    names from one read of airportsdata's list, and the same two files the package ships."""
    import json

    import airportsdata

    from outagewatch.nlp import tables

    loads = []
    real_load = airportsdata.load
    monkeypatch.setattr(airportsdata, "load", lambda *a, **k: loads.append(a) or real_load(*a, **k))
    tables._airports.cache_clear()
    tables._site_codes.cache_clear()
    try:
        built = {"site_codes.json": tables.build_site_codes(), "airport_names.json": tables.build_airport_names()}
    finally:
        tables._airports.cache_clear()
        tables._site_codes.cache_clear()
    assert loads == [("IATA",)]
    for name, table in built.items():
        assert table == json.loads((tables.DATA / name).read_text("utf-8")), name
