"""Places as English chatter and news say them in passing: a place's people said to suffer the outage ("outage leaves
Dubliners unable to work", "Londoners are all screaming about discord"), and the people of countries beyond the
markets where English is official ("Kenyans", "Nigerians")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    # the object of a verb of leaving or hitting
    ("Microsoft Teams outage leaves Dubliners unable to work", ["geo:IE-D"]),
    ("Optus fined over triple-zero outage that left Australians unable to call emergency services", ["geo:AU"]),
    # the subject of being without or unable, or of what they are doing about it
    ("M-Pesa down, leaving Kenyans unable to pay", ["geo:KE"]),
    ("Nigerians without MTN data since morning, the whole of twitter is complaining", ["geo:NG"]),
    ("seems like Londoners are all screaming about discord being down, same here", ["geo:GB-LND"]),
])
def test_a_places_people_said_to_suffer_the_outage_say_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Microsoft Teams outage leaves users unable to work",  # no people of a place
    "the Dominicans I met on holiday say WhatsApp is down",  # not made: the Dominican Republic's more than Dominica's
    "Irish are unable to stop talking about the Teams outage",  # a nation's adjective: people only before people
])
def test_people_words_not_said_of_a_place_or_only_an_adjective_are_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    # an international airport's code, the code geonames gives its city, or the code of an airport named by its own
    # name, in capitals in a text about travelling after a preposition of place or before a terminal or a part of it
    ("stuck at JFK T4, delta app won't load boarding passes and the kiosks are frozen", ["geo:US-NY"]),
    ("lyft app stuck on 'finding your driver' for 20 min at LAX, cancelled", ["geo:US-CA"]),
    ("Virgin Atlantic check-in failing on the site and the app, at MAN with a queue out the door", ["geo:GB-MAN"]),
    ("BA app won't show my boarding pass, stuck at LHR T5", ["geo:GB-LND"]),
    # in lower case where the code is no English word
    ("jfk wifi is one thing but why is the delta app refusing to load my boarding pass", ["geo:US-NY"]),
])
def test_an_airports_code_in_a_text_about_travelling_is_its_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "the man at the gate says the united app is down",  # "man" in lower case is a man
    "lax security at the gate, and the united app is down",  # "lax" is an English word
    "z SLA 99,99% and the flight app is down",  # an acronym that is also an airport's code
    "the MAN in the video says the ryanair app is down",  # capitals, but no preposition of place before it
])
def test_a_code_that_is_a_word_or_not_said_as_a_place_is_no_airport(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    # the three capitals geonames gives a big city of the markets, said as a place as its initials are
    ("t-mobile no service in ATL since 2pm, phone stuck on SOS", ["geo:US-GA"]),
    ("amazon prime video erhöht schon wieder die Preise in FFM", ["geo:DE-HE"]),
    ("comcast down across PDX this morning", ["geo:US-OR"]),
    ("ATL: spectrum internet down again", ["geo:US-GA"]),
])
def test_a_big_citys_code_said_as_a_place_is_the_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "MEM usage spiking on our slack bot, no idea why",  # not said as a place
    "Orange : pas de réseau à ATL depuis ce matin",  # French is none of Atlanta's languages
    "the STR file failed to load on github",
])
def test_a_citys_code_not_said_as_a_place_or_in_another_language_is_no_city(tag, text):
    assert tag(text)["regions"] == []


def test_city_codes_leave_out_words_countries_and_places():
    from outagewatch.nlp.geo import city_initials

    codes = city_initials()
    assert codes["ATL"] == "US-GA" and codes["FFM"] == "DE-HE" and codes["YYZ"] == "CA-ON"
    for word in ("SEA", "MAN", "AUS", "FRA", "GOA", "SLA", "TSA"):  # English words, countries' codes, Goa, acronyms
        assert word not in codes


@pytest.mark.parametrize("text, regions", [
    # a city named after its river is said by the name before it, where geonames also names it so: "Newcastle" is
    # one of the cities named alike, chosen by the country beside it
    ("newcastle (UK) broadband outage, virgin media down across the toon", ["geo:GB-NET"]),
    ("Geordies, is Virgin Media down? nothing in Newcastle since 7", ["geo:GB-NET"]),
    ("NBN down across Newcastle NSW since the storm", ["geo:AU-NSW"]),  # the near miss: Australia's, said so
])
def test_newcastle_upon_tyne_is_one_of_the_newcastles(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_city_named_after_its_river_joins_its_namesakes_only_as_geonames_names_it():
    from outagewatch.nlp.geo import namesakes

    assert "GB-NET" in {code for code, _ in namesakes()["Newcastle"]}
    assert "GB-KHL" not in {code for code, _ in namesakes().get("Kingston", [])}  # Kingston upon Hull is "Hull"


@pytest.mark.parametrize("text, regions", [
    # a smaller town in lower case said plainly as a place: after "in"-words of the text's language, after "whole"
    ("Hulu not loading in any of the colleges here in cambridge, uni wifi is fine", ["geo:GB-CAM"]),
    ("storing op het spoor bij amersfoort, weer vertraging", ["geo:NL-UT"]),
    ("heel eindhoven zonder KPN mobiel? al sinds 10 uur", ["geo:NL-NB"]),
    ("telenor har inget nät i umeå sen i morse", ["geo:SE-AC"]),
    # a big city abroad in lower case in English, said plainly: heading the post, before a workplace
    ("lagos: MTN data was gone for like 4 hrs yesterday, back now", ["geo:NG-LA"]),
    ("alibaba oss uploads failing from our shanghai office, downloads are fine", ["geo:CN-SH"]),
])
def test_a_town_or_a_city_abroad_in_lower_case_said_plainly_as_a_place_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "moving to cambridge next month, any broadband tips for virgin media?",  # "to" is no "in"
    "santander no me deja entrar en la app",  # opening before "no", a negation: the bank
    "tussen utrecht en amersfoort geen signaal in de trein",  # Dutch "en" is "and"
    "lagos: what a beautiful day at the beach",  # a name heading a post about no problem and no service
])
def test_a_lower_case_name_not_said_plainly_as_a_place_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    # a compass word in lower case before a city: a part of that city, not the city named with it
    ("anyone in east london with no O2 signal? been out since lunch", ["geo:GB-LND"]),
    ("whole of east London lost broadband this morning, Virgin Media van outside every other street", ["geo:GB-LND"]),
    # a big city's short name right after "in" in English
    ("here in rio the whole zona sul has no signal since the storm, instagram totally dead", ["geo:BR-RJ"]),
    # parts of a state and cities by the nicknames people use (`geo.REGION_NICKNAMES`, kept by hand)
    ("half of south jersey can't pay for coffee this morning, paypal terminals declining everything", ["geo:US-NJ"]),
    ("update: jira is working again for us in the 6ix, took about 40 min", ["geo:CA-ON"]),
])
def test_parts_of_cities_short_names_and_nicknames_in_english_say_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Telkom fibre down in East London since the storm", ["geo:ZA-EC"]),  # with its capitals: the South African city
    ("believe in us, slack is down for everyone", []),  # "us" after "in" is no country
])
def test_a_named_city_with_its_capitals_and_a_pronoun_stay_what_they_are(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    # an airport's own name in lower case, as chat writes it, where that is no word of a language read
    ("op schiphol doen de poortjes en de KLM app het allebei niet, rij tot buiten", ["geo:NL-NH"]),
    ("på arlanda funkar varken sas-appen eller incheckningsautomaterna, kaos", ["geo:SE-AB"]),
    ("a fiumicino il wifi e i totem del check-in ita airways sono fuori uso", ["geo:IT-RM"]),
])
def test_an_airports_name_in_lower_case_said_as_a_place_is_its_city(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_an_airports_name_that_is_a_word_somewhere_is_kept_in_capitals_only():
    from outagewatch.nlp.sites import airport_names

    names = airport_names()
    assert names["schiphol"] == "NL-NH" and names["arlanda"] == "SE-AB"
    for word in ("vanguardia", "alerta", "harbour", "bowman"):  # Spanish, Spanish, English, an English word
        assert word not in names


@pytest.mark.parametrize("text, regions", [
    # a big city's code in lower case, where it is no word of a language read, said plainly as a place
    ("t-mobile no service in atl since 2pm, phone stuck on SOS", ["geo:US-GA"]),
    ("atl: spectrum internet down again", ["geo:US-GA"]),
    ("i love atl, but my comcast is down again", []),  # not said as a place
    ("flying from sao paulo, the latam app is down", ["geo:BR-SP"]),  # no code: a place's first word
])
def test_a_big_citys_code_in_lower_case_said_plainly_as_a_place(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    # a place that is also a name, with its capital, right after a verb of hitting or leaving, or before its middle
    ("Mobile network outage hits Delhi for second day", ["geo:IN-DL"]),
    ("Sydney CBD has no Optus signal at all", ["geo:AU-NSW"]),
    ("outage leaves Paris Hilton fans angry", []),  # before another capitalised word: a longer name
])
def test_a_place_that_is_also_a_name_hit_by_the_outage_or_before_its_middle(tag, text, regions):
    assert tag(text)["regions"] == regions
