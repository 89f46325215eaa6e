"""A company named like a place, beside what it sells, is the company, not the place: the Italian host Aruba beside
its PEC, sites or servers, the banks Santander and Sabadell beside an account, a card or Bizum, Meta beside its apps
(``place_rules.PLACE_NAMED_COMPANIES``). Without its trade's words the name stays the place."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "la PEC di Aruba non invia niente da stamattina, errore 421",
    "Aruba giù, tutti i nostri siti sono irraggiungibili",
    "El Santander no me deja hacer Bizum, 'operación no disponible'",
    "WhatsApp kesintisi bitti, Meta'dan açıklama geldi",
])
def test_a_company_named_like_a_place_beside_its_trade_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("in vacanza ad Aruba e il wifi dell'hotel non va, Netflix fermo", ["geo:AW"]),
    ("Aruba ad Arezzo ha problemi, i nostri siti non rispondono", ["geo:IT-AR"]),
])
def test_the_place_of_that_name_stays_without_the_trade(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Göteborgs-Posten skriver om vädret, Twitter är nere för mig också", []),  # a newspaper
    ("Telia nere i Göteborg, inget mobilnät sedan i morse", ["geo:SE-O"]),
])
def test_a_newspaper_named_after_its_city_is_no_place(tag, text, regions):
    assert tag(text)["regions"] == regions
