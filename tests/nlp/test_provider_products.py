"""A provider's product named by what its customers rent: OVH's dedicated servers are its Bare Metal line
and its instances Public Cloud, Linode's instances are its Compute. Said beside the provider (in the text or
its source), never alone: "our dedicated servers" with no provider named is nobody's product."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("text, source, service", [
    ("OVH encore en rade ? nos serveurs dédiés à Roubaix ne pingent plus", None, "ovhcloud/bare-metal"),
    ("all three of our dedicated boxes at OVH in Beauharnois dropped off the network", None, "ovhcloud/bare-metal"),
    ("serwery dedykowane w OVH nie odpowiadają od rana", None, "ovhcloud/bare-metal"),
    ("Incident en cours : perte de connectivité sur une partie des serveurs dédiés de Gravelines.",
     "x:@OVHcloud", "ovhcloud/bare-metal"),
    ("our OVH instances in GRA won't boot after the reboot", None, "ovhcloud/public-cloud"),
    ("linode in Fremont rebooted all my instances, lish shows nothing", None, "linode/compute"),
])
def test_what_a_provider_rents_beside_the_provider_is_its_product(tag, text, source, service):
    assert service in tag(text, source=source)["services"]


@pytest.mark.parametrize("text", [
    "our dedicated servers in the basement lost power again",         # no provider: nobody's Bare Metal
    "the game's instances keep crashing, raid reset is broken",       # no provider: a game's instances
    "Hetzner dedicated servers are down in Falkenstein",              # another provider's dedicated servers
])
def test_the_same_words_without_the_provider_name_no_product(tag, text):
    services = tag(text)["services"]
    assert "ovhcloud/bare-metal" not in services and "linode/compute" not in services \
        and "ovhcloud/public-cloud" not in services


@pytest.mark.parametrize("text, source, service", [
    ("Rozwiązano - Problem z uruchamianiem maszyn wirtualnych w regionie Poland Central został rozwiązany.",
     "statuspage:azure.status.microsoft", "azure/virtual-machines"),
    ("Azure Sweden Central: virtuella datorer startar inte sedan i morse", None, "azure/virtual-machines"),
    ("Clientes no Sul do Brasil podem ter falhas ao acessar o Armazenamento do Azure.", None, "azure/storage"),
])
def test_azures_products_as_its_localized_pages_name_them(tag, text, source, service):
    assert service in tag(text, source=source)["services"]


def test_the_same_words_without_azure_name_no_azure_product(tag):
    assert tag("virtuella datorer i labbet startar inte, någon som vet varför?")["services"] == []


@pytest.mark.parametrize("text, service", [
    ("Risolto – Il problema che impediva l'accesso al portale di Azure è stato risolto.", "azure/portal"),
    ("Stato di Azure: alcuni clienti che utilizzano il servizio app di Azure in Europa occidentale potrebbero "
     "riscontrare errori 503.", "azure/app-service"),
    ("nasze VM-ki w GCP europe-central2 nie odpowiadają, konsola pokazuje timeouty", "gcp/compute-engine"),
    ("OCI Ashburn: compute instances stuck in 'provisioning' for over an hour", "oracle/oci-compute"),
])
def test_a_providers_product_as_its_localized_pages_and_its_customers_name_it(tag, text, service):
    assert service in tag(text)["services"]


@pytest.mark.parametrize("text, service, not_service", [
    ("GCP europe-west3 Cloud SQL instances unreachable, Frankfurt only", "gcp/cloud-sql", "gcp/compute-engine"),
    ("OCI Phoenix: Object Storage PUTs timing out, our instances are fine", "oracle/oci-object-storage",
     "oracle/oci-compute"),
])
def test_instances_of_another_named_product_are_that_products(tag, text, service, not_service):
    services = tag(text)["services"]
    assert service in services and not_service not in services
