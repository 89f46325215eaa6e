"""Provinces and regions as their people write them where ISO 3166-2 names them formally: Korean provinces by their
short form ("경북", "충남": ``geo.province_short_names``), Poland's voivodeships by the region's noun and its cases
("na Pomorzu", "w Małopolsce") and by the adjective's other cases ("w województwie mazowieckim"), "Vlaanderen", "NRW",
"Brabant", "Algarve" (``geo.REGION_SHORT_NAMES``); a region's people ("i lombardi", "skåningar", "Limburgers") and
the Polish locative of a city spaCy's tables lack ("w Szczecinie")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("SKT 경북 쪽 LTE 너무 느려요 아침부터", ["geo:KR-47"]),
    ("충남 지역 KT 인터넷 먹통이에요", ["geo:KR-44"]),
    ("LG유플러스 제주 지역 장애 아직 복구 안 됨", ["geo:KR-49"]),
    ("Play nie działa na Pomorzu od rana, zero zasięgu", ["geo:PL-22"]),
    ("w Małopolsce brak zasięgu Orange od godziny", ["geo:PL-12"]),
    ("awaria Plusa w województwie mazowieckim, nie da się dzwonić", ["geo:PL-14"]),
    ("T-Mobile nie działa w Szczecinie od rana", ["geo:PL-32"]),
    ("Telenet ligt plat in heel Vlaanderen, geen internet", ["geo:BE-VLG"]),
    ("Vodafone Kabel gestört in ganz NRW seit heute früh", ["geo:DE-NW"]),
    ("MEO sem internet no Algarve desde ontem", ["geo:PT-08"]),
    ("utenti lombardi senza rete Vodafone da stamattina", ["geo:IT-25"]),
    ("skåningar, är Telia nere för er också?", ["geo:SE-M"]),
    ("Limburgers, hebben jullie ook geen Ziggo?", ["geo:NL-LI"]),
])
def test_a_province_as_its_people_write_it_is_where(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "경기 중계가 계속 끊겨요 넷플릭스 왜 이래",  # a match, not Gyeonggi
    "경북대 앱 로그인이 안 돼요",  # a university's name: 경북 inside a longer word is no province here
])
def test_a_short_form_that_is_also_a_word_is_no_province(tag, text):
    assert tag(text)["regions"] == []
