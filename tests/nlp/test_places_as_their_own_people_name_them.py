"""Places as the people who live there name them: a Swedish county without "län" ("i Skåne", "på Gotland", "i hela
Västra Götaland", read from pycountry's "Skåne län", "Gotlands län"), and a part of a city written with its capital
before it ("across Western Sydney", "all over Greater Manchester"), which is the city, not a region of the same word
elsewhere (Uganda's "Western")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Telia nere på Gotland sedan i morse, inget mobilnät alls", ["geo:SE-I"]),
    ("Tele2 strular i hela Västra Götaland idag, ingen täckning", ["geo:SE-O"]),
    ("Bahnhof-fibern är nere i Dalarna, ingen internet sedan 8", ["geo:SE-W"]),
    ("Optus down across Western Sydney since lunch, no data at all", ["geo:AU-NSW"]),
    ("Virgin Media broadband dead all over Greater Manchester tonight", ["geo:GB-MAN"]),
])
def test_a_place_as_its_people_name_it_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Western Union app down again, can't send money home",  # a company's name
    "Central America trip booked, the Copa app keeps crashing though",  # a name of its own, not the US
])
def test_a_compass_word_that_begins_a_longer_name_is_no_place(tag, text):
    assert tag(text)["regions"] == []
