"""A writer whose town shares its name with another place often says which one is meant and which is not: "the
Oregon one, not the one in Maine", "(la de Chile, no la de España)", "nicht Frankfurt am Main", "niet Breda in ...".
The place denied is not where the problem is, and it does not choose the namesake either: of the places so named,
the one denied is out. A country said after "the one of" ("la de Venezuela", "León de España") says which city, and
the city says where. Other places named like something else stay out: a film's hero ("Batman"), a host named like an
island beside its data centre ("Aruba"), a compass part of a city after a hyphen ("Antwerpen-Noord"). A town named alone and again before its state
("Paris. Paris, Texas") is the state's both times; "Georgia (the country)" is the country."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, lang, regions", [
    ("Optus 4G dead in Perth since lunch. The WA one, not the one in Scotland", "en", ["geo:AU-WA"]),
    ("SFR fibre down in Nice all morning. The city on the coast, not the town in the Vaucluse", "en", ["geo:FR-06"]),
    ("Córdoba (la de Andalucía, no la de Argentina) sin fibra de Movistar desde las 9", "es", ["geo:ES-CO"]),
    ("Belém sem sinal da Vivo desde cedo. Belém do Pará, não o de Lisboa", "pt", ["geo:BR-PA"]),
    ("KPN-storing in Ede. Ede in Gelderland, niet Ede in Nigeria", "nl", ["geo:NL-GE"]),
    ("광주 KT 인터넷 안 돼요. 경기도 광주 말고 전라도 광주요", "ko", ["geo:KR-29"]),
    ("Digi sin fibra en Valencia, Carabobo. No Valencia de España", "es", ["geo:VE-G"]),
    ("Movistar sin datos en León. León de España, ojo", "es", ["geo:ES-LE"]),
])
def test_the_namesake_denied_is_not_where_the_problem_is(tag, text, lang, regions):
    assert sorted(tag(text, lang=lang)["regions"]) == regions


@pytest.mark.parametrize("text, lang, regions", [
    # a negation that says what fails, not which place: the place stays
    ("Internet not working in Scotland since 8am, Virgin Media says it's a fault", "en", ["geo:GB-SCT"]),
    ("Vodafone no funciona en Sevilla desde esta mañana", "es", ["geo:ES-SE"]),
    ("This is not the first time Comcast went down in Chicago this month", "en", ["geo:US-IL"]),
])
def test_a_negation_about_the_problem_keeps_the_place(tag, text, lang, regions):
    assert sorted(tag(text, lang=lang)["regions"]) == regions


@pytest.mark.parametrize("text, lang, regions", [
    ("Personal sin datos en Baires desde la mañana, en Palermo nada", "es", ["geo:AR-C"]),
    ("Proximus ligt plat in Antwerpen-Noord sinds de middag", "nl", ["geo:BE-VAN"]),
    ("Aruba multata dall'Agcom per il blackout del data center", "it", []),
    ("yeni Batman filmi izledim, sinema çok kalabalıktı", "tr", []),
    ("Batman'da Türk Telekom internet yok sabahtan beri", "tr", ["geo:TR-72"]),
    # the town named alone, then again before its state: the state's town both times
    ("comcast out in Paris since noon. Paris, Texas. before anyone asks", "en", ["geo:US-TX"]),
    # a state named like a country, the writer saying it is the country
    ("Magti down across Georgia (the country) since 9am", "en", ["geo:GE"]),
    ("Comcast down across Georgia since 9am", "en", ["geo:US-GA"]),
    # a country right after a city others share says which, and adds nothing
    ("Personal sin datos en Córdoba Argentina desde las 8", "es", ["geo:AR-X"]),
    ("Claro sin internet en Córdoba, Argentina", "es", ["geo:AR-X"]),
    # a sitcom named after a borough
    ("rewatching Brooklyn Nine-Nine and netflix keeps buffering on every episode", "en", []),
])
def test_a_name_said_as_another_thing_or_beside_its_own_city(tag, text, lang, regions):
    assert sorted(tag(text, lang=lang)["regions"]) == regions
