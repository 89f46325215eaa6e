"""A search query is a reason to read a post, not proof of what its word means; a community
named after a brand is about that brand; a headline's company does what companies do."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source", [
    ("gonna slack off for the rest of the afternoon, brain is fried", "x:search:slack"),
    ("our teams are crushing it this quarter 💪 proud of everyone", "x:search:teams"),
    ("lambda calculus lecture today went way over my head", "x:search:lambda"),
    ("zoom in on the photo, the detail on the cathedral ceiling is insane", "x:search:zoom"),
    ("signal boost: my friend's bakery needs reviews! best croissants in town", "x:search:signal"),
    ("box of donuts at the office today, morale is up", "x:search:box"),
    ("X marks the spot 🗺️ treasure hunt in the park with the kids", "x:search:x"),
])
def test_a_search_for_an_everyday_word_finds_its_everyday_sense_too(tag, text, source):
    result = tag(text, source=source)
    assert result["services"] == [] and result["providers"] == []


def test_a_search_query_still_counts_for_the_brand_without_an_everyday_sense(tag):
    assert tag("zoom kicked everyone out of my lecture, 'unable to connect'", source="x:search:zoom")["services"] \
        == ["zoom"]


@pytest.mark.parametrize("text, source, service", [
    ("our snowflake warehouse costs doubled, time to tune clustering keys", "reddit:r/snowflake", "snowflake"),
    ("anyone else's doorbell showing offline? app says device unavailable", "reddit:r/Ring", "ring"),
])
def test_a_community_named_after_a_brand_is_about_it(tag, text, source, service):
    assert service in tag(text, source=source)["services"]


def test_a_community_named_after_nothing_in_the_catalog_names_nothing(tag):
    assert tag("printer on the 3rd floor is jammed again", source="reddit:r/sysadmin")["services"] == []


@pytest.mark.parametrize("text", [
    "Slack restores service after daylong outage disrupts millions of workers",
    "Zoom confirms outage, says fix is rolling out",
])
def test_a_headline_opening_on_a_company_and_what_it_did_names_the_company(tag, text):
    assert tag(text, source="news:reuters")["services"] != []
