"""A reader in Eindhoven, Uppsala or Leuven reports an outage in their own town, which is no
city of 300,000: the gazetteer has the markets' cities of 100,000 and more too, each in its own
subdivision. Such a town's name is also a person's, a club's, a virus's or a word elsewhere, so
it is a place only as its own people write it."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, region", [
    ("stroomstoring in Eindhoven, hele wijk donker", "geo:NL-NB"),  # a province no big city is in
    ("inget mobilnät i Umeå sen lunch, Telia nere igen?", "geo:SE-AC"),  # "Västerbottens län"
    ("Fibern i Uppsala var avklippt i går av grävarbeten, men nu är det lagat", "geo:SE-C"),
    ("Vanavond geen Telenet in Brugge", "geo:BE-VWV"),  # a Belgian province, not the Flemish Region
    ("Telenet in Leuven down? al een uur geen internet", "geo:BE-VBR"),
    ("Behoben: Die Störung der E-Mail-Dienste im Rechenzentrum Karlsruhe wurde behoben.", "geo:DE-BW"),
    ("serveur dans une brasserie à Lille depuis 10 ans, j'adore mon métier", "geo:FR-59"),
])
def test_a_smaller_city_of_a_market_is_its_subdivision(tag, text, region):
    assert tag(text)["regions"] == [region]


@pytest.mark.parametrize("text", [
    "Ajax ligt eruit in de Europa League, wat een drama weer",  # the club, not the Ontario town
    "Haarausfall nach Corona ist echt, hätte nie gedacht dass mich das trifft",  # the virus
    "Spotify Wrapped chegou e deu Marília Mendonça no topo de novo",  # a singer
    "Slack insider Cal Henderson sold 1,500 shares of Slack stock",  # a surname
    "Postei a foto do pôr do sol no Instagram, o app travou",  # sunset, not a district of Brasília
])
def test_a_smaller_citys_look_alikes_are_no_place(tag, text):
    assert tag(text)["regions"] == []


def test_a_smaller_city_is_never_named_outright(tag):
    # A big city heading a Dutch post is where it is set; a town needs "in ..." or outage talk.
    assert tag("Rotterdam heeft sinds vanochtend geen Vodafone-bereik")["regions"] == ["geo:NL-ZH"]
    assert tag("Glow Eindhoven trekt weer duizenden bezoekers")["regions"] == []


@pytest.mark.parametrize("text, region", [
    ("insta loggar ut mig hela tiden, har fått logga in typ fem gånger idag här i sthlm", "geo:SE-AB"),
    ("都内で大規模な通信障害、携帯電話がつながりにくい状態続く", "geo:JP-13"),  # Tokyo's wards
    ("Den Haag: pinautomaten van ABN AMRO werken niet", "geo:NL-ZH"),
    ("Sieć Play wciąż nie działa w części Trójmiasta", "geo:PL-22"),  # the Tricity, in the genitive
])
def test_short_and_local_names_people_type(tag, text, region):
    assert tag(text)["regions"] == [region]


@pytest.mark.parametrize("text, regions", [
    ("Telenet plat in Antwerpen en Gent, hele straat zonder internet", ["geo:BE-VAN", "geo:BE-VOV"]),
    ("Belgen zonder Proximus internet? In Gent ligt alles plat", ["geo:BE-VOV"]),
    ("the gent at the counter said the card machine is down", []),  # the English word
])
def test_a_town_named_like_an_english_word_is_its_place_as_its_people_write_it(rules, text, regions):
    assert rules(text)["regions"] == regions
