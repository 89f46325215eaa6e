"""The gazetteer holds every subdivision of every country, and the cities abroad; many of their names are
words of the languages we read, or brands: Jawa's "Java", Slovenia's "Store", Papua New Guinea's "Hela"
(Swedish "all of"), Cameroon's "East", Yemen's "Adem" (Dutch "breath"), Morocco's "Sali" (Polish "room").
Such a place outside the markets we read is a place only where said as one: never in lower case, and a
subdivision only right after "in"-words, as a dateline or in a list of places. Big cities abroad with their
capital stay places, as do the subdivisions of the markets."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "realms won't load at all today. Java and Bedrock both, local worlds work",
    "Steam : impossible d'acheter quoi que ce soit sur le Store depuis ce matin, erreur 118",
    "Netflix viel midden in de film uit, de hele zaal hield de adem in",
    "Teams si blocca in riunione, resta su connessione in corso",
    "Discord voice in the US East region keeps dropping everyone",
])
def test_a_word_that_is_a_minor_place_abroad_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("Power outage across Java leaves millions without internet", ["geo:ID-JW"]),
    ("Safaricom outage hits Nairobi, M-Pesa payments failing", ["geo:KE-30"]),
    ("Internet down in Bavaria since the storm", ["geo:DE-BY"]),
    ("Telia nere i hela Göteborg sedan lunch", ["geo:SE-O"]),
])
def test_a_place_said_as_one_stays(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions
