"""A reader in Poland, the Netherlands or Sweden names the city a post is set in without any
"in ...": "Gdańsk bez internetu", "Rotterdam heeft geen bereik", "Göteborg är så grått nu". The
post is set there whatever it is about, and the labelled sets say so; what stays out are the
look-alikes such a rule would let in: a club, a longer name, German nouns, English news."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, region", [
    ("Gdańsk bez internetu z UPC, Gdynia podobno też", "geo:PL-22"),  # no problem word the rules know
    ("Palermo senza corrente in mezza città, anche i ripetitori del cellulare spenti", "geo:IT-PA"),
    ("Poznań zimą jest piękny, polecam Stary Rynek wieczorem", "geo:PL-30"),  # about nothing broken
    ("Files rond Rotterdam na ongeluk op de A20, ruim 40 minuten vertraging", "geo:NL-ZH"),
    ("Göteborg är så grått nu, känner mig lite nere men glöggen hjälper", "geo:SE-O"),
    ("Belo Horizonte sem luz em vários bairros, semáforos apagados", "geo:BR-MG"),
    ("qué lindo está Lima hoy, nada de garúa", "geo:PE-LMA"),
])
def test_a_big_city_named_outright_is_where_the_post_is_set(tag, text, region):
    assert tag(text)["regions"] == [region]


@pytest.mark.parametrize("text", [
    "Gol al 90°! La rete che salva la stagione del Napoli",  # the club, after an article
    "Kellner war super freundlich, Essen leider kalt",  # German capitalises every noun: the food
    "Het signaal op de A2 stond weer op rood, file tot Utrecht",  # where the queue reaches, not where one is
    "Frankfurt bölgesindeki kesintide trafiği İrlanda'ya yönlendirdik, kimse fark etmedi",  # where traffic went
    "Toyota Shows Four Healthcare And Nursing Robots",  # English news names firms and teams after cities
    "Lyon was beautiful last night, what a concert",  # English: a place needs "in ..." or outage talk
    "Kira artışı talebimiz ev sahibi tarafından reddedildi, sonunda anlaştık",  # a Ugandan city, a Turkish word
])
def test_look_alikes_of_a_city_named_outright_are_no_place(tag, text):
    assert not [r for r in tag(text)["regions"] if r in ("geo:IT-NA", "geo:DE-NW", "geo:NL-UT", "geo:IE",
                                                           "geo:JP-23", "geo:FR-69M", "geo:UG-C")]
