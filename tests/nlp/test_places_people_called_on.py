"""A place's people called on or spoken as: a post that opens on them in lower case ("berliner, o2 bei euch auch
weg?"), in their own language inside a post of another ("paulistas, is vivo down for you too?"), or after "we" or
"us" ("för oss stockholmare", "nosotros los madrileños", "fellow Londoners") says where the problem is. The same
word before a noun it qualifies, or in lower case anywhere else, is no place."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    # lower case in the languages that capitalise people words, opening the post before a comma or a colon
    ("münchner, geht bei euch telekom? seit heute früh kein netz", ["geo:DE-BY"]),
    ("rotterdammers: ziggo ook plat bij jullie?", ["geo:NL-ZH"]),
    ("les lyonnais, free mobile en rade chez vous ?", ["geo:FR-69M"]),
    ("hey londoners, is the citymapper app dead for anyone else?", ["geo:GB-LND"]),
    # another language's people word opening a post: the writer calls on them in their own words
    ("cariocas, anyone else's claro fibra down since lunch?", ["geo:BR-RJ"]),
    ("madrileños, is Movistar down for you? nothing loads", ["geo:ES-M"]),
    # after "we"/"us"/"you" (and an article): the writer speaks as or to them
    ("Telia strular igen, för oss göteborgare är mobilnätet helt dött", ["geo:SE-O"]),
    ("nosotros los regiomontanos llevamos toda la tarde sin Totalplay", ["geo:MX-NLE"]),
    ("fellow Glaswegians, is Virgin Media broadband down for you too?", ["geo:GB-GLG"]),
    ("wir Kölner haben seit Mittag kein Vodafone-Netz", ["geo:DE-NW"]),
])
def test_a_places_people_called_on_or_spoken_as_say_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "berliner pfannkuchen sind aus, lieferando hängt",  # lower case, not calling on anyone: the doughnut
    "ihr Berliner Büro ist seit heute zu, Teams geht trotzdem nicht",  # "their Berlin office"
    "my new hamburger place, Uber Eats keeps crashing",  # not the people
    "wiener schnitzel tonight, deliveroo app is down again",  # lower case in a post that calls on no one
    "vi göteborgare är bäst på fika",  # no people word where its place could be read
])
def test_a_people_word_not_called_on_is_no_place(tag, text):
    assert "geo:DE-BE" not in tag(text)["regions"] and "geo:AT-9" not in tag(text)["regions"] \
        and "geo:DE-HH" not in tag(text)["regions"]


@pytest.mark.parametrize("text, regions", [
    ("aussies, is telstra down? brisbane office has no signal at all", ["geo:AU-QLD"]),
    ("scots, is virgin media down? nothing at all in glasgow since 9", ["geo:GB-GLG"]),
])
def test_a_nation_called_on_in_lower_case_beside_a_place_in_it_leaves_the_place(tag, text, regions):
    """Where a more specific place is named, that place says where; a nation called on with its capital keeps its
    country too (``test_a_nations_people``)."""
    assert tag(text)["regions"] == regions


# A question put to them right after their word calls on them as a comma does; a place's people in two words
# ("New Yorkers", "Hong Kongers") are read as one word; big cities' people no suffix makes ("Mumbaikars", "NYers").
@pytest.mark.parametrize("text, regions", [
    ("melburnians is your telstra mobile data dead too? just SOS on my phone", ["geo:AU-VIC"]),
    ("new yorkers is spectrum down for you too? nothing loads", ["geo:US-NY"]),
    ("New Yorkers, is Verizon down for you? no bars anywhere", ["geo:US-NY"]),
    ("Hong Kongers, is PCCW broadband down? nothing since noon", ["geo:HK"]),
    ("Mumbaikars, is Jio down for you? no 5G, no 4G, nothing", ["geo:IN-MH"]),
    ("NYers, is the MTA app dead for you? maps just says no internet", ["geo:US-NY"]),
    ("telia bredband dött sen igår, göteborgare har ni samma?", ["geo:SE-O"]),
])
def test_people_asked_or_named_in_two_words_say_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "the new yorker app keeps crashing on my ipad, is it just me?",  # a magazine, not its city's people
    "londoners and the rest of us will love this netflix show, you should watch it",  # no question put to them
])
def test_people_words_neither_asked_nor_called_on_are_no_place(tag, text):
    assert tag(text)["regions"] == []
