"""Cities by the nicknames their own people use that no gazetteer lists ("across the whole toon", "in Sheff",
"across Manny", "in MTL", "in A'dam"), read only said as a place and in the languages they are written in; and one of
a place's people after "every" ("every scouser I know has lost Sky TV")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("no signal on vodafone across the whole toon since teatime. canna even ring me mam", ["geo:GB-NET"]),
    ("Sky broadband went off in Sheff about 9 and hasn't come back", ["geo:GB-SHF"]),
    ("Virgin broadband dead across Manny again. third time this month", ["geo:GB-MAN"]),
    ("Bell fibre down in MTL since 8, no ETA", ["geo:CA-QC"]),
    ("Storing bij PayPal: winkels in A'dam kunnen geen betalingen ontvangen", ["geo:NL-NH"]),
])
def test_a_citys_nickname_said_as_a_place_is_the_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Manny says the vodafone app is down for him",  # a person
    "ING-app toont mijn saldo als €0,00, de toon van de helpdesk was ook niet fijn",  # Dutch "tone"
    "that toon link skin is why my fortnite locker won't load lol",  # no place said
])
def test_a_nickname_not_said_as_a_place_or_in_another_language_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("every scouser I know has lost Sky TV tonight, derby day of all days", ["geo:GB-LIV"]),
    ("every Londoner on my team says Teams is down", ["geo:GB-LND"]),
])
def test_one_of_a_places_people_after_every_is_the_place(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "every pole on my street lost power and the broadband with it",  # a word first in lower case
    "every Texan barbecue joint takes cards and Square is down",  # before a noun it qualifies
])
def test_a_word_or_an_adjective_after_every_is_no_place(tag, text):
    assert tag(text)["regions"] == []
