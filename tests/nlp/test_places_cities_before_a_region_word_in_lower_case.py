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
