"""A company named after a place ("Alaska Airlines", "Air Canada", "Bank of America") is no place: its outage is
the company's wherever its customers are. The same place said as a place still is one."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text", [
    "Alaska Airlines grounds flights after IT outage",
    "Air Canada app shows my flight as cancelled, the desk says on time",
    "Bank of America app down? can't see my balance",
    "Türk Telekom kesintisi sona erdi",
    "Chicago Tribune website down all morning",
])
def test_a_place_inside_a_company_name_is_no_place(tag, text):
    assert tag(text)["regions"] == []


@pytest.mark.parametrize("text, region", [
    ("internet outage across Alaska, airlines grounded at Anchorage", "geo:US-AK"),   # "airlines" not the name's
    ("Comcast down in Chicago since 6am", "geo:US-IL"),
    ("flights cancelled in Canada after the air traffic system failed", "geo:CA"),
])
def test_the_same_place_said_as_a_place_is_one(tag, text, region):
    assert region in tag(text)["regions"]
