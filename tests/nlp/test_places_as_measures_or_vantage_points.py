"""A place can be a measure ("an area the size of Belgium") or where latency is measured from while someone
chooses a region ("latency to NYC matters", "la latenza da Roma"): neither is where a text is set or where a
problem is, and the writers who label our sets give them no place. Said as where the problem is, the same
places keep their codes."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("the rainforest lost an area the size of Wales to logging last year", []),
    ("a wildfire bigger than Luxembourg is still burning, awful", []),
    ("choosing between us-west-1 and us-west-2 for our game servers, latency to Seattle matters most",
     ["aws:us-west-1", "aws:us-west-2"]),
    ("Qualcuno usa la region di Google Cloud a Milano? Sto misurando la latenza da Napoli", ["gcp:europe-west8"]),
])
def test_a_measure_or_a_vantage_point_is_no_place(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    ("storm knocked out power across Wales, mobile data gone", ["geo:GB-WLS"]),
    ("latency in Frankfurt is terrible today, S3 timing out", ["aws:eu-central-1"]),
    ("Latenz in Wien seit heute früh katastrophal, A1 Internet kaum nutzbar", ["geo:AT-9"]),
])
def test_the_same_places_said_as_where_the_problem_is_stay(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions
