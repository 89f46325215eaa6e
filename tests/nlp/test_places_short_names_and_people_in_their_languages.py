"""People name their city by the short name their own language uses ("Paname", "w Wawie", "w Wrocku", "in A'dam",
"en barna", "in züri"), call on its people ("los regios", "os mineiros") and say the whole of it ("Todo Santiago
sin Entel", "BH toda sem sinal", "Hannover komplett ohne Telekom"). A short name counts only in a language of its
city's country ("Wawa" in an English post is the shop); a whole-word counts only right before the place at the
start of a clause or after "in", or right after it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("plus de réseau SFR depuis 1h dans tout le 11e, même pas la 4G. Paname en PLS", ["geo:FR-75C"]),
    ("snap nie działa w Wawie, Pinterest chodzi normalnie", ["geo:PL-14"]),
    ("whatsap padł czy to tylko u mnie? w Wrocku nic się nie ładuje", ["geo:PL-02"]),
    ("Storing bij PayPal: winkels in A'dam kunnen geen betalingen ontvangen", ["geo:NL-NH"]),
    ("spotify se me para cada dos canciones, en barna y con 5G a tope. qué cruz", ["geo:ES-B"]),
    ("swisscom in züri isch abegheit, kei internet, kei tv. scho wieder", ["geo:CH-ZH"]),
])
def test_a_citys_short_name_in_its_own_language_is_the_city(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Los regios sin luz ni internet de Totalplay desde la tormenta", ["geo:MX-NLE"]),
    ("Os mineiros tão sem Oi? BH toda sem internet", ["geo:BR-MG"]),
])
def test_a_citys_or_states_people_called_on_are_its_place(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Todo Santiago sin Entel desde las 7, ni llamadas ni datos. ¿Qué pasó???", ["geo:CL-RM"]),
    ("BH toda sem sinal da claro? tá foda aqui", ["geo:BR-MG"]),
    ("Hannover komplett ohne Telekom Festnetz, List und Linden betroffen laut Nachbarn", ["geo:DE-NI"]),
])
def test_the_whole_of_a_place_said_is_the_place(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Wawa coffee is the best, the app is down though",  # the shop, in English
    "le conté todo Santiago y Entel me anda lento",  # "todo" after a verb: all of it, told to a person
    "Os mineiros da Vale entraram em greve hoje",  # miners, neither called on nor without anything
])
def test_near_misses_are_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("viyana'dayım, magenta internet sabahtan beri yok. buradaki türkler de şikayetçi grupta", ["geo:AT-9"]),
    ("danskarna har problem med MitID, ingen kommer in på banken i Köpenhamn", ["geo:DK-84"]),
    ("Mieszkam w Wiedniu i od rana nie działa mi Magenta", ["geo:AT-9"]),
    ("Spotify ne marche plus à Varsovie depuis ce matin", ["geo:PL-14"]),
])
def test_a_big_city_by_its_name_in_the_texts_language_is_the_city(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_name_that_is_a_persons_first_is_left_out(tag):
    assert tag("Lahey Health's patient portal is down again")["regions"] == []  # Turkish "Lahey" is also a surname
