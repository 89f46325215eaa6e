"""A cloud region named in its provider's context as AWS's consoles write it in other languages is that
catalog region, not the country in its name: "Amazon EC2 in Europa (Ierland)", "Avrupa (İrlanda)". The
Azure portal's localized names are in test_regions_as_other_languages_write_them.py."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Gedeeltelijke storing – Amazon EC2 in Europa (Ierland): enkele instances reageren niet.", ["aws:eu-west-1"]),
    ("AWS Avrupa (İrlanda) bölgesinde EC2 örnekleri yanıt vermiyor", ["aws:eu-west-1"]),
    ("Amazon RDS en Europa (España) con errores de conexión desde las 9", ["aws:eu-south-2"]),
    ("AWS 유럽(아일랜드) 리전 장애", ["aws:eu-west-1"]),
    ("Wir spielen eine Korrektur für Azure in Deutschland West Mitte aus.", ["azure:germanywestcentral"]),
])
def test_aws_region_names_in_other_languages_are_the_region(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


def test_the_country_beside_aws_without_the_area_is_still_the_country(tag):
    assert tag("AWS anuncia investimento em data centers na Irlanda")["regions"] == ["geo:IE"]
