"""A place's people counted in by the writer or by a word for all of them name the place, in lower case too: "for us
texans", "alla svenskar i min klan", "para los regios", "chez les marseillais", called on opening a sentence
("... tonight. kiwis, same?") or said to be without ("les marseillais sans sfr"); a country's adjective before the
trade of the companies it speaks of names the country ("Australian telco Optus fined", "Indian brokers fined"). Not
"for the Texans" in English (the football team) nor an airline named after its country ("American Airlines")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("gw2 servers lagging like crazy for us texans tonight, rubberbanding everywhere", ["geo:US-TX"]),
    ('alla svenskar i min klan får "kan inte ansluta till servern" på psn ikväll', ["geo:SE"]),
    ("psn caída para los regios o solo yo? no puedo entrar a ninguna partida en línea", ["geo:MX-NLE"]),
    ("snapchat marche plus chez les marseillais ou c'est que moi ?", ["geo:FR-13"]),
    ("Australian telco Optus fined after nationwide outage cut off emergency calls", ["geo:AU"]),
    # called on at a sentence's start, and said to be without, in lower case too
    ("skype calls dropping every couple of minutes tonight. kiwis, same?", ["geo:NZ"]),
    ("les marseillais sans sfr depuis 14h, ni 4g ni box", ["geo:FR-13"]),
])
def test_a_places_people_counted_in_name_it(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "big night for the Texans, the stream of the game kept buffering on youtube tv",
    "American Airlines app crashes every time I open the boarding pass screen",
])
def test_a_team_or_an_airline_named_after_its_people_is_no_place(tag, text):
    assert tag(text)["regions"] == []
