"""A German or Dutch headline makes one noun of a name and what happened to it ("Google-Cloud-Ausfall",
"Microsoft-365-Störung"): the name inside the compound is still the name, and a city beside a cloud provider
with one region there is that region."""

from __future__ import annotations

import pytest


def test_a_provider_inside_a_compound_is_named_and_its_city_is_its_region(tag):
    result = tag("Google-Cloud-Ausfall in Frankfurt legt Onlineshops lahm")
    assert result["providers"] == ["gcp"] and result["regions"] == ["gcp:europe-west3"]


@pytest.mark.parametrize("text, service", [
    ("Microsoft-365-Störung: Outlook-Postfächer seit dem Morgen nicht erreichbar", "microsoft-365"),
    ("Microsoft erklärt den Azure-Front-Door-Ausfall vom Dienstag", "azure/front-door"),
    ("Prime-Video-storing: series laden niet op de tv", "amazon-prime-video"),
])
def test_a_service_inside_a_compound_is_named(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text", [
    "ein well-known Cloud-Anbieter hat eine Störung",   # hyphens, but no name's own words
    "google-cloud-ausfall? nee, mein wlan",             # the name's words without its capitals
])
def test_hyphens_without_a_names_words_or_capitals_name_nothing(tag, text):
    result = tag(text)
    assert result["providers"] == [] and result["services"] == []
