"""A status page or an engineer names an edge provider's site by its airport code (Vercel's "iad1", a
Cloudflare colo "(FRA)", a Fastly PoP "AMS"): the outage is at that site's city. Without such a provider
in the text or its source, or where three letters are an acronym, no place is read."""

from __future__ import annotations

import pytest

from outagewatch.nlp import sites


@pytest.mark.parametrize("text, source, regions", [
    ("Identified - Builds in iad1 are failing to start. We're rolling out a fix.", "statuspage:www.vercel-status.com",
     ["geo:US-DC"]),
    ("vercel deploys stuck in cdg1 for an hour, functions timing out", None, ["geo:FR-75C"]),
    ("Investigating - Increased latency for Serverless Functions in hnd1", "statuspage:www.vercel-status.com",
     ["geo:JP-13"]),
    ("Cloudflare colo LHR returning 522s for half our users", None, ["geo:GB-LND"]),
    ("Fastly PoP AMS degraded, purges slow", None, ["geo:NL-NH"]),
    ("Cloudflare: elevated 5xx in our São Paulo data center (GRU)", None, ["geo:BR-SP"]),
])
def test_a_site_code_beside_its_provider_is_the_sites_place(tag, text, source, regions):
    assert tag(text, source=source)["regions"] == regions


@pytest.mark.parametrize("text, source", [
    ("Our API is down in iad1 lol", None),  # no provider that names its sites so
    ("Cloudflare DNS issues, SHA1 certs failing, API returning 500", None),  # acronyms, not airports
    ("Cloudflare is down, the DNS and CDN both, TTL ignored since 09:00 CET", None),  # acronyms in capitals
    ("the new vercel build is out, the fra team loves it", None),  # lower case without a number
])
def test_three_letters_are_no_site_without_the_shape_and_the_provider(tag, text, source):
    assert tag(text, source=source)["regions"] == []


def test_a_resolved_site_stays_where_the_outage_was(tag):
    tags = tag("Resolved - Builds in sfo1 are running normally again.", source="statuspage:www.vercel-status.com")
    assert tags["regions"] == ["geo:US-CA"]


def test_the_site_table_is_built_from_the_airports():
    codes = sites.site_codes()
    assert codes["iad"] == "US-DC" and codes["lhr"] == "GB-LND" and codes["gru"] == "BR-SP"
    assert len(codes) > 5000  # every airport with an IATA code, not a hand list


@pytest.mark.parametrize("text, regions", [
    ("cloudflare returning 522s for visitors hitting the SIN colo, origin is healthy", ["geo:SG"]),
    ("Cloudflare in FRA gibt 502, DUS-Traffic läuft normal", ["geo:DE-HE"]),  # the other site said fine
    ("Cloudflare WAW zwraca 502, przez FRA działa normalnie", ["geo:PL-14"]),
    ("Cloudflare ICN에서 522 에러, 일본 NRT 거치면 정상", ["geo:KR-11"]),
])
def test_a_colo_in_capitals_beside_cloudflare_is_its_city_and_a_contrast_is_not(tag, text, regions):
    assert tag(text)["regions"] == regions
