"""Where a writer names a region or state and cities inside it as where the problem is, the cities say where (the
writers' brief: "Scotland, Glasgow and Edinburgh" is Glasgow and Edinburgh); the region alone keeps its code, and so does a
region beside a provider's site in it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Problem with BT broadband across Scotland? Glasgow and Edinburgh both out", ["geo:GB-EDH", "geo:GB-GLG"]),
    ("Vodafone down across Glasgow and Edinburgh? no 4G, Scotland's just gone dark on my phone",
     ["geo:GB-EDH", "geo:GB-GLG"]),
    ("Cagliari senza rete mobile WindTre, Quartu pure. Sardegna isolata, ma più del solito", ["geo:IT-CA"]),
    ("qualcuno sa se twitter è bloccato? in sardegna... cioè io a cagliari non vedo niente da un'ora", ["geo:IT-CA"]),
])
def test_the_cities_say_where_not_the_region_around_them(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    ("Vodafone down across Scotland, no 4G since noon", ["geo:GB-SCT"]),
    ("Sardegna senza rete mobile WindTre da stamattina", ["geo:IT-88"]),
])
def test_the_region_alone_stays(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


def test_a_region_beside_a_providers_site_in_it_stays(tag):
    text = "Cloudflare : erreurs 502 sur le PoP CDG, les utilisateurs en Île-de-France ne passent plus"
    assert "geo:FR-IDF" in tag(text)["regions"]  # the PoP's city is no city the writer names as where
