"""Which place a name is, as English chatter says it: a town before the state it is in ("Paris, Texas",
"portland, maine"), a state code two countries share beside a place in one of them ("in perth ... anyone else in
WA?"); and names that are no place there: a neighbourhood named after a place ("Little Havana"), a bank named
like a city ("Lloyds, Halifax and Bank of Scotland customers")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    # a town before a state it is not the gazetteer's town of: that state's town, the state's code
    ("Paris, Texas has had no Suddenlink internet since the storm came through Sunday", ["geo:US-TX"]),
    ("square terminal is declining every tap at the market here in portland, maine. cash only today folks",
     ["geo:US-ME"]),
    ("London, Ontario has no Rogers service tonight", ["geo:CA-ON"]),
    # a state code two countries share, beside a place in one of them
    ("telstra mobile data not working at all in perth, can only text. anyone else in WA?", ["geo:AU-WA"]),
])
def test_the_state_beside_a_name_says_which_place_it_is(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    # a state in a list after a city is another place, not the city's state
    ("Comcast outages in Seattle, Oregon and California tonight", ["geo:US-WA", "geo:US-OR", "geo:US-CA"]),
    # a city before its own state
    ("no Verizon service in Portland, Oregon since noon", ["geo:US-OR"]),
    # a state code alone keeps every state of the name
    ("Optus down across WA and SA, no calls", ["geo:AU-WA", "geo:AU-SA"]),
])
def test_a_state_listed_or_the_citys_own_changes_nothing(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Lloyds, Halifax and Bank of Scotland customers hit by app outage",
    "Thousands of Lloyds and Halifax customers unable to log in to banking apps",
    "is your Comcast out? Little Havana no internet for 3 hours",
])
def test_a_bank_named_like_a_city_or_a_neighbourhood_named_after_one_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("Eastlink internet down in Halifax, can't even use my bank app", ["geo:CA-NS"]),  # said as a place
    ("Miami peeps: is your Comcast out? Brickell and Little Havana no internet for 3 hours", ["geo:US-FL"]),
    ("Havana without internet again, ETECSA says it's a fibre cut", ["geo:CU-03"]),  # the city itself
])
def test_the_city_itself_stays(tag, text, regions):
    assert tag(text)["regions"] == regions
