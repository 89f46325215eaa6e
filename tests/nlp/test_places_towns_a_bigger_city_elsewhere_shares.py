"""A town whose name a bigger city elsewhere has, read where the writer says which: the wider place right after it
("Victoria BC", "perth scotland") or "the ... one" ("Perth (the Scottish one)", "portland (the maine one, not
oregon)"). Such towns are in the town-namesake table even where their name is also a word or a name English writes
often (Perth, Victoria, Portland); alone, the name stays the bigger city's. And a Turkish city of three letters
("Van") is read where Turkish writes a case ending on it after an apostrophe, which only a proper name takes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("perth (the scottish one lads, not WA) has had no vodafone signal since the storm", ["geo:GB-PKN"]),
    ("Perth (the Scottish one) - anyone's BT broadband down? whole town centre seems out", ["geo:GB-PKN"]),
    ("perth scotland, vodafone has no signal since the storm", ["geo:GB-PKN"]),
    ("telus internet out in Victoria BC since 2am, not Victoria the state", ["geo:CA-BC"]),
    ("portland (the maine one, not oregon) — spectrum internet out on munjoy hill since 7", ["geo:US-ME"]),
])
def test_the_writer_says_which_town_of_the_name(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("optus down in perth again, no bars since lunch", ["geo:AU-WA"]),
    ("comcast down in portland since noon", ["geo:US-OR"]),
    ("no Verizon service in Portland, Oregon since noon", ["geo:US-OR"]),
])
def test_alone_or_in_its_own_state_the_name_is_the_bigger_citys(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Van'da Vodafone internet yok akşamdan beri", ["geo:TR-65"]),
    ("van'da turkcell çekmiyor sabahtan beri", ["geo:TR-65"]),
])
def test_a_three_letter_turkish_city_with_its_case_ending(tag, text, regions):
    assert tag(text)["regions"] == regions


@pytest.mark.parametrize("text", [
    "my van broke down on the motorway, waiting for the AA",
    "Vodafone internet yok akşamdan beri, van ile eve dönüyorum",
])
def test_the_word_van_is_no_city(tag, text):
    assert "geo:TR-65" not in tag(text)["regions"]
