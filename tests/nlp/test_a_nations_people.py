"""A post that calls on a nation's people says the country is where the problem is: "Kiwis, is One NZ mobile
data dead for you too?", "Aussies — Optus again?", "Polacy nie mogą się zalogować", "Les Belges, Proximus en
panne ?". Most such words no suffix makes from the country's name (Swedes, Danes, Poles, Brits, Polacy,
Belgen), so they are kept by hand for the markets in each language the rules read; a country's people living
abroad are not said of their country, and a word that is also the adjective counts only before people."""

from __future__ import annotations

import pytest

from outagewatch.nlp import demonyms


@pytest.mark.parametrize("text, source, regions", [
    ("Kiwis, is One NZ mobile data dead for you too? Nothing loading on 4G", "x:search:one nz", ["geo:NZ"]),
    ("Aussies — Optus again? my phone says SOS only", "x:search:optus", ["geo:AU"]),
    ("Brits, is anyone else's Barclays app refusing to log in?", "x:search:barclays", ["geo:GB"]),
    ("Filipinos, is GCash working for you? can't send money, 'transaction failed'", "x:search:gcash", ["geo:PH"]),
    ("Irish people, is the Revenue website working for you? it keeps timing out", None, ["geo:IE"]),
    ("Chilenos, ¿a alguien más le falla la app del banco? no puedo entrar", None, ["geo:CL"]),
    ("Les Belges, Proximus en panne ? plus rien depuis ce matin", "x:search:proximus", ["geo:BE"]),
    ("Die Österreicher unter euch: geht Magenta bei euch? nix", "x:search:magenta", ["geo:AT"]),
    ("Belgen, itsme werkt niet? kan nergens inloggen", "x:search:itsme", ["geo:BE"]),
    ("Awaria Facebooka i Instagrama. Polacy nie mogą się zalogować", None, ["geo:PL"]),
    ("Türkler, Instagram açılmıyor mu sizde de?", None, ["geo:TR"]),
    ("norrmän, funkar Vipps för er? betalningen hänger", "x:search:vipps", ["geo:NO"]),
])
def test_a_nations_people_say_the_country(tag, text, source, regions):
    """(Found by a search for the operator or app, as such posts are: a post with nothing the tagger knows
    is cleared before its words are read.)"""
    assert tag(text, source=source)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Swedes, BankID not working? can't log into anything. Göteborg here", ["geo:SE", "geo:SE-O"]),
    ("Poles: mBank app refusing logins? Wrocław here", ["geo:PL", "geo:PL-02"]),
])
def test_a_nation_called_on_keeps_its_country_beside_the_writers_city(tag, text, regions):
    """"Swedes, ..." asks the whole country; "Göteborg here" is where the writer is: both."""
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    ("los españoles en Londres, ¿os funciona la app de CaixaBank? a mí me da error", ["geo:GB-LND"]),
    ("gli italiani all'estero: l'app IO vi dà errore? io sono a Vienna", ["geo:AT-9"]),
    ("Polacy w Berlinie: PKO działa wam? ciągle błąd", ["geo:DE-BE"]),
])
def test_a_countrys_people_abroad_are_not_their_country(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "French toast at the diner was great, the card machine was down though",  # the adjective
    "Swiss cheese model of outages: every layer has holes",
    "Dutch oven recipe night, Spotify playlist keeps skipping",
])
def test_an_adjective_that_is_a_nations_people_counts_only_before_people(tag, text):
    assert tag(text)["regions"] == []


def test_the_hand_kept_words_are_in_the_built_table():
    table = demonyms.demonyms()
    assert table["en"]["kiwis"] == "NZ" and table["pl"]["polacy"] == "PL" and table["nl"]["belgen"] == "BE"
    assert table["tr"]["türkler"] == "TR" and table["de"]["österreicher"] == "AT"
    assert "polen" not in table["de"]  # Poland's own name in German: a place, not its people
