"""An engineer reads Azure's status page or portal in their own language and pastes the region's name as
it is written there ("Centro de España", "Deutschland, Westen-Mitte", "Europa - west", "USA, Osten 2"):
that is the catalog region, not the country in its name and not nothing. Every Azure region gets these
names, composed from its English display name, so the sample below spans the languages and the shapes
(direction after the place, direction as a noun said of the place, a numbered region, a continent)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, region", [
    ("Azure Centro de España con errores 500 en App Service desde las 10:00", "azure:spaincentral"),
    ("Behoben – Kunden in Deutschland, Westen-Mitte sahen Fehler bei Azure Storage", "azure:germanywestcentral"),
    ("Opgelost – klanten in Europa - west hadden verbindingsproblemen met Azure Service Bus", "azure:westeurope"),
    ("Azure: problemas en Este de EE. UU. 2 con las máquinas virtuales", "azure:eastus2"),
    ("Azure USA, Osten 2: VMs starten nicht", "azure:eastus2"),
    ("Incident Azure : App Service indisponible en Asie du Sud-Est", "azure:southeastasia"),
    ("Azure Leste dos EUA com falhas no Cosmos DB desde cedo", "azure:eastus"),
    ("Azure Francia centrale: latenza elevata su SQL Database", "azure:francecentral"),
    ("Azure w regionie Szwecja Centralna nie działa logowanie", "azure:swedencentral"),
    ("Azure Storage i Norge, östra svarar inte", "azure:norwayeast"),
    ("Azure Orta Batı ABD bölgesinde sanal makineler açılmıyor", "azure:westcentralus"),
    ("Azure の米国西部で仮想マシンが起動しない", "azure:westus"),
    ("Azure 미국 중북부 리전에서 App Service 오류", "azure:northcentralus"),
])
def test_a_composed_azure_region_name_is_that_region(tag, text, region):
    assert tag(text)["regions"] == [region]


@pytest.mark.parametrize("text", [
    "En el Centro de España hace mucho calor esta semana",  # no provider: the words are geography
    "Kar fırtınası Orta Batı ABD'yi vurdu",
])
def test_a_composed_name_without_its_provider_is_not_guessed(tag, text):
    assert not any(r.startswith("azure:") for r in tag(text)["regions"])


@pytest.mark.parametrize("text, region", [
    ("Azure Güney Kore'de yeni bölge açtı", "geo:KR"),  # South Korea in Turkish, not Azure's Korea South
    ("Azure investe in Corea del Sud", "geo:KR"),
])
def test_a_country_named_like_a_direction_and_a_place_is_the_country(tag, text, region):
    assert "azure:koreasouth" not in tag(text)["regions"]


@pytest.mark.parametrize("text, regions", [
    # the tokenizer parts an elided article from a capitalised word ("l'Ouest"): the name still matches
    ("Azure – État : des clients utilisant Azure Front Door en Europe de l'Ouest rencontrent des erreurs",
     ["azure:westeurope"]),
    ("Internet lento in Valle d'Aosta da stamattina, Fastweb non va", ["geo:IT-23"]),
])
def test_a_name_with_an_elided_article_written_with_its_capital_matches(tag, text, regions):
    assert tag(text)["regions"] == regions
