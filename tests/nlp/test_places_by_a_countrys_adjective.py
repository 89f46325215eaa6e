"""A country said by its adjective beside the people or firms it is said of: "miles de empresas españolas sin
correo", "problemi per le aziende italiane", "bancos brasileiros fora do ar", "nos clients québécois",
"Dutch government services", "Korean users". Alone, or beside any other noun, the adjective is no place."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Una caída de Outlook deja sin correo a miles de empresas mexicanas", ["geo:MX"]),
    ("Teams non funziona da stamattina, disagi per le aziende italiane", ["geo:IT"]),
    ("Falha no Azure deixa bancos brasileiros fora do ar por duas horas", ["geo:BR"]),
    ("Panne Cloudflare : nos clients québécois ne peuvent plus rien charger", ["geo:CA-QC"]),
    ("Azure outage disrupts Dutch government services for hours", ["geo:NL"]),
    ("Discord voice is down for Korean users since this morning", ["geo:KR"]),
])
def test_a_countrys_adjective_beside_its_people_or_firms_is_the_country(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Uber Eats keeps crashing when I order korean food, the app just closes",  # a cuisine
    "Netflix won't play the new Korean drama, stuck on the red screen",  # a drama
    "la app de Spotify no carga las canciones mexicanas que guardé",  # songs
])
def test_a_countrys_adjective_beside_anything_else_is_no_place(tag, text):
    assert tag(text)["regions"] == []
