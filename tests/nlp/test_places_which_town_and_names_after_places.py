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
    # in brackets or right after it
    ("is uber broken in portland (maine, not oregon lol)? payment keeps failing on the app", ["geo:US-ME"]),
    ("the school district in paris texas (yes, that paris) lost internet this morning. suddenlink says investigating",
     ["geo:US-TX"]),
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
    ("no Verizon service in Portland Oregon since noon", ["geo:US-OR"]),
    ("outage across Texas Oklahoma and Kansas", ["geo:US-TX", "geo:US-OK", "geo:US-KS"]),
    # a state code alone keeps every state of the name
    ("Optus down across WA and SA, no calls", ["geo:AU-WA", "geo:AU-SA"]),
])
def test_a_state_listed_or_the_citys_own_changes_nothing(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Lloyds, Halifax and Bank of Scotland customers hit by app outage",
    "Thousands of Lloyds and Halifax customers unable to log in to banking apps",
    "halifax online banking works again. for about two hours it just said the service isn't available",  # lower case
    "santander app stuck on the securing your connection screen for 10 minutes",
    "half the restaurants in Little Italy can't take cards, Square is down",
])
def test_a_bank_named_like_a_city_or_a_neighbourhood_named_after_one_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("Eastlink internet down in Halifax, can't even use my bank app", ["geo:CA-NS"]),  # said as a place
    ("no eastlink in halifax, app says outage", ["geo:CA-NS"]),
    ("Miami peeps: is your Comcast out? Brickell and Little Havana no internet for 3 hours", ["geo:US-FL"]),
    ("Havana without internet again, ETECSA says it's a fibre cut", ["geo:CU-03"]),  # the city itself
    ("is your Comcast out? Little Havana no internet for 3 hours", ["geo:US-FL"]),  # Miami's, kept by hand
])
def test_the_city_itself_stays(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    # a city others share beside towns of one country none of them is in: none of them
    ("NBN down across Newcastle NSW, Merewether and Hamilton both out. 2nd day now on Telstra", ["geo:AU-NSW"]),
    # "Bay Area" after another bay's name is that bay's
    ("spectrum down across the tampa bay area since 6", []),
    # "Jersey Shore" is no jersey
    ("Optimum down at the Jersey Shore again, Seaside Heights dead since noon", ["geo:US-NJ"]),
])
def test_the_towns_beside_a_name_say_it_is_none_of_its_namesakes(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Bell down in Toronto and Hamilton tonight", ["geo:CA-ON"]),
    ("Spark fibre down in Auckland and Hamilton", ["geo:NZ-AUK", "geo:NZ-WKO"]),
    ("Xfinity down in the SF Bay Area", ["geo:US-CA"]),
    ("comcast customers in the bay area, is your internet dropping every 10 minutes", ["geo:US-CA"]),
])
def test_a_namesake_in_the_towns_country_and_the_bay_area_stay(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    # a smaller city in lower case with its country in brackets right after it is said as a place
    ("netflix not loading on cambridge (uk) uni wifi tonight", ["geo:GB-CAM"]),
    ("sky broadband down, newcastle (uk) since 6", ["geo:GB-NET"]),
])
def test_a_town_in_lower_case_with_its_country_in_brackets_is_the_town(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_town_in_lower_case_with_a_bracket_that_names_no_place_is_none(tag):
    assert tag("netflix not loading at the cambridge (mass.) office")["regions"] == []


@pytest.mark.parametrize("text", [
    "Houston, we have a problem: Box just logged our entire team out",  # a saying
    "ordered a philly cheesesteak on shipt an hour ago, app now says the order doesn't exist",  # a city's food
    "spilled bordeaux on my keyboard, laptop is dead. GoTo meeting via phone it is",  # a wine
    "this new jersey is fire, shipping from Strava in 2 days",  # a shirt
])
def test_a_saying_a_food_a_wine_or_a_shirt_named_after_a_place_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("Comcast down in Houston, we have no internet since 6", ["geo:US-TX"]),
    ("philly comcast down again", ["geo:US-PA"]),
    ("verizon down across new jersey this morning", ["geo:US-NJ"]),
    # "the whole of" a neighbourhood in lower case is said as a place
    ("is virgin media out for you as well? whole of didsbury and chorlton no broadband", ["geo:GB-MAN"]),
])
def test_the_same_names_said_as_places_stay(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    # the writer says it is another city of the name than the gazetteer's: not the gazetteer's, the town there
    ("Perth (the Scottish one) - anyone's BT broadband down? whole town centre seems out", ["geo:GB-PKN"]),
    ("netflix not loading for me in perth, the scottish one. tried two tellies", ["geo:GB-PKN"]),
    # the gazetteer's own, so said, stays
    ("Perth (the Aussie one) - anyone's Telstra broadband down? whole CBD seems out", ["geo:AU-WA"]),
])
def test_a_city_its_writer_says_is_another_of_its_name_is_not_the_gazetteers(tag, text, regions):
    assert tag(text)["regions"] == regions
