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
