"""A city in lower case right before a word for a region, in the languages read ("frankfurt bölgesinde",
"frankfurt bölgesindeki lambda"), is said as a place: beside a cloud provider, that provider's region there."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("frankfurt bölgesindeki lambda fonksiyonlarımız 'rate exceeded' hatası veriyor, limitin çok altındayız",
     ["aws:eu-central-1"]),
    ("AWS frankfurt bölgesinde lambda hata veriyor", ["aws:eu-central-1"]),
])
def test_a_lower_case_city_before_a_region_word_is_the_cloud_region(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_lower_case_city_without_a_region_word_or_a_place_word_stays_no_place(tag):
    assert tag("AWS frankfurt lambda hata veriyor")["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("알리바바 클라우드 ECS: 싱가포르 리전 네트워크 지연 해결 완료", ["geo:SG"]),
    ("알리바바 클라우드 ECS 인스턴스가 재부팅 루프에 빠졌어요, 홍콩 리전", ["geo:HK"]),
])
def test_a_country_before_the_korean_word_for_a_cloud_region_is_where(tag, text, regions):
    """(a provider without catalog regions: the place; "한국 드라마" stays an adjective)"""
    assert tag(text)["regions"] == regions


def test_a_country_before_another_korean_noun_stays_its_adjective(tag):
    assert tag("넷플릭스 새 한국 드라마 너무 재밌다")["regions"] == []
