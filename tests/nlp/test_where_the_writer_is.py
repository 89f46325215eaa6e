"""A place said as a sentence of its own, closing a complaint or opening one set off by a comma, is where
the writer stands when the app fails: "... 'finding a rider' for 50 minutes. Glasgow southside",
"Lieferando zeigt meine Bestellung seit 70 Min als 'in Zubereitung'. Leipzig", "... no existe. Madrid centro,
una hora esperando". The service may be one the catalog does not know and the complaint one the rules do not
read, so nothing else says the text is about a problem; the place said that way is still where it is set."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source, region", [
    ("deliveroo has charged me twice and the order still says 'finding a rider' for 50 minutes. Glasgow southside",
     "x:search:deliveroo", "geo:GB-GLG"),
    ("Lieferando zeigt meine Bestellung seit 70 Min als 'in Zubereitung'. Leipzig", "x:search:lieferando",
     "geo:DE-SN"),
    ("Glovo me cobró el pedido y ahora dice que no existe. Madrid centro, una hora esperando", "x:search:glovo",
     "geo:ES-M"),
    ("Thuisbezorgd zegt bezorgd maar ik heb niks. Eindhoven", "x:search:thuisbezorgd", "geo:NL-NB"),
    ("배민 주문했는데 결제만 되고 주문이 안 들어갔대요. 대구", "x:search:배달의민족", "geo:KR-27"),
])
def test_a_place_said_as_its_own_sentence_is_where_the_writer_is(tag, text, source, region):
    assert tag(text, source=source)["regions"] == [region]


@pytest.mark.parametrize("text", [
    "Glasgow is a great city for a weekend, the food is amazing",  # the subject of a sentence, no sign-off
    "Met up with friends. Leipzig Hauptbahnhof was packed",  # the start of a longer name
    "Great show tonight. Glasgow crowd was loud all night",  # a word of what, not a sign-off
])
def test_a_place_inside_a_sentence_about_nothing_is_no_sign_off(tag, text):
    assert tag(text)["regions"] == []


# A big city's name that is also a person's, heading or signing a complaint, is where the writer is.
@pytest.mark.parametrize("text, regions", [
    ("Lagos: MTN data crawling since yesterday, can't even load a webpage", ["geo:NG-LA"]),
    ("Southwest site keeps throwing error pages when I change my flight. on hold 2h. Phoenix", ["geo:US-AZ"]),
])
def test_a_city_named_like_a_person_heading_or_signing_a_complaint_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Jordan: you are wrong about that, it was never down",  # a person answered; a country, not a big city
    "Sydney: what a gorgeous day at the beach with the kids",  # no complaint: a name heading a post
])
def test_a_name_heading_a_post_without_a_complaint_is_no_city(tag, text):
    assert tag(text)["regions"] == []
