"""Which town of a name, said right after it: a state's code in capitals ("Springfield IL here", "cambridge MA",
"Columbus GA, not Ohio"), no person's surname, and the town that state holds, whichever town the name alone would
be; in Spanish, Portuguese, Italian and French "the one of" the wider place ("Granada, la de Andalucía, no la de
Nicaragua": the brief's own example; the wider place then says which, and is not labelled itself); a country in
brackets after a city in lower case ("santiago (chile, not compostela)")."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Springfield IL here, AT&T dead since 3", ["geo:US-IL"]),
    ("gmail won't load in cambridge MA, works on my phone data. harvard wifi is cursed", ["geo:US-MA"]),
    ("Columbus GA, not Ohio — Mediacom down near Fort Moore", ["geo:US-GA"]),
    ("sin internet en Granada, la de Andalucía, no la de Nicaragua. Orange dice que hay incidencia", ["geo:ES-GR"]),
    ("Granada, la de Andalucía, no la de Nicaragua: el insta lleva toda la tarde sin cargar fotos", ["geo:ES-GR"]),
    # a country in brackets after a city in lower case says it is the city, and which
    ("santiago (chile, not compostela) — entel mobile network down since noon", ["geo:CL-RM"]),
])
def test_the_state_or_the_one_of_says_which_town(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("BT broadband down in Cambridge since 7", ["geo:GB-CAM"]),
    ("comcast out in Springfield, the whole town", ["geo:US-MO"]),
])
def test_alone_the_name_is_the_usual_town(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_capitalised_surname_after_a_town_is_no_state(tag):
    assert tag("Marília Mendonça no spotify caiu de novo")["regions"] == []


def test_a_brand_in_capitals_after_a_city_is_no_state_of_another_country(tag):
    # "ACT" is the Australian Capital Territory's code too; Hyderabad has no namesake there
    assert tag("Hyderabad ACT Fibernet outage? whole apartment complex offline")["regions"] == ["geo:IN-TS"]
