"""Places whose name is also a word or another place's, where the writer says which one is meant.

A town the gazetteer leaves out because its name is a word is the town where the writer says so ("Tours la ville",
"Goes de stad", "het dorp heet echt Best"), in English or its country's language; not a word before "the city" of
another phrase ("Best of the city"). A town whose name the gazetteer gives a bigger city elsewhere is the town where
the wider place it lies in follows it ("Brest, France", "Athens, Georgia") or the writer names its nation ("..., the
scottish one"); said alone it stays the big city. A big city's initials in lower case are the city said plainly as a
place where they are no word of a language read nor an English acronym ("in hk", "in jb"), not "la"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("plus de réseau Bouygues à Tours depuis midi. Tours la ville hein, pas mes tours de piste", ["geo:FR-37"]),
    ("internet in Goes ligt eruit. Goes de stad. Het gaat dus helemaal niet goed in Goes", ["geo:NL-ZE"]),
    ("Geen KPN-internet in Best. Ja, het dorp heet echt Best. Nee, het is vandaag niet best", ["geo:NL-NB"]),
])
def test_a_town_named_like_a_word_that_the_writer_says_is_the_town(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Best of the city tonight and the uber app keeps crashing",  # "best", a word before another phrase's city
    "Van de stad hoor je niks, de app van de NS ligt eruit",  # Dutch "van", not Van in Türkiye
    "plus de réseau Bouygues depuis midi, tours de piste annulés",  # the word in lower case
])
def test_a_word_before_a_town_word_is_no_town(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("plus de fibre SFR à Brest, France depuis ce matin", ["geo:FR-29"]),  # not Brest in Belarus
    ("internet out in Athens, Georgia since noon, comcast says outage", ["geo:US-GA"]),
    ("birmingham alabama: at&t fiber out since 3am, whole block is dark", ["geo:US-AL"]),
    ("no NBN in Perth since lunch, whole suburb down", ["geo:AU-WA"]),  # alone: the big city
])
def test_a_town_named_like_a_bigger_city_elsewhere_where_the_writer_says_which(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("twitter down in hk since noon, anyone else?", ["geo:HK"]),
    ("grab not working in jb, app keeps crashing", ["geo:MY-01"]),
])
def test_a_big_citys_initials_in_lower_case_said_as_a_place(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_an_article_like_a_citys_initials_is_no_place(tag):
    assert tag("en la casa no funciona netflix desde ayer")["regions"] == []
