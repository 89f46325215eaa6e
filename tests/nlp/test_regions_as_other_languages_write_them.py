"""An on-call engineer in Sweden, Turkey, Italy or Poland reads the Azure status page in their own
language, and a Japanese or Korean one pastes a region code straight against their own script:
the region is the catalog's, not the country it is named after and not nothing."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, region", [
    ("Undersöker: Vi undersöker förhöjda felfrekvenser för Azure Storage i Sverige, centrala.", "azure:swedencentral"),
    ("Åtgärdat: kunder i Sverige central kunde uppleva fel vid anslutning till Azure SQL Database.",
     "azure:swedencentral"),
    ("İnceleniyor: Batı Avrupa bölgesinde Azure App Service uygulamalarına erişimde hatalar görülüyor.",
     "azure:westeurope"),
    ("Tanımlandı: Kuzey Avrupa bölgesindeki Azure Cosmos DB yazma hatalarının nedeni belirlendi.", "azure:northeurope"),
    ("Risolto: alcuni clienti di Azure Cosmos DB in Italia settentrionale hanno riscontrato latenza elevata.",
     "azure:italynorth"),
    ("Obniżona wydajność: Azure Virtual Machines w Europie Zachodniej uruchamiają się wolniej niż zwykle.",
     "azure:westeurope"),
    ("nasze VM-ki na Azure w Polska Centralna nie startują od rana", "azure:polandcentral"),
])
def test_an_azure_region_in_the_portals_other_languages_is_that_region(tag, text, region):
    assert tag(text)["regions"] == [region]


def test_a_country_named_like_a_region_is_still_the_country(tag):
    # "Güney Kore" is South Korea in Turkish, not Azure's Korea South.
    assert "azure:koreasouth" not in tag("Azure Güney Kore'de yeni bölge açtı")["regions"]


def test_a_localized_region_name_without_its_provider_is_not_guessed(tag):
    assert tag("Kuzey Avrupa'da kar fırtınası, uçuşlar iptal")["regions"] == []


@pytest.mark.parametrize("text, region", [
    ("ap-northeast-1のS3だけ503 SlowDown連発してる。PUTが通らない", "aws:ap-northeast-1"),
    ("GCPのasia-northeast1でCloud Runのデプロイがずっと失敗してる", "gcp:asia-northeast1"),
    ("성능 저하: asia-northeast3(서울)의 Cloud Run 배포가 평소보다 오래 걸리고 있습니다.", "gcp:asia-northeast3"),
])
def test_a_region_code_written_against_cjk_text_is_read(tag, text, region):
    assert tag(text)["regions"] == [region]


@pytest.mark.parametrize("text", [
    "AWS explica apagão que derrubou apps pelo mundo: falha em DNS na região da Virgínia",
    "Wielka awaria AWS w Wirginii położyła część internetu. Amazon wyjaśnia, co się stało",
])
def test_virginia_as_portuguese_and_polish_write_it_is_aws_us_east_1(tag, text):
    assert tag(text)["regions"] == ["aws:us-east-1"]
