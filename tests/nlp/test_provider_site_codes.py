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


@pytest.mark.parametrize("text, source, regions", [
    ("Investigating - IBM Cloud Object Storage in us-south is returning elevated 5xx errors.",
     "statuspage:cloud.ibm.com", ["geo:US-TX"]),
    ("Kubernetes Service: Degraded - Worker node provisioning delays in the Dallas (us-south) region",
     "statuspage:cloud.ibm.com", ["geo:US-TX"]),
    ("IBM Cloud: VPC errors in eu-de since 10:00", None, ["geo:DE-HE"]),
    ("IBM Cloud Dallas (dal10) Kubernetes workers going NotReady", None, ["geo:US-TX"]),
    ("OCI us-ashburn-1 block volumes failing since the deploy", None, ["geo:US-VA"]),
    ("Resolvido - Entre 10h e 11h40 (UTC-3), clientes da OCI na região de Vinhedo tiveram erros ao criar instâncias.",
     "statuspage:ocistatus.oraclecloud.com", ["geo:BR-SP"]),
    ("alibaba cloud ecs down in cn-hangzhou, console times out", None, ["geo:CN-ZJ"]),
    ("Akamai Cloud (Linode) us-east degraded, nodes unreachable", None, ["geo:US-NJ"]),
])
def test_a_region_code_of_a_provider_without_catalog_regions_is_its_sites_city(rules, text, source, regions):
    # IBM's "us-south", Oracle's "us-ashburn-1", Alibaba's "cn-hangzhou", Linode's "us-east": the catalog's sites
    assert rules(text, source=source)["regions"] == regions


@pytest.mark.parametrize("text, source, regions", [
    ("OVH dedicated box in RBX unreachable, KVM says the server is up", "x:search:ovh", ["geo:FR-59"]),
    ("ovh public cloud instances in SBG rebooting randomly since last night", "x:search:ovh", ["geo:FR-67"]),
    ("Hetzner sunucularımız fsn1'de erişilemiyor", "x:search:hetzner", ["geo:DE-SN"]),  # a Turkish case ending
])
def test_a_data_centre_code_in_capitals_or_with_a_case_ending_beside_its_provider(rules, text, source, regions):
    assert rules(text, source=source)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("the RBX and SBG tickers both fell today", []),  # no provider: three capitals are no site
    ("our us-south team ships on Friday", []),  # no provider without catalog regions named
    ("AWS us-east-1 down, but us-east is fine on Linode", ["aws:us-east-1"]),  # Linode's us-east said fine
    ("IBM Cloud scheduled maintenance MON 02 DEC in eu-de, no impact expected", ["geo:DE-HE"]),  # MON: Monday
])
def test_site_words_without_their_provider_or_said_fine_are_no_place(rules, text, regions):
    assert rules(text)["regions"] == regions
