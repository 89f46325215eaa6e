"""Places said the way people and status pages say them besides "in X": an operator's customers in a
country ("Vodafone UK subscribers"), and a place said fine in Turkish with the tense or hearsay ending on
"yok" ("İzmir'de sorun yokmuş": the problem is elsewhere, that place is not labelled)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("Monitoring - SMS delivery delays to Vodafone UK subscribers. Messages are now being delivered.", ["geo:GB"]),
    ("Vodafone UK subscribers can't send texts since this morning, apparently it's nationwide", ["geo:GB"]),
])
def test_an_operators_customers_in_a_country_are_that_country(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "Identified - SMS delivery delays to US subscribers. Our carrier partner is working on it.",
    "Monitoring - A fix has been implemented for delayed SMS delivery to US carriers.",
])
def test_messages_sent_to_a_countrys_numbers_name_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, regions", [
    ("Ankara'da YouTube açılmıyor, İzmir'de sorun yokmuş", ["geo:TR-06"]),
    ("Ankara'da YouTube açılmıyor, İzmir'de sorun yoktu", ["geo:TR-06"]),
    ("İzmir'de sorun yokmuş ama Ankara'da internet gitti", ["geo:TR-06"]),
    ("Hetzner Falkenstein'daki sunucular erişilemiyor, Nürnberg'deki tamam", ["geo:DE-SN"]),  # "tamam": OK
])
def test_a_place_said_fine_with_a_turkish_ending_on_yok_is_not_labelled(tag, text, regions):
    assert tag(text)["regions"] == regions


def test_a_turkish_problem_place_alone_keeps_its_place(tag):
    assert tag("İzmir'de internet yok, sabahtan beri bağlanamıyorum")["regions"] == ["geo:TR-35"]
