"""A status page that several games of one company share (status.riotgames.com: League of Legends and Valorant;
status.epicgames.com: the Epic Games store and Fortnite) speaks, in an update that names none of them, for the
first service the catalog lists with it; an update that names one is about that one. A provider's shared page
names the provider, and a news feed's host nothing."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source, service", [
    ("Investigando: jugadores del servidor LAN no pueden conectarse a partidas clasificatorias.",
     "statuspage:status.riotgames.com", "league-of-legends"),
    ("Alle Systeme betriebsbereit", "statuspage:status.riotgames.com", "league-of-legends"),
    ("Scheduled maintenance: store purchases unavailable on 9 December 02:00-04:00 UTC.",
     "statuspage:status.epicgames.com", "epic-games"),
])
def test_an_update_naming_none_of_the_pages_services_is_about_its_first(tag, text, source, service):
    assert tag(text, source=source)["services"] == [service]


@pytest.mark.parametrize("text, source, service", [
    ("VALORANT - Degraded: matchmaking delays on the EU shard. We are investigating.",
     "statuspage:status.riotgames.com", "valorant"),
    ("Fortnite - Login: Partial Outage. Some players cannot log in.", "statuspage:status.epicgames.com", "fortnite"),
])
def test_an_update_that_names_one_of_them_is_about_that_one(tag, text, source, service):
    assert tag(text, source=source)["services"] == [service]


def test_a_providers_shared_page_names_the_provider_and_no_first_product(tag):
    tags = tag("Identified - Elevated error rates in FRA1. A fix is being implemented.",
               source="statuspage:status.digitalocean.com")
    assert tags["providers"] == ["digitalocean"] and "digitalocean/droplets" not in tags["services"]
