"""Venezuela's CANTV (a fixed-line company no number table names) chooses Venezuela's Valencia, as Movistar alone
keeps Spain's: "cantv sin internet en valencia" is Carabobo."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("cantv sin internet en valencia desde anoche, toda la zona de naguanagua", ["geo:VE-G"]),
    ("Movistar caído en Valencia, sin fibra desde las 8", ["geo:ES-V"]),  # Spain's and Venezuela's: the usual one
])
def test_an_operator_of_one_country_chooses_the_namesake_there(tag, text, regions):
    assert tag(text)["regions"] == regions
