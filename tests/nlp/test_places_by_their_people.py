"""A post addressed to a place's people, or about them, says where the problem is: "Londoners: Uber won't
load", "los madrileños sin Glovo", "Münchner, geht bei euch Vodafone?", "Duizenden Nederlanders melden
problemen". The words are made from the gazetteer's places and each language's own word tables, so the
sample spans languages; a word that is also a dish, a firm or an orchestra is no place."""

from __future__ import annotations

import pytest

from outagewatch.nlp import demonyms


@pytest.mark.parametrize("text, regions", [
    ("Londoners: Citymapper works but Uber won't load at all, just the spinning car", ["geo:GB-LND"]),
    ("Chicagoans getting the Venmo 'something went wrong' screen? trying to pay my rent", ["geo:US-IL"]),
    ("los madrileños sin Glovo ni Uber Eats esta noche? la app no carga", ["geo:ES-M"]),
    ("les Parisiens, Deezer marche chez vous ? chez moi 'erreur de lecture' en boucle", ["geo:FR-75C"]),
    ("Münchner, geht bei euch Vodafone Kabel? Hier nix", ["geo:DE-BY"]),
    ("milanesi, vi funziona Fastweb? niente internet da stamattina", ["geo:IT-MI"]),
    ("Rotterdammers, doet KPN het bij jullie? hier ligt alles plat", ["geo:NL-ZH"]),
    ("poznaniacy, macie problem z mObywatelem? nie loguje", ["geo:PL-30"]),
    ("İzmirliler, Superonline'da kesinti var mı? sabahtan beri bağlanamıyorum", ["geo:TR-35"]),
    ("Malmöbor utan Bahnhof, hela stan verkar ligga nere", ["geo:SE-M"]),
    ("Duizenden Nederlanders melden problemen met inloggen bij Snapchat", ["geo:NL"]),
    # a country's people named after its language: "svensk-a" -> "svenskar", "Español" -> "españoles"
    ("Stor störning hos Microsoft – Outlook och Teams nere för tusentals svenskar", ["geo:SE"]),
    ("svenskar, har ni problem med Spotify idag? låtarna hoppar", ["geo:SE"]),
    ("los españoles sin WhatsApp otra vez, no envía nada", ["geo:ES"]),
])
def test_a_places_people_say_where_the_problem_is(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "the Berliner Philharmoniker stream is down again",  # an orchestra, not Berlin's people
    "Berliner Pfannkuchen sind die besten, Lieferando hängt aber",  # a doughnut
    "Deutsche Bahn App stürzt ab, DB Navigator lädt nicht",  # a firm's name, not Germany's people
    "Netflix auf Deutsch geht nicht, Untertitel fehlen",  # the language
    "my hamburger order on Uber Eats is stuck",  # a burger
    "Netflix down for me, anyone else? the Londoners episode won't play",  # not said of people
])
def test_a_word_like_a_places_people_but_not_said_of_people_is_no_place(tag, text):
    assert tag(text)["regions"] == []


def test_a_countrys_people_beside_a_place_in_it_leave_the_place():
    table = demonyms.demonyms()
    assert table["nl"]["nederlanders"] == "NL" and table["en"]["londoners"] == "GB-LND"
    # built from the word tables: only places where the language is spoken, each word one place
    assert "armenians" not in table["en"] and "hamburger" not in table["de"]


@pytest.mark.parametrize("text, regions", [
    ("Störung bei Vodafone Kabel. Münchner, geht bei euch noch was?", ["geo:DE-BY"]),
    ("Storing bij KPN. Nederlanders klagen massaal over wegvallend internet", ["geo:NL"]),
    ("Spotify hoppar över låtar igen! Svenskar, är det bara jag?", ["geo:SE"]),
])
def test_a_places_people_opening_a_later_sentence_say_where(tag, text, regions):
    """A headline's first sentence names the service; the people come first in the next one."""
    assert tag(text)["regions"] == regions


def test_a_people_word_before_a_noun_it_qualifies_in_a_later_sentence_is_no_place(tag):
    assert tag("Vodafone Kabel ist gestört. Berliner Pfannkuchen gibt es trotzdem")["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("Polacy w Niemczech: PKO działa wam? Berlin tu, ciągle błąd", ["geo:DE-BE"]),
    ("Almanya'daki Türkler: Ziraat mobil çalışıyor mu? Köln'de hata veriyor", ["geo:DE-NW"]),
    ("Almanya'daki Hetzner sunucularımız fsn1'de erişilemiyor", ["geo:DE-SN"]),
    ("Os brasucas em Portugal: o Nubank funciona aí? aqui em Coimbra só dá erro", ["geo:PT-06"]),
])
def test_a_country_said_as_where_a_group_is_adds_nothing_beside_a_place_in_it(rules, text, regions):
    assert rules(text, source="x:search:hetzner" if "Hetzner" in text else None)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Internet down in Germany: Berlin and Munich affected", ["geo:DE", "geo:DE-BE", "geo:DE-BY"]),  # the extent
    ("Almanya'daki kullanıcılar Netflix'e erişemiyor", ["geo:DE"]),  # no place in it: the country says where
])
def test_a_country_said_as_the_problems_extent_or_alone_stays(rules, text, regions):
    assert rules(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Porteños, ¿Fibertel anda? En Palermo nada desde las 20. En Rosario mi hermano tiene internet", ["geo:AR-C"]),
    ("Los porteños sin Personal desde la mañana, ni datos ni llamadas en Palermo", ["geo:AR-C"]),
    ("los españoles en Londres, ¿os funciona la app de CaixaBank? a mí me da error", ["geo:GB-LND"]),  # abroad
    ("gli italiani all'estero: l'app IO vi dà errore? io sono a Vienna", ["geo:AT-9"]),
])
def test_a_city_abroad_named_like_a_place_of_the_people_called_on_is_their_namesake(rules, text, regions):
    assert rules(text)["regions"] == regions


def test_the_official_languages_table_is_cldrs():
    babel_languages = pytest.importorskip("babel.languages")
    pycountry = pytest.importorskip("pycountry")
    from outagewatch.nlp.place_rules import OFFICIAL_IN

    for lang, countries in OFFICIAL_IN.items():
        assert countries == {c.alpha_2 for c in pycountry.countries
                             if lang in babel_languages.get_official_languages(c.alpha_2, de_facto=True)}, lang
