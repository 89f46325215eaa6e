"""A region people name by a nickname no gazetteer lists ("Bay Area", "SoCal", "Metro Manila", "the DMV", "Jozi"):
``geo.REGION_NICKNAMES``, each with the codes of what it covers. A nickname that is also something else ("GTA" the
game, "DMV" the motor-vehicle office) counts only said as a place: "across the GTA", "in the DMV", "DMV area"."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("comcast customers in the bay area, is your internet dropping every 10 minutes?", ["geo:US-CA"]),
    ("SoCal people: is Hulu just buffering forever for you or is it my router", ["geo:US-CA"]),
    ("Globe fibre down all over Metro Manila since 6pm, no internet at all", ["geo:PH-00"]),
    ("jozi fibre dead again, the whole suburb offline since lunch", ["geo:ZA-GP"]),
    ("rogers internet down across the GTA again", ["geo:CA-ON"]),
    ("anyone in the DMV with Verizon out? nothing since 7", ["geo:US-DC", "geo:US-MD", "geo:US-VA"]),
    ("Personal no anda en CABA desde las 8, cero datos", ["geo:AR-C"]),
])
def test_a_region_by_its_nickname_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "GTA Online servers down again, can't join any session",  # the game
    "the DMV website is down again, can't book a road test",  # the motor-vehicle office
    "Zombies, War Thunder, GTA Online, and the value of pretending to be into football.",  # a list of games
])
def test_a_nickname_that_is_something_else_is_no_place_unless_said_as_one(tag, text):
    assert tag(text)["regions"] == []
