"""A city named beside a cloud provider is that provider's region there ("AWS São Paulo", "GCP in
Frankfurt"), except where the text speaks of the provider's offices, hiring or events: then the city is
where people work or meet, and the writers who label our sets give it its own code, not the region's."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("AWS opent een nieuw kantoor in Amsterdam met plek voor 300 mensen", ["geo:NL-NH"]),
    ("Google Cloud is hiring support engineers in Dublin, mostly BigQuery and GKE", ["geo:IE-D"]),
    ("Microsoft Azure abre vagas para engenheiros em São Paulo", ["geo:BR-SP"]),
    ("AWS Summit Stockholm i dag, fullsatt", ["geo:SE-AB"]),
    ("Google Cloudが東京に新しいオフィスを開設", ["geo:JP-13"]),
])
def test_a_city_where_a_provider_works_or_meets_is_the_city(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, regions", [
    # near misses: the same city said as the provider's region, even with "jobs" that are compute jobs
    ("AWS outage in Frankfurt, S3 down since 9", ["aws:eu-central-1"]),
    ("Frankfurt region on AWS throwing capacity errors; we moved the batch jobs elsewhere", ["aws:eu-central-1"]),
    ("Google Cloud in Tokyo is down, our office can't reach anything", ["gcp:asia-northeast1"]),
])
def test_a_city_said_as_the_providers_region_is_the_region(tag, text, regions):
    assert sorted(tag(text)["regions"]) == regions


@pytest.mark.parametrize("text, source, regions", [
    ("KMS Decrypt calls timing out intermittently in Singapore, which means basically everything in our stack is down",
     "hn:search:kms", ["aws:ap-southeast-1"]),  # a city-state a region is named after is the city, the region
    ("AWS outage in Hong Kong, EC2 instances unreachable", None, ["aws:ap-east-1"]),
    ("Alibaba Cloud ECS in Singapore: instances showing 'stopped'", None, ["geo:SG"]),  # no catalog regions
    ("AWS invests in data centres in Brazil", None, ["geo:BR"]),  # a country is still the place
])
def test_a_city_state_beside_a_provider_is_its_region(rules, text, source, regions):
    assert rules(text, source=source)["regions"] == regions
