"""A city typed in lower case as a clause of its own, set off by commas or sentence ends, is where the writer is
("paypal zahlung schlägt fehl, stuttgart, egal welche karte", "spotify plante, marseille, fibre bouygues",
"... niepoprawne. katowice. ktoś coś?"), as a dateline is: in a text about an outage, in a language of the city's
country. A part of the city or an arrondissement may follow it ("lyon 3e,", "warszawa praga"). Not a city that
runs into the words after it, nor one named in another country's language, nor one in a text about no outage."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ('paypal zahlung schlägt dauernd fehl, stuttgart, egal welche karte. "vorgang nicht möglich"', ["geo:DE-BW"]),
    ("spotify plante à chaque fois que je lance une playlist, marseille, fibre bouygues", ["geo:FR-13"]),
    ("spotify si blocca su ogni canzone, napoli, fibra tim", ["geo:IT-NA"]),
    ('netflix wylogował wszystkie profile naraz i hasło "niepoprawne". katowice. ktoś coś?', ["geo:PL-24"]),
    ("la freebox est morte depuis ce matin, plus d'internet ni de télé. lyon 3e, quelqu'un d'autre ?",
     ["geo:FR-69M"]),
    ("blik nie działa?? kasa w biedronce odrzuca płatność, warszawa praga", ["geo:PL-14"]),
    ("spotify wil niks meer streamen. leeuwarden, 4g en wifi allebei", ["geo:NL-FR"]),
])
def test_a_city_in_lower_case_as_its_own_clause_is_where_the_writer_is(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "whatsapp no va, sevilla me espera mañana",  # runs into the words after it
    "spotify plante tout le temps, napoli, fibre bouygues",  # an Italian city named in French
    "on a mangé une pizza, marseille, la plage, le soleil",  # a list of a holiday, no outage
])
def test_a_city_in_lower_case_not_a_clause_of_its_own_or_not_where_is_none(tag, text):
    assert tag(text)["regions"] == []
