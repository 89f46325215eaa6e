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
    ("T-Mobile data crawling in the Bay, 0.3 Mbps lol. speedtest won't even finish", ["geo:US-CA"]),
    ("whatsapp dead in manc?? messages stuck on one tick since about 9", ["geo:GB-MAN"]),
    ("netflix just showing the spinning red circle for anyone else in brissie?", ["geo:AU-QLD"]),
    ("motor city gamers is xbox live borked for you too, cant sign in", ["geo:US-MI"]),
    ("netflix wont load in the gong tonight, everything else works fine", ["geo:AU-NSW"]),
    ("venmo keeps saying something went wrong. anybody else in the bx?", ["geo:US-NY"]),
    ("roku wont connect to anything in hfx this evening", ["geo:CA-NS"]),
    ("paypal is rejecting every card from naija accounts today", ["geo:NG"]),
    # a big city's code in lower case opening a post on its people
    ("pdx folks, is lyft down? app says no drivers available at 5pm downtown", ["geo:US-OR"]),
])
def test_a_citys_nickname_said_as_a_place_is_the_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Manny says the vodafone app is down for him",  # a person
    "ING-app toont mijn saldo als €0,00, de toon van de helpdesk was ook niet fijn",  # Dutch "tone"
    "that toon link skin is why my fortnite locker won't load lol",  # no place said
    "my phone has no signal in the bay at the car wash, so annoying",  # a bay in lower case
    "manc lads on the telly again, whatsapp group is going mad",  # no place said, and no problem
    "pdx is my favourite airport code, the carpet is iconic",  # not opening on its people
    "bang the gong, slack is down again",  # not said as a place
    "stuck at the dmv and the app is down",  # the motor-vehicle office
    "working as a manny for a family, their nest app is down again",  # a male nanny
    "a bombay sapphire and tonic while teams is down, why not",  # the gin
    "not a single cloud over the bay today, perfect sailing weather",
])
def test_a_nickname_not_said_as_a_place_or_in_another_language_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("every scouser I know has lost Sky TV tonight, derby day of all days", ["geo:GB-LIV"]),
    ("every Londoner on my team says Teams is down", ["geo:GB-LND"]),
    ("xbox live playing up for every kiwi i know, party chat and gamepass downloads failing", ["geo:NZ"]),
    ("every aussie sysadmin i know is on the phone to microsoft, MFA prompts never arrive", ["geo:AU"]),
])
def test_one_of_a_places_people_after_every_is_the_place(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "every pole on my street lost power and the broadband with it",  # a word first in lower case
    "every Texan barbecue joint takes cards and Square is down",  # before a noun it qualifies
])
def test_a_word_or_an_adjective_after_every_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    # neighbourhoods of the big cities where English is written, kept by hand: with the capital, or in lower case
    # said plainly as a place
    ("Jio network gone in Bandra, no data no calls @reliancejio", ["geo:IN-MH"]),
    ("airtel broadband dead across koramangala since morning, whole office is working from a cafe", ["geo:IN-KA"]),
    ("trainline app crashed the moment I tried to show my ticket at Euston. conductor not impressed", ["geo:GB-LND"]),
    ("Comcast out in Brickell and Wynwood, 3 hours now", ["geo:US-FL"]),
])
def test_a_big_citys_neighbourhood_is_the_city(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_neighbourhood_in_lower_case_not_said_as_a_place_is_none(tag):
    assert tag("koramangala + hsr layout = zero internet on act fibernet")["regions"] == []
