"""A cloud region's display name that only one provider has, said beside a word for a cloud region, is that
provider's region even where the provider is not named: "quale regione scegliere, Italia settentrionale o Europa
occidentale?" (Azure's Italy North and West Europe, as Italians write them), "한국 중부 또는 한국 남부, 어느
리전을 주로 쓰나요?", "Microsoft's UK South cloud region suffered cooling failure". An English name without "cloud" is no
provider's ("Codespaces in East US ... users may change region"), nor one beside another provider."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, regions", [
    ("quale regione scegliere, Italia settentrionale o Europa occidentale? latenza verso Roma",
     ["azure:italynorth", "azure:westeurope"]),
    ("한국 중부 또는 한국 남부, 어느 리전을 주로 쓰나요?", ["azure:koreacentral", "azure:koreasouth"]),
    ("Microsoft's UK South cloud region suffered cooling failure, customers report hours of disruption",
     ["azure:uksouth"]),
    ("który region wybrać dla polskiej firmy: Polska Środkowa?", ["azure:polandcentral"]),
])
def test_a_region_name_beside_a_region_word_is_its_providers_region(tag, text, regions):
    result = tag(text)
    assert sorted(result["regions"]) == regions and result["providers"] == ["azure"]


@pytest.mark.parametrize("text", [
    "We are investigating Codespace creation failures in East US. Users may change region to continue.",
    "Italia settentrionale sotto la neve, strade chiuse",  # no word for a cloud region
])
def test_no_provider_without_a_cloud_region_said(tag, text):
    assert not any(r.startswith("azure:") for r in tag(text)["regions"])


@pytest.mark.parametrize("text, source, regions", [
    ("東京リージョンの障害中は大阪リージョンに切り替えて何とか乗り切った", "x:search:aws 障害", ["aws:ap-northeast-1"]),
    ("서울 리전 장애 때 도쿄로 페일오버해서 버텼다. 포스트모템 공유합니다", "hn:search:aws seoul", ["aws:ap-northeast-2"]),
    ("Ohio region Aurora writers timing out for about 20 min now, readers ok", "x:search:aws aurora",
     ["aws:us-east-2"]),
])
def test_a_city_said_as_a_region_is_the_region_of_the_one_provider_the_search_names(rules, text, source, regions):
    tags = rules(text, source=source)
    assert tags["regions"] == regions and tags["providers"] == ["aws"]


@pytest.mark.parametrize("text, source, regions", [
    ("東京で地震、電車が止まってる", "x:search:aws 障害", ["geo:JP-13"]),  # not said as a region: the city
    ("Ohio region Aurora writers timing out", "x:search:aws gcp", ["geo:US-OH"]),  # two providers searched
])
def test_a_city_not_said_as_a_region_or_with_two_providers_searched_stays_the_city(rules, text, source, regions):
    assert rules(text, source=source)["regions"] == regions


@pytest.mark.parametrize("text, regions", [
    ("Frankfurter Region bei AWS wieder wackelig, EC2 API antwortet nicht", ["aws:eu-central-1"]),
    ("Nach Ausfall bei Google Cloud: Frankfurter Region wieder voll verfügbar", ["gcp:europe-west3"]),
    ("AWS: Stromausfall in Frankfurter Rechenzentrum legte EC2-Instanzen lahm", ["aws:eu-central-1"]),
])
def test_a_german_city_adjective_before_region_beside_a_provider_is_its_region(rules, text, regions):
    assert rules(text)["regions"] == regions


def test_a_german_city_adjective_without_a_provider_or_region_word_is_no_region(rules):
    assert rules("Frankfurter Würstchen sind ausverkauft")["regions"] == []
    assert rules("Die Frankfurter Region hat heute Stau")["regions"] == []
