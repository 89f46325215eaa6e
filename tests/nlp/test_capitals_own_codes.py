"""A capital with a territory of its own takes that territory's ISO 3166-2 code, as any city takes the most
specific code that holds it: Abuja NG-FC (the Federal Capital Territory), Kuala Lumpur MY-14, Beijing CN-BJ;
the country said alone is still the country."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("whatsapp hasn't worked in Lagos or Abuja since morning, everyone's on SMS", ["geo:NG-LA", "geo:NG-FC"]),
    ("Grab app won't load in Kuala Lumpur, payments failing", ["geo:MY-14"]),
    ("Tesla app down for owners in Beijing and Shanghai", ["geo:CN-BJ", "geo:CN-SH"]),
])
def test_a_capital_with_its_own_territory_takes_that_code(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_the_country_alone_is_still_the_country(tag):
    assert tag("whatsapp down across Nigeria since morning")["regions"] == ["geo:NG"]
