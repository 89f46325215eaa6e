"""Network operators as people type them in a hurry: in lower case right before what they sell ("bell internet",
"cox internet", "virgin media broadband", "türk telekom internet"), a lesser-known worded name right before the
word that says it is down ("comcast down", "bahnhof nere"), a worded name with its capital before "no signal"
in its own words ("Orange nie ma zasięgu", "Personal no tiene señal"), a hyphened name the tokenizer splits
("T-Mobile", "t-mobile padł"); and what a phone shows when its network is gone ("SOS only", "bara nödsamtal",
"tylko połączenia alarmowe"), a weak problem word: an operator's outage beside one, nothing on its own.

Hand-written texts, each a user's story (not from any evaluation set).
"""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "power's back on but bell internet is gone across laval since supper",          # worded, lower case
    "cox internet in tucson out again, modem blinking amber",                       # a short name, lower case
    "virgin media broadband down across sheffield, third time this month",          # a pair, lower case
    "türk telekom internet yine gitti, bütün site aynı durumda",                     # tr: a pair, lower case
    "comcast down for anyone else in south philly?",                                 # lesser-known word + down
    "göteborgare, bahnhof nere hos er också?",                                       # sv: + nere
    "Orange nie ma zasięgu w całym Poznaniu od rana",                                # pl: capital + no coverage
    "Personal no tiene señal en todo Rosario desde las 8",                           # es: capital + no coverage
    "T-Mobile nie ma zasięgu w Gdańsku od godziny",                                  # hyphened, as written
    "w krakowie t-mobile padł, ktoś jeszcze?",                                       # hyphened, lower case
    "Verizon has me on SOS only since 7am, anyone else in Newark?",                  # a phone's SOS beside one
    "Tele2 visar bara nödsamtal i hela Västerås sedan lunch",                        # sv: emergency calls only
])
def test_an_operator_as_people_type_it_said_down_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result
    assert result["services"] == [], "an operator is not a catalog service"


@pytest.mark.parametrize("text", [
    "free internet at the library all week, come by",                               # a price, not Free
    "personal data is the new oil, says the keynote",                               # a word, no network
    "the bell rang twice and the whole class was gone",                              # a bell, nothing sold
    "Orange is the new black, season 2 is out",                                      # a title
    "up in the alps all weekend, phone on SOS only and loving it",                   # no operator: the mountain
    "spectrum of colours in the sunset tonight, the sky was gone purple",            # a word
])
def test_the_same_words_about_no_network_are_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


def test_a_phones_sos_is_a_problem_word_the_model_may_read(tag):
    """Without an operator the rules do not call "SOS only" an outage, but it is a problem word: the trained
    classifier may say yes where it is confident ("my phone says SOS only, anyone else in Bristol?")."""
    result = tag("my phone and my partner's both say emergency calls only. we're in Bristol, anyone else?")
    assert "problems" in result["symptoms"], result


@pytest.mark.parametrize("text", [
    "Anyone else in Hoboken with no Verizon Fios? tv and internet both dead since 7",       # none + operator + product
    "whole of Porto without Vodafone fibre tonight?",                                       # without
    "tout Nantes est sans internet SFR depuis ce matin",                                    # fr: sans
    "ziggo internet ligt er weer uit in utrecht, al 2 uur",                                  # nl: the verb, its particle
    "Vlamingen, Telenet ook plat bij jullie? Leuven niks meer",                              # a filler before the word
    "la fibra tim è morta di nuovo, modem con la luce rossa",                                # it: product before, lower
    "New Yorkers, Spectrum down in Queens? restarted everything, the modem just blinks",    # a common word, a modem
    "claro sem sinal em Curitiba inteira, alguém mais?",                                     # pt: lower case, no signal
    "부산 lg유플러스 인터넷 나감",                                                             # ko: the internet went out
    "Vodafone Kabel in Hamburg Altona und Eimsbüttel komplett weg",                          # a longer place between
])
def test_an_operators_network_gone_in_more_of_its_users_words_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "virgin media broadband back after 6 hours off in leeds, no compensation email ofc",     # back after
    "fibra TIM a Bari tornata adesso dopo 6 ore, finalmente",                                 # it: came back
    "c'est revenu pour sfr à toulon, 4h sans réseau quand même",                              # fr: came back
])
def test_an_operators_network_back_is_about_an_outage_but_not_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "de les valt uit vandaag, iedereen naar huis",                                            # nl: a class cancelled
    "claro que no hay señal en la montaña, estamos a 3000 metros",                            # es: "of course"
    "no Spectrum of colours tonight, the sky is grey and flat",                                # a word
])
def test_the_same_words_of_no_network_are_no_outage(rules, text):
    result = rules(text)
    assert result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "Recife sem TIM faz duas horas, não consigo nem fazer ligação",                          # pt: without
    "i baresi senza Iliad da due ore, nessuna chiamata",                                       # it
    "Groningers zonder KPN vandaag, hele stad zit zonder vast internet",                       # nl
    "Umeå utan Telenor, varken samtal eller data",                                             # sv
    "Göteborgare utan Bahnhof, hela Majorna verkar ligga nere",                                # sv: a worded name
    "Les Lyonnais, SFR marche chez vous ? Rien à la Croix-Rousse depuis midi",                 # asked, "nothing"
])
def test_people_without_an_operator_or_with_nothing_when_asked_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result


@pytest.mark.parametrize("text", [
    "I switched from Vodafone and now live without Orange, best decision",                    # a customer who left
    "does anyone know if SFR has good deals? nothing on their site",                          # a question of prices
])
def test_an_operator_left_or_asked_about_otherwise_is_no_outage(rules, text):
    result = rules(text)
    assert result["relevant"] is False and result["ongoing"] is False, result


@pytest.mark.parametrize("text", [
    "the storm knocked out cox internet across tulsa again",                                  # what took it down
    "half of wellington lost one nz mobile data around 8pm, still nothing in te aro",          # a pair after "lost"
])
def test_an_operator_knocked_out_or_lost_is_an_outage_now(rules, text):
    result = rules(text)
    assert result["relevant"] is True and result["ongoing"] is True, result
